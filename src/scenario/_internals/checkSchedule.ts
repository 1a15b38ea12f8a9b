import { CoordsimError } from '../CoordsimError.js';
import type { Scenario } from '../Scenario.js';
import { linkTarget } from '../Scenario.js';
import type { Fail } from './fail.js';
import type { Path } from './pointer.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import { suggest } from './suggest.js';

/**
 * Checks the schedule keys: dates, calendars and their names, days off, constraints and
 * progress (a progress entry names a task; what is finished does not follow unfinished
 * work). `resolve` compiles them the way the engine will (calendar errors keep their path).
 */
export function checkSchedule(s: Scenario, ix: ScenarioIndex, resolve: (s: Scenario) => void, fail: Fail): void {
  const isTask = (id: string) => ix.nodes.get(id)?.kind === 'task';
  for (const id of Object.keys(s.progress ?? {})) {
    if (!isTask(id)) fail('E_REFERENCE', `progress names '${id}', which is no task${suggest(id, s.tasks.map((t) => t.id))}`, ['progress', id]);
  }
  s.tasks.forEach((t, i) => {
    const after = t.after;
    if (after === undefined) return;
    for (let k = 0; k < after.length; k++) {
      const e = after[k];
      if (typeof e !== 'string' && e.lag !== undefined && !Number.isFinite(e.lag)) fail('E_PARAM', `task '${t.id}': expected a finite lag, found ${e.lag}`, ['tasks', i, 'after', k, 'lag']);
    }
  });
  try {
    resolve(s);
  } catch (e) {
    if (e instanceof CoordsimError && e.context.path !== undefined) fail(e.code, stripWhere(e), toPath(e.context.path));
    throw e;
  }
  // Finished work follows only finished work.
  if (s.progress === undefined) return;
  const progress = new Map(Object.entries(s.progress));
  s.tasks.forEach((t, i) => {
    if (progress.get(t.id)?.actual_finish === undefined) return;
    (t.after ?? []).forEach((e, k) => {
      const p = linkTarget(e);
      if (!isTask(p)) return;
      const type = typeof e === 'string' ? 'FS' : (e.type ?? 'FS');
      if (type === 'FS' && progress.get(p)?.actual_finish === undefined) {
        fail('E_PARAM', `task '${t.id}' is finished but its predecessor '${p}' is not (finish-to-start): give '${p}' an actual_finish too`, ['tasks', i, 'after', k]);
      }
    });
  });
}

/** A CoordsimError's message without the `at /path: ` prefix its constructor added. */
function stripWhere(e: CoordsimError): string {
  const prefix = `at ${e.context.path === '' ? '/' : e.context.path}: `;
  const i = e.message.indexOf(prefix);
  return i >= 0 ? e.message.slice(i + prefix.length) : e.message;
}

function toPath(pointer: string): Path {
  return pointer
    .split('/')
    .slice(1)
    .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
}
