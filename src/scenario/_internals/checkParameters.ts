import { SimError } from '../../sim/SimError.js';
import type { Distribution, DistributionSpec } from '../../sim/distributions/Distribution.js';
import { distribution } from '../../sim/distributions/fromSpec.js';
import type { Scenario } from '../Scenario.js';
import { distributionPath, forEachDistribution } from './distributionSpecs.js';
import type { Fail } from './fail.js';

/** Tolerance of "the outcome probabilities sum to 1". */
const SUM_TOLERANCE = 1e-9;

/** The distributions of the tasks' durations, as built to check them, with the specs they were built from. */
export interface BuiltDurations {
  specs: Array<DistributionSpec | undefined>;
  built: Array<Distribution | undefined>;
}

/**
 * Checks values the schema cannot: every distribution's parameters (by building it),
 * gate outcome sums, remediation and rework settings, and that each risk does something.
 * Returns the tasks' duration distributions it built (compiling the scenario reuses them).
 */
export function checkParameters(s: Scenario, fail: Fail): BuiltDurations {
  const durations: BuiltDurations = { specs: new Array(s.tasks.length), built: new Array(s.tasks.length) };
  forEachDistribution(s, (spec, a, b, c, d) => {
    try {
      const built = distribution(spec);
      if (c === 'duration' && a === 'tasks') {
        durations.specs[b as number] = spec;
        durations.built[b as number] = built;
      }
    } catch (e) {
      const path = distributionPath(a, b, c, d);
      if (e instanceof SimError) fail('E_PARAM', e.message, typeof spec === 'object' && spec !== null ? [...path, ...Object.keys(spec).slice(0, 1)] : path);
      throw e;
    }
  });

  (s.gates ?? []).forEach((g, i) => {
    const o = g.outcomes;
    if (o) {
      const given = (['pass', 'remediate', 'fail'] as const).filter((k) => o[k] !== undefined);
      const sum = given.reduce((acc, k) => acc + o[k]!, 0);
      const shown = given.map((k) => `${k} ${o[k]}`).join(' + ') || 'nothing';
      if (o.pass !== undefined ? Math.abs(sum - 1) > SUM_TOLERANCE : sum > 1 + SUM_TOLERANCE) {
        const expected = o.pass !== undefined ? 'outcome probabilities summing to 1' : 'remediate + fail <= 1 (pass is the rest)';
        fail('E_PARAM', `gate '${g.id}': expected ${expected}, found ${shown} = ${+sum.toFixed(12)}`, ['gates', i, 'outcomes']);
      }
      if ((o.remediate ?? 0) > 0 && !g.remediation) {
        fail('E_PARAM', `gate '${g.id}' has remediate ${o.remediate} but no 'remediation' (its effort)`, ['gates', i, 'outcomes', 'remediate']);
      }
    }
    const fraction = g.rework?.fraction;
    if (fraction !== undefined) {
      const key = typeof fraction === 'object' ? Object.keys(fraction)[0] : undefined;
      const path = ['gates', i, 'rework', 'fraction', ...(key ? [key] : [])];
      const d = distribution(fraction); // built above without error
      if (d.max > 1) fail('E_PARAM', `gate '${g.id}': expected a rework fraction <= 1 (a share of the task), found values up to ${d.max}`, path);
    }
  });

  (s.risks ?? []).forEach((r, i) => {
    if (r.delay === undefined && r.work === undefined && r.cost === undefined) {
      fail('E_SCHEMA', `risk '${r.id}': expected 'delay', 'work', 'cost' or several (what happens when it occurs), found none`, ['risks', i]);
    }
  });
  return durations;
}
