#!/usr/bin/env node
/**
 * Date agreement of `coordsim import` on plan files no one here wrote: every XER sample and
 * every MSPDI sample with tasks of the MPXJ project (a fetched bare git copy, COORDSIM_MPXJ_GIT,
 * default /work/.mirror/joniles+mpxj/repo, junit/data) and GanttProject's HouseBuildingSample.gan
 * (COORDSIM_GAN_SAMPLE). Per file: activities with stored dates, agreeing starts and finishes,
 * and the reasons for the rest; then totals. Needs the build (`npm run build`).
 *
 *   node scripts/import-agreement.mjs [--json] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { checkPlanDates, readPlan } from '../dist/import/index.js';

const GIT = process.env.COORDSIM_MPXJ_GIT ?? '/work/.mirror/joniles+mpxj/repo';
const GAN = process.env.COORDSIM_GAN_SAMPLE ?? '/work/data/ganttproject/HouseBuildingSample.gan';
const json = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');

/** The sample files: [name, bytes]. */
function samples() {
  const out = [];
  if (existsSync(GIT)) {
    const paths = execFileSync('git', ['--git-dir', GIT, 'ls-tree', '-r', '--name-only', 'HEAD', 'junit/data'], { encoding: 'utf8', maxBuffer: 64 << 20 })
      .split('\n')
      .filter((p) => /\.(xer|xml)$/i.test(p))
      .sort();
    const buf = execFileSync('git', ['--git-dir', GIT, 'cat-file', '--batch'], { input: paths.map((p) => `HEAD:${p}\n`).join(''), maxBuffer: 1 << 30 });
    let pos = 0;
    for (const p of paths) {
      const nl = buf.indexOf(10, pos);
      const size = Number(buf.subarray(pos, nl).toString('utf8').split(' ')[2]);
      const bytes = buf.subarray(nl + 1, nl + 1 + size);
      pos = nl + 1 + size + 1;
      if (p.toLowerCase().endsWith('.xml') && !bytes.subarray(0, 4000).toString('utf8').includes('schemas.microsoft.com/project')) continue;
      out.push([p, bytes]);
    }
  } else console.error(`(no MPXJ copy at ${GIT}: its samples are skipped)`);
  if (existsSync(GAN)) out.push([GAN, readFileSync(GAN)]);
  else console.error(`(no ${GAN}: skipped)`);
  return out;
}

const rows = [];
for (const [file, bytes] of samples()) {
  let plan;
  try {
    plan = readPlan(bytes, file);
  } catch (e) {
    if (/has no tasks/.test(e.message)) continue; // MSPDI samples without tasks are not plans
    rows.push({ file, error: `${e.code ?? 'error'}: ${e.message}` });
    continue;
  }
  try {
    const { agreement: a } = checkPlanDates(plan);
    const reasons = new Map();
    for (const d of a.differ) {
      // Grouped by kind: a reader's note by its text, the others by what they name.
      const r = d.cause === 'link-before-predecessor' ? 'stored to start before its start-side predecessor starts (the simulation cannot)' : d.cause === 'predecessor-differs' ? "after a predecessor whose dates differ" : d.reason ?? 'unknown';
      reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    rows.push({ file, activities: a.total, starts: a.starts, finishes: a.finishes, agree: a.agree, reasons: Object.fromEntries([...reasons].sort((x, y) => y[1] - x[1])), differ: verbose ? a.differ : undefined });
  } catch (e) {
    rows.push({ file, error: `${e.code ?? 'error'}: ${e.message}` });
  }
}

const ok = rows.filter((r) => r.error === undefined);
const sum = (k) => ok.reduce((s, r) => s + r[k], 0);
const totals = { files: ok.length, failed: rows.length - ok.length, activities: sum('activities'), starts: sum('starts'), finishes: sum('finishes'), agree: sum('agree'), reasons: {} };
for (const r of ok) for (const [k, n] of Object.entries(r.reasons)) totals.reasons[k] = (totals.reasons[k] ?? 0) + n;
totals.reasons = Object.fromEntries(Object.entries(totals.reasons).sort((x, y) => y[1] - x[1]));

if (json) console.log(JSON.stringify({ rows, totals }, null, 2));
else {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'file'.padEnd(64)} ${pad('acts', 5)} ${pad('starts', 6)} ${pad('finish', 6)} ${pad('both', 5)}  reasons for the rest`);
  for (const r of rows) {
    const name = r.file.replace(/^junit\/data\//, '').replace(/^.*\/(HouseBuildingSample)/, '$1');
    if (r.error !== undefined) console.log(`${name.padEnd(64)} ERROR ${r.error.slice(0, 160)}`);
    else console.log(`${name.padEnd(64)} ${pad(r.activities, 5)} ${pad(r.starts, 6)} ${pad(r.finishes, 6)} ${pad(r.agree, 5)}  ${Object.entries(r.reasons).map(([k, n]) => `${n}× ${k}`).join('; ')}`);
    if (verbose && r.differ) for (const d of r.differ) console.log(`    ${d.sourceId} ${d.name}: stored ${d.stored.start} – ${d.stored.finish}, simulated ${d.simulated.start} – ${d.simulated.finish}${d.reason ? ` (${d.reason})` : ''}`);
  }
  console.log(`TOTAL ${totals.files} files (${totals.failed} not imported): ${totals.activities} activities, ${totals.starts} starts and ${totals.finishes} finishes agree, ${totals.agree} both`);
  for (const [k, n] of Object.entries(totals.reasons)) console.log(`  ${n}× ${k}`);
}
