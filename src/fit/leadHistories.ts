import { CONTACT_CODE, type CallLogTable } from '../io/callLogTable';

/**
 * A call log regrouped by lead, attempts in time order. Ages are minutes since the lead was created (the
 * earliest creation time its rows give).
 */
export interface LeadHistories {
  leads: number;
  /** Row indices of the table, grouped by lead and sorted by attempt time within a lead. */
  order: Int32Array;
  /** Lead i's attempts are order[start[i]] ... order[start[i + 1] - 1]. */
  start: Int32Array;
  created: Float64Array;
  /** Attempt number (1-based) of the first contact, 0 when never reached. */
  contactAttempt: Int32Array;
  /** Age at first contact, or at the last attempt when never reached (the censoring time). */
  contactOrCensorAge: Float64Array;
  /** Age at the first attempt (speed to lead). */
  firstAttemptAge: Float64Array;
  /** 1 converted, 0 not, -1 unknown (any row of the lead saying converted makes it converted). */
  converted: Int8Array;
  /** Leads whose rows disagree on the creation time by more than a minute. */
  inconsistentCreated: number;
}

/** Groups a call log by lead in O(rows) (a counting sort by lead, then a small sort per lead). */
export function leadHistories(table: CallLogTable): LeadHistories {
  const leads = table.leadIds.length;
  const n = table.length;
  const start = new Int32Array(leads + 1);
  for (let i = 0; i < n; i++) start[table.lead[i] + 1]++;
  for (let l = 0; l < leads; l++) start[l + 1] += start[l];
  const fill = start.slice(0, leads);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[table.lead[i]]++] = i;
  const created = new Float64Array(leads).fill(Infinity);
  const maxCreated = new Float64Array(leads).fill(-Infinity);
  const converted = new Int8Array(leads).fill(-1);
  for (let i = 0; i < n; i++) {
    const l = table.lead[i];
    if (table.leadCreated[i] < created[l]) created[l] = table.leadCreated[i];
    if (table.leadCreated[i] > maxCreated[l]) maxCreated[l] = table.leadCreated[i];
    const c = table.converted[i];
    if (c === 1) converted[l] = 1;
    else if (c === 0 && converted[l] === -1) converted[l] = 0;
  }
  const contactAttempt = new Int32Array(leads);
  const contactOrCensorAge = new Float64Array(leads);
  const firstAttemptAge = new Float64Array(leads);
  let inconsistentCreated = 0;
  const t = table.attemptTime;
  for (let l = 0; l < leads; l++) {
    const a = start[l], b = start[l + 1];
    // Insertion sort: a lead has few attempts, usually already in order.
    for (let i = a + 1; i < b; i++) {
      const v = order[i];
      let j = i - 1;
      while (j >= a && t[order[j]] > t[v]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
    if (maxCreated[l] - created[l] > 1) inconsistentCreated++;
    firstAttemptAge[l] = t[order[a]] - created[l];
    let k = 0;
    for (let i = a; i < b; i++) {
      if (table.outcome[order[i]] === CONTACT_CODE) {
        k = i - a + 1;
        break;
      }
    }
    contactAttempt[l] = k;
    contactOrCensorAge[l] = (k > 0 ? t[order[a + k - 1]] : t[order[b - 1]]) - created[l];
  }
  return { leads, order, start, created, contactAttempt, contactOrCensorAge, firstAttemptAge, converted, inconsistentCreated };
}
