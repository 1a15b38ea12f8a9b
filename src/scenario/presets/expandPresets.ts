import { distribution } from '../../sim/distributions/fromSpec.js';
import type { DistributionSpec } from '../../sim/distributions/Distribution.js';
import type { Fail } from '../_internals/fail.js';
import { didYouMean } from '../_internals/suggest.js';
import { describeValue } from '../_internals/describeValue.js';
import { isPresetName, MERGED_STRATEGY_KEYS, PRESET_NAMES, presetStrategy, referenceLength } from '../presets.js';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Expands every strategy entry with a `preset` key, in place, before the schema sees the
 * document (docs/presets.md): keys the entry lacks are taken from the preset; the fields of
 * `handoff`, `status`, `checkpoint`, `escalation` and `remediation` are merged one by one;
 * whatever the user wrote wins. The `preset` key stays, so expanding again changes nothing.
 * Anything that is not a mapping is left alone for the schema to report; an entry with neither
 * `preset` nor `topology` is refused here (E_SCHEMA), since the schema cannot say "one of them".
 */
export function expandPresets(value: unknown, fail: Fail): void {
  if (!isObject(value) || !isObject(value.strategies)) return;
  let w: number | undefined;
  for (const [name, entry] of Object.entries(value.strategies)) {
    if (!isObject(entry)) continue;
    if (!own(entry, 'preset')) {
      if (!own(entry, 'topology')) fail('E_SCHEMA', `missing required key 'topology' (in strategy '${name}'), or a 'preset'`, ['strategies', name]);
      continue;
    }
    const preset = entry.preset;
    const at = ['strategies', name, 'preset'];
    if (!isPresetName(preset)) {
      const hint = typeof preset === 'string' ? didYouMean(preset, PRESET_NAMES) : '';
      fail('E_SCHEMA', `unknown preset ${describeValue(preset)}: expected one of ${PRESET_NAMES.join(', ')}${hint}`, at);
    }
    w ??= referenceLength(taskMeans(value.tasks));
    const expanded = presetStrategy(preset, w) as unknown as Obj;
    for (const [key, presetValue] of Object.entries(expanded)) {
      if (!own(entry, key)) {
        extensible(entry, fail, ['strategies', name]);
        entry[key] = presetValue;
      } else if ((MERGED_STRATEGY_KEYS as readonly string[]).includes(key) && isObject(entry[key]) && isObject(presetValue)) {
        const mine = entry[key] as Obj;
        for (const [field, v] of Object.entries(presetValue)) {
          if (own(mine, field)) continue;
          extensible(mine, fail, ['strategies', name, key]);
          mine[field] = v;
        }
      }
    }
  }
}

/** Analytic means of the durations the tasks give (invalid ones are skipped: the checks report them later). */
function taskMeans(tasks: unknown): number[] {
  if (!Array.isArray(tasks)) return [];
  const out: number[] = [];
  for (const t of tasks) {
    if (!isObject(t) || t.duration === undefined || t.milestone === true) continue;
    try {
      out.push(distribution(t.duration as DistributionSpec).mean);
    } catch {
      // a malformed duration: the schema or the parameter checks name it
    }
  }
  return out;
}

function extensible(o: Obj, fail: Fail, path: string[]): void {
  if (!Object.isExtensible(o)) fail('E_ARGUMENT', 'a preset strategy is expanded in place: expected an extensible (not frozen) mapping', path);
}
