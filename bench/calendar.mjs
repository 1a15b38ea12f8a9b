/**
 * Working-calendar benchmark: calls per second of WorkingTime.advance (and retreat,
 * workBetween) on a Mon–Fri 8 h calendar with holidays, against the always-working identity.
 * Times spread over ~2 years, work of 0.5–10 days, best of 3 after a warm-up. Needs the build
 * (`npm run build`). `perRunMicroseconds` is the cost of the ~4,000 calls one Monte Carlo run
 * of a 2,000-task project makes. Run alone (`node bench/calendar.mjs`) or from bench/run.mjs.
 */
import { fileURLToPath } from 'node:url';
import { CalendarSystem } from '../dist/calendar/index.js';

const CALLS = 1_000_000;
const N = 4096; // distinct inputs, cycled

const OFFICE = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: 8,
  holidays: ['2027-01-01', { from: '2027-04-02', to: '2027-04-05' }, '2027-05-24', { from: '2027-12-24', to: '2027-12-31' }, '2028-01-01', { from: '2028-12-24', to: '2028-12-31' }],
};

let sink = 0; // consumed below so that the loops cannot be optimised away

function inputs() {
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const t = new Float64Array(N);
  const w = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    t[i] = rnd() * 700;
    w[i] = 0.5 + rnd() * 9.5;
  }
  return { t, w };
}

function time(call, { t, w }) {
  const t0 = performance.now();
  let acc = 0;
  for (let i = 0; i < CALLS; i++) acc += call(t[i & (N - 1)], w[i & (N - 1)]);
  const seconds = (performance.now() - t0) / 1000;
  sink += acc;
  return CALLS / seconds;
}

function best(call, data) {
  time(call, data);
  return Math.round(Math.max(time(call, data), time(call, data), time(call, data)));
}

/** Runs the benchmark and returns calls per second by case, and the ratio to the identity. */
export async function run() {
  const data = inputs();
  const identity = CalendarSystem.fromScenario({ start: '2027-01-04', time_unit: 'day' }).project;
  const office = CalendarSystem.fromScenario({ start: '2027-01-04', time_unit: 'day', calendars: { office: OFFICE }, calendar: 'office' }).project;
  office.advance(800, 1); // the horizon the inputs need, generated before timing
  const callsPerSecond = {
    identityAdvance: best((t, w) => identity.advance(t, w), data),
    officeAdvance: best((t, w) => office.advance(t, w), data),
    officeRetreat: best((t, w) => office.retreat(t, w), data),
    officeWorkBetween: best((t, w) => office.workBetween(t, t + w), data),
    officeAdvanceSigned: best((t, w) => office.advanceSigned(t, w - 5), data),
  };
  if (!Number.isFinite(sink)) throw new Error('non-finite results');
  return {
    calls: CALLS,
    callsPerSecond,
    officeVsIdentity: Math.round((callsPerSecond.identityAdvance / callsPerSecond.officeAdvance) * 10) / 10,
    perRunMicroseconds: { identity: Math.round((4000 / callsPerSecond.identityAdvance) * 1e7) / 10, office: Math.round((4000 / callsPerSecond.officeAdvance) * 1e7) / 10 },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify({ node: process.version, ...(await run()) }, null, 2) + '\n');
}
