/**
 * Working calendars in Monte Carlo: the 2,000-task random project of bench/montecarlo.mjs with
 * and without a Mon–Fri 8-hour calendar with holidays (same work, same seed), runs/s of each
 * and their ratio. Needs the build (`npm run bench` builds first).
 *   node bench/schedule.mjs [--quick]
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { randomProject } from './montecarlo.mjs';

const lib = () => import(new URL('../dist/index.js', import.meta.url).href);

export async function run({ quick = false } = {}) {
  const { monteCarlo } = await lib();
  const plain = randomProject(2000, 50);
  const calendar = {
    ...plain,
    name: `${plain.name}, Mon–Fri calendar with holidays`,
    start: '2027-01-04',
    calendars: { office: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: 8, holidays: ['2027-04-05', '2027-05-24', { from: '2027-12-24', to: '2027-12-31' }] } },
    calendar: 'office',
  };
  const runs = quick ? 1000 : 6000;
  const time = async (s) => {
    const t0 = process.hrtime.bigint();
    await monteCarlo(s, { runs, workers: 2, seed: 1 });
    return runs / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  await time(plain); // warm-up of the module cache
  const a = await time(plain);
  const b = await time(calendar);
  return {
    runs,
    workers: 2,
    plainRunsPerSecond: Math.round(a),
    calendarRunsPerSecond: Math.round(b),
    slowdown: Math.round((a / b) * 100) / 100,
    target: 'slowdown <= 2',
    loadAverage: loadavg()[0],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await run({ quick: process.argv.includes('--quick') }), null, 2));
}
