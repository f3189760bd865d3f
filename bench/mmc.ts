/**
 * M/M/c through Leadlab's engine (Simulation + seeded streams), the same model as the bare-heap reference
 * in ../shared/bench/reference-mmc.mjs: two events per customer (arrival, departure), FIFO queue.
 * Prints JSON like the reference does.
 */
import { Simulation } from '../src/sim/simulation';
import { stream } from '../src/sim/random';

const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args.set(argv[i].replace(/^--/, ''), argv[i + 1]);
const N = Number(args.get('customers') ?? 1_000_000);
const c = Number(args.get('c') ?? 10), rho = Number(args.get('rho') ?? 0.9), mu = Number(args.get('mu') ?? 1);
const warmup = 10_000;
const lam = rho * c * mu;

const sim = new Simulation();
const rngA = stream(42, 'arrivals'), rngS = stream(42, 'service');
const arrivalT = new Float64Array(N);
const queue = new Int32Array(N);
let qh = 0, qt = 0, free = c, nextId = 0, served = 0, sumWait = 0, nWait = 0;

const startService = (i: number) => {
  free--;
  if (i >= warmup) {
    sumWait += sim.now - arrivalT[i];
    nWait++;
  }
  sim.schedule(-Math.log(1 - rngS()) / mu, depart, i);
};
const depart = () => {
  served++;
  free++;
  if (qh < qt) startService(queue[qh++]);
};
const arrive = () => {
  const i = nextId++;
  arrivalT[i] = sim.now;
  if (nextId < N) sim.schedule(-Math.log(1 - rngA()) / lam, arrive, 0);
  if (free > 0) startService(i);
  else queue[qt++] = i;
};
sim.schedule(0, arrive, 0);
const t0 = performance.now();
sim.run();
const wall = (performance.now() - t0) / 1000;

function erlangCWq(c: number, lam: number, mu: number): number {
  const a = lam / mu;
  let term = 1, s = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    s += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (s + top) / (c * mu - lam);
}
const wq = erlangCWq(c, lam, mu);
const mean = sumWait / nWait;
console.log(
  JSON.stringify({
    engine: 'leadlab Simulation',
    customers_served: served,
    events: sim.eventsRun,
    wall_s: +wall.toFixed(3),
    customers_per_s: Math.round(served / wall),
    events_per_s: Math.round(sim.eventsRun / wall),
    mean_wait_after_warmup: +mean.toFixed(5),
    analytic_Wq_erlang_c: +wq.toFixed(5),
    rel_error_pct: +((100 * (mean - wq)) / wq).toFixed(2),
    peak_rss_mib_self: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
  }),
);
