/**
 * The fields an import can fill, per kind of file, and the header names that are recognized for each
 * without an explicit `--map`. Header names are compared after {@link normalizeHeader}, so "Lead ID",
 * "lead_id" and "LeadId" are the same.
 */

/** What kind of rows a file holds. */
export type ImportKind = 'calls' | 'leads' | 'summary';

/** Fields of a call log: one row per call attempt. */
export type CallLogField =
  | 'leadId'
  | 'leadCreated'
  | 'attemptTime'
  | 'outcome'
  | 'agent'
  | 'source'
  | 'product'
  | 'converted'
  | 'convertedTime';

/** Fields of a lead stream: one row per lead. */
export type LeadStreamField = 'leadId' | 'leadCreated' | 'source' | 'product' | 'converted' | 'convertedTime';

/** Fields of a per-lead attempt summary: one row per lead with its number of calls (e.g. UCI Bank Marketing). */
export type LeadSummaryField = 'leadId' | 'attempts' | 'contacted' | 'converted';

/** Any field of any kind. */
export type ImportField = CallLogField | LeadStreamField | LeadSummaryField;

/** A field's recognized header names (normalized), most specific first. */
export const FIELD_ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  leadId: ['leadid', 'lead', 'leadno', 'leadnumber', 'leadkey', 'prospectid', 'customerid', 'contactid', 'clientid', 'recordid', 'id'],
  leadCreated: [
    'leadcreated', 'leadcreatedat', 'leadcreatedtime', 'leadcreateddate', 'createdat', 'created', 'createdtime', 'createddate',
    'datecreated', 'createdon', 'leaddate', 'leadtime', 'receivedat', 'received', 'receivedtime', 'leadreceived', 'submittedat',
    'submitted', 'arrival', 'arrivaltime', 'arrivedat',
  ],
  attemptTime: [
    'attempttime', 'attemptedat', 'attemptat', 'attemptdate', 'calltime', 'callstart', 'callstarttime', 'calldatetime', 'calldate',
    'calledat', 'dialtime', 'dialedat', 'startedat', 'starttime', 'attempt', 'attempted', 'called', 'dialed', 'timestamp',
  ],
  outcome: ['outcome', 'calloutcome', 'result', 'callresult', 'disposition', 'dispositioncode', 'callstatus', 'status'],
  agent: ['agent', 'agentid', 'agentname', 'rep', 'repname', 'user', 'userid', 'username', 'caller', 'owner', 'loanofficer'],
  source: ['source', 'leadsource', 'vendor', 'leadvendor', 'provider', 'channel'],
  product: ['product', 'producttype', 'loantype', 'loanproduct', 'program'],
  converted: ['converted', 'conversion', 'isconverted', 'funded', 'isfunded', 'sold', 'won', 'sale', 'closedwon', 'y'],
  convertedTime: ['convertedat', 'convertedtime', 'converteddate', 'conversiondate', 'conversiontime', 'fundedat', 'fundeddate', 'closedat', 'closedate', 'saledate'],
  attempts: [
    'attempts', 'attemptcount', 'numattempts', 'numberofattempts', 'noofattempts', 'calls', 'callcount', 'numcalls', 'numberofcalls',
    'noofcalls', 'totalcalls', 'callsmade', 'dials', 'noofcontacts', 'numberofcontacts', 'numcontacts', 'nocontacts', 'contactcount',
    'totalcontacts', 'timescontacted', 'campaign',
  ],
  contacted: ['contacted', 'reached', 'iscontacted', 'everreached'],
};

/**
 * Header shapes of an attempt count that no alias lists ("Calls This Campaign", "NoOfDials"): a word for calls
 * in the name, and not a count of an earlier campaign or a number of days.
 */
export function looksLikeAttemptCount(normalized: string): boolean {
  return /(contacts|calls|attempts|dials)/.test(normalized) && !/^(prev|previous|last|days|pdays|before)/.test(normalized);
}

/** The fields of each kind, in the order a summary lists them, and which are required. */
export const KIND_FIELDS: Readonly<Record<ImportKind, { fields: readonly ImportField[]; required: readonly ImportField[] }>> = {
  calls: {
    fields: ['leadId', 'leadCreated', 'attemptTime', 'outcome', 'agent', 'source', 'product', 'converted', 'convertedTime'],
    required: ['leadId', 'leadCreated', 'attemptTime', 'outcome'],
  },
  leads: {
    fields: ['leadId', 'leadCreated', 'source', 'product', 'converted', 'convertedTime'],
    required: ['leadId', 'leadCreated'],
  },
  summary: {
    fields: ['leadId', 'attempts', 'contacted', 'converted'],
    required: ['attempts'],
  },
};

/** Lower case, letters and digits only: "Lead Created (UTC)" -> "leadcreatedutc". */
export function normalizeHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const NULLISH = new Set(['', 'null', 'na', 'n/a', 'none', '-', 'nan', 'undefined']);

/** True for a cell that stands for "no value": empty, "NULL", "NA", "N/A", "none", "-", "NaN", "undefined". */
export function isNullish(text: string): boolean {
  return text.length <= 9 && NULLISH.has(text.trim().toLowerCase());
}

/** True when `name` is a field of some kind. */
export function isImportField(name: string): name is ImportField {
  return Object.prototype.hasOwnProperty.call(FIELD_ALIASES, name);
}
