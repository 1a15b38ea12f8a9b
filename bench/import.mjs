/**
 * Import benchmark: a generated P6 XER of 4,000 activities (four calendars with holidays and
 * exceptions, a WBS of 200 nodes, 80 resources on three calendars, about 6,000 links of all
 * four types with lags, assignments, progress before the data date, constraints), imported
 * end to end by the CLI (`coordsim import big.xer -o out.yaml`, process start to exit), and
 * the stages in process: read, validation, the as-scheduled run with the date comparison,
 * YAML writing. Best of 5 after a warm-up. Needs the build (`npm run build`).
 * Run alone (`node bench/import.mjs [N]`) or from bench/run.mjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { checkPlanDates, readPlan } from '../dist/import/index.js';
import { scenarioYaml } from '../dist/import/_internals/scenarioYaml.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const REPEAT = 5;

/** A P6 calendar's clndr_data: working ranges per weekday (1 = Sunday) and holiday day numbers (since 1899-12-30). */
function clndrData(week, holidays, exceptions = []) {
  const day = (d) => `(0||${d}()(${(week[d] ?? []).map(([s, f], i) => `(0||${i}(s|${s}|f|${f})())`).join('')}))`;
  const hol = holidays.map((h, i) => `(0||${i}(d|${h})())`).join('');
  const exc = exceptions.map(([d, s, f], i) => `(0||${holidays.length + i}(d|${d})((0||0(s|${s}|f|${f})())))`).join('');
  return `(0||CalendarData()((0||DaysOfWeek()(${[1, 2, 3, 4, 5, 6, 7].map(day).join('')}))(0||Exceptions()(${hol}${exc}))))`;
}

/** The generated XER text (deterministic: a fixed linear congruential sequence). */
export function bigXer(n = 4000) {
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const office = { 2: [['08:00', '12:00'], ['13:00', '17:00']], 3: [['08:00', '12:00'], ['13:00', '17:00']], 4: [['08:00', '12:00'], ['13:00', '17:00']], 5: [['08:00', '12:00'], ['13:00', '17:00']], 6: [['08:00', '12:00'], ['13:00', '17:00']] };
  const sixDay = { ...office, 7: [['08:00', '12:00']] };
  const fourTen = { 2: [['07:00', '12:00'], ['12:30', '17:30']], 3: [['07:00', '12:00'], ['12:30', '17:30']], 4: [['07:00', '12:00'], ['12:30', '17:30']], 5: [['07:00', '12:00'], ['12:30', '17:30']] };
  const allDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [['00:00', '00:00']]]));
  const holidays = [];
  for (let y = 0; y < 4; y++) for (const d of [0, 100, 121, 230, 358, 359, 364]) holidays.push(46388 + y * 365 + d); // 2027-01-01 onwards
  const cals = [
    [1, 'Y', 'Standard', 8, clndrData(office, holidays, [[46400, '09:00', '13:00']])],
    [2, 'N', 'Six Day', 8, clndrData(sixDay, holidays)],
    [3, 'N', 'Four Tens', 10, clndrData(fourTen, holidays.slice(0, 12))],
    [4, 'N', '24 Hour', 24, clndrData(allDay, [])],
  ];
  const L = [];
  const table = (name, fields, rows) => {
    L.push(`%T\t${name}`, `%F\t${fields.join('\t')}`);
    for (const r of rows) L.push(`%R\t${r.join('\t')}`);
  };
  L.push('ERMHDR\t19.12\t2027-03-01\tProject\tadmin\tAdmin\tdbxDatabaseNoName\tProject Management\tEUR');
  table('PROJECT', ['proj_id', 'proj_short_name', 'project_flag', 'clndr_id', 'last_recalc_date', 'plan_start_date'], [[100, 'BIG', 'Y', 1, '2027-03-01 08:00', '2027-01-04 08:00']]);
  table('CALENDAR', ['clndr_id', 'default_flag', 'clndr_name', 'proj_id', 'base_clndr_id', 'clndr_type', 'day_hr_cnt', 'clndr_data'], cals.map(([id, def, name, h, data]) => [id, def, name, '', '', 'CA_Base', h, data]));
  table('SCHEDOPTIONS', ['schedoptions_id', 'proj_id', 'sched_lag_early_start_flag', 'sched_calendar_on_relationship_lag', 'sched_progress_override', 'sched_retained_logic'], [[1, 100, 'N', 'rcal_Predecessor', 'N', 'Y']]);
  const wbs = [[200, 100, 0, 'Y', 'BIG', 'Big project', '']];
  for (let i = 1; i <= 200; i++) wbs.push([200 + i, 100, i, 'N', `W${i}`, `Work package ${i}`, i <= 20 ? 200 : 200 + 1 + Math.floor(rnd() * 20)]);
  table('PROJWBS', ['wbs_id', 'proj_id', 'seq_num', 'proj_node_flag', 'wbs_short_name', 'wbs_name', 'parent_wbs_id'], wbs);
  const rsrc = [];
  for (let r = 0; r < 80; r++) rsrc.push([500 + r, pick([1, 1, 1, 2, 3]), `Resource ${r}`, `R${r}`, r === 79 ? 'RT_Mat' : 'RT_Labor']);
  table('RSRC', ['rsrc_id', 'clndr_id', 'rsrc_name', 'rsrc_short_name', 'rsrc_type'], rsrc);
  const pad = (x) => String(x).padStart(2, '0');
  const date = (dayOffset, h) => {
    const d = new Date(Date.UTC(2027, 0, 4 + dayOffset));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(h)}:00`;
  };
  const tasks = [];
  for (let i = 0; i < n; i++) {
    const hours = pick([8, 16, 24, 40, 80, 4, 12]);
    const off = Math.floor((i / n) * 700);
    const type = i % 97 === 0 ? 'TT_Mile' : i % 101 === 0 ? 'TT_FinMile' : i % 13 === 0 ? 'TT_Rsrc' : 'TT_Task';
    const milestone = type === 'TT_Mile' || type === 'TT_FinMile';
    const status = off < 30 ? 'TK_Complete' : off < 40 && i % 2 === 0 ? 'TK_Active' : 'TK_NotStart';
    const h = milestone ? 0 : hours;
    const cstr = i % 50 === 7 ? 'CS_MSOA' : i % 71 === 3 ? 'CS_MEOB' : '';
    tasks.push([
      1000 + i, 100, 201 + Math.floor(rnd() * 200), pick([1, 1, 1, 1, 2, 3, 4]), type, status, `A${1000 + i * 10}`, `Activity ${i} "${pick(['dig', 'pour', 'frame', 'wire', 'test'])}"`,
      status === 'TK_Complete' ? 0 : status === 'TK_Active' ? h / 2 : h, h, cstr ? date(off + 3, 8) : '',
      status !== 'TK_NotStart' ? date(off, 8) : '', status === 'TK_Complete' ? date(off + 1, 17) : '',
      date(off, 8), date(off + Math.ceil(h / 8), 17), cstr,
    ]);
  }
  table('TASK', ['task_id', 'proj_id', 'wbs_id', 'clndr_id', 'task_type', 'status_code', 'task_code', 'task_name', 'remain_drtn_hr_cnt', 'target_drtn_hr_cnt', 'cstr_date', 'act_start_date', 'act_end_date', 'early_start_date', 'early_end_date', 'cstr_type'], tasks);
  const preds = [];
  let k = 3000;
  for (let i = 1; i < n; i++) {
    const links = 1 + Math.floor(rnd() * 2);
    const seen = new Set();
    for (let l = 0; l < links; l++) {
      const p = Math.max(0, i - 1 - Math.floor(rnd() * 30));
      if (seen.has(p)) continue;
      seen.add(p);
      const type = pick(['PR_FS', 'PR_FS', 'PR_FS', 'PR_FS', 'PR_SS', 'PR_FF', 'PR_SF']);
      preds.push([k++, 1000 + i, 1000 + p, 100, 100, type, pick([0, 0, 0, 8, 16, -4])]);
    }
  }
  table('TASKPRED', ['task_pred_id', 'task_id', 'pred_task_id', 'proj_id', 'pred_proj_id', 'pred_type', 'lag_hr_cnt'], preds);
  const assign = [];
  for (let i = 0; i < n; i++) {
    if (i % 97 === 0 || i % 101 === 0) continue;
    const m = 1 + Math.floor(rnd() * 2);
    for (let a = 0; a < m; a++) assign.push([k++, 1000 + i, 500 + ((i * 7 + a * 13) % 80), 100, a === 0 ? 1 : 0.5]);
  }
  table('TASKRSRC', ['taskrsrc_id', 'task_id', 'rsrc_id', 'proj_id', 'target_qty_per_hr'], assign);
  L.push('%E');
  return L.join('\r\n') + '\r\n';
}

/** Best wall time and best CPU time (user + system, this process) of f, in ms. */
function best(f) {
  f();
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, performance.now() - t0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return [wall, cpu];
}

export function run(n = 4000) {
  const dir = mkdtempSync(join(tmpdir(), 'coordsim-import-bench-'));
  try {
    const file = join(dir, 'big.xer');
    writeFileSync(file, bigXer(n), 'latin1');
    const bytes = readFileSync(file);
    let plan;
    let check;
    const [readMs, readCpu] = best(() => (plan = readPlan(bytes, file)));
    const [checkMs, checkCpu] = best(() => (check = checkPlanDates(plan, plan.scenario, file)));
    const [yamlMs, yamlCpu] = best(() => scenarioYaml(plan.scenario));
    const [yamlLibMs] = best(() => stringify(plan.scenario, { lineWidth: 0 }));
    const [cliMs] = best(() => execFileSync(process.execPath, [CLI, 'import', file, '-o', join(dir, 'out.yaml')], { stdio: ['ignore', 'ignore', 'pipe'] }));
    const a = check.agreement;
    const r = Math.round;
    const figures = {
      activities: a.total,
      links: plan.scenario.tasks.reduce((s, t) => s + (t.after?.length ?? 0), 0),
      readMs: r(readMs),
      readCpuMs: r(readCpu),
      checkMs: r(checkMs),
      checkCpuMs: r(checkCpu),
      yamlMs: r(yamlMs),
      yamlCpuMs: r(yamlCpu),
      yamlPackageMs: r(yamlLibMs),
      endToEndMs: r(cliMs),
    };
    console.log(
      `import ${n} activities (${figures.links} links), best of ${REPEAT}, wall (CPU) ms: read ${figures.readMs} (${figures.readCpuMs}), ` +
        `validate + as-scheduled run + date check ${figures.checkMs} (${figures.checkCpuMs}), YAML ${figures.yamlMs} (${figures.yamlCpuMs}; the yaml package: ${figures.yamlPackageMs}); ` +
        `coordsim import end to end ${figures.endToEndMs} wall`,
    );
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) run(process.argv[2] ? Number(process.argv[2]) : undefined);
