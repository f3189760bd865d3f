// Generates the sample call logs in this folder from a known contact model, so that `leadlab fit` can be
// tried (and checked) on data whose truth is known. Run: node data/calllogs/generate.mjs
// The TypeScript generator (src/fit/simulateCallLog.ts) is bundled on the fly with esbuild.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const bundle = await build({
  stdin: {
    contents: "export { simulateCallLog } from './src/fit/simulateCallLog.ts'; export { stream } from './src/sim/random.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
});
const { simulateCallLog, stream } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

// The truth (also written to sample-truth.json): weekday calling 8:00-20:00, Saturday 9:00-14:00.
const callHours = (h) => { const d = Math.floor(h / 24), hod = h % 24; return d < 5 ? hod >= 8 && hod < 20 : d === 5 && hod >= 9 && hod < 14; };
const hourOfWeek = Array.from({ length: 168 }, (_, h) => {
  const d = Math.floor(h / 24), hod = h % 24;
  if (!callHours(h)) return 1;
  if (d === 5) return 0.9;
  return hod < 12 ? 1.2 : hod < 17 ? 1 : 0.75;
});
const model = { contactability: { alpha: 0.9, beta: 2.2 }, hourOfWeek, ageDecay: { kind: 'exponential', halfLifeMinutes: 90, floor: 0.35 } };
const records = simulateCallLog(stream(2024, 'sample-calls'), {
  model, leads: 3000, arrivalSpan: 4 * 10080,
  schedule: [2, 15, 60, 180, 1440, 1800, 2880, 4320, 7200], jitter: 6, callHours,
  // Fast first calls and early contact convert better (an assumption for the sample, not a finding).
  conversion: (p, k, delay) => (k === 0 ? 0.005 : 0.08 + 0.12 * Math.exp(-delay / 30)) * (k > 3 ? 0.7 : 1),
});

// Wall-clock strings in US format for America/Chicago; minute 0 is Monday 1 April 2024 00:00 local
// (no daylight-saving change in the four weeks the sample spans).
const start = Date.UTC(2024, 3, 1);
const us = (m) => {
  const d = new Date(start + Math.round(m) * 60_000);
  const h = d.getUTCHours(), ampm = h < 12 ? 'AM' : 'PM';
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${((h + 11) % 12) + 1}:${String(d.getUTCMinutes()).padStart(2, '0')} ${ampm}`;
};
const words = { contact: 'Contacted', 'no-answer': 'No Answer', voicemail: 'Left Voicemail' };
const agents = ['Ana Ruiz', 'Ben Oyelaran', 'Chen Wei', 'Dana "DJ" Jones'];
const sources = ['Bankrate', 'LendingTree', 'Web form'];
const rng = stream(2024, 'sample-labels');
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const lines = ['Lead ID,Lead Created,Call Time,Disposition,Agent,Lead Source,Funded'];
const sourceOf = new Map();
for (const r of records) {
  if (!sourceOf.has(r.leadId)) sourceOf.set(r.leadId, sources[Math.floor(rng() * sources.length)]);
  lines.push([r.leadId, us(r.leadCreated), us(r.attemptTime), words[r.outcome], agents[Math.floor(rng() * agents.length)], sourceOf.get(r.leadId), r.converted ? 'Yes' : 'No'].map(quote).join(','));
}
const text = lines.join('\r\n') + '\r\n';
writeFileSync(`${here}sample-calls.csv.gz`, gzipSync(text, { level: 9 }));
writeFileSync(`${here}sample-truth.json`, JSON.stringify({ contactModel: model, leads: 3000, rows: records.length, timeZone: 'America/Chicago', note: 'the model sample-calls.csv.gz was drawn from; see generate.mjs' }, null, 2) + '\n');
console.log(`wrote sample-calls.csv.gz (${records.length} attempts on 3000 leads) and sample-truth.json`);
