import type { Model } from '../engine/Model.js';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { didYouMean } from './suggest.js';

/** Bounds of the integer flags, with the reason shown in docs/cli.md. */
export const BOUNDS = {
  /** 10^9 runs take hours even for a small scenario (about 200 k runs/s on two cores); more is a typo. */
  runs: { min: 1, max: 1_000_000_000 },
  /** A run index of a Monte Carlo of at most 10^9 runs. */
  run: { min: 0, max: 999_999_999 },
  /** Threads beyond the machine's cores only add memory (each holds the compiled scenario). */
  workers: { min: 1, max: 256 },
} as const;

const show = (raw: unknown) => JSON.stringify(raw);
const grouped = (n: number) => n.toLocaleString('en-US');

/** An integer flag in decimal digits within `[min, max]` (no sign, hex, exponent or fraction). */
export function parseInteger(flag: string, raw: unknown, { min, max }: { min: number; max: number }): number {
  const s = typeof raw === 'string' ? raw.trim() : '';
  const n = /^\d{1,16}$/.test(s) ? Number(s) : NaN;
  if (!(n >= min && n <= max)) {
    const what = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
    throw new CoordsimError('E_USAGE', `--${flag}: expected ${what}, got ${show(raw)} (decimal digits, ${grouped(min)} to ${grouped(max)})`);
  }
  return n;
}

/** A seed flag: decimal integers stay numbers (so `--seed 7` and `--seed 07` agree), anything else is a string seed. */
export function parseSeed(raw: unknown): number | string {
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (s === '') throw new CoordsimError('E_USAGE', `--seed: expected an integer or a non-empty string, got ${show(raw)}`);
  return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
}

/** A fraction in (0, 1) written as a decimal number (`0.01`, `.005`, `1e-3`). */
export function parseFraction(flag: string, raw: unknown): number {
  const s = typeof raw === 'string' ? raw.trim() : '';
  const n = /^(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s) ? Number(s) : NaN;
  if (!(n > 0 && n < 1)) throw new CoordsimError('E_USAGE', `--${flag}: expected a fraction of the mean in (0, 1), e.g. 0.01, got ${show(raw)}`);
  return n;
}

/** A comma-separated list of strategy names (at least one). */
export function parseStrategyList(raw: unknown): string[] {
  const names = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
  if (names.length === 0) throw new CoordsimError('E_USAGE', `--strategies: expected comma-separated strategy names, got ${show(raw)}`);
  return names;
}

/** One strategy name (a value of --strategy), or undefined for the scenario's default. */
export function parseStrategy(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (s === '' || s.includes(',')) throw new CoordsimError('E_USAGE', `--strategy: expected one strategy name, got ${show(raw)}`);
  return s;
}

/** Refuses names the scenario does not define, with a "did you mean" (checked before any work). */
export function requireStrategies(model: Model, names: readonly (string | undefined)[]): void {
  const known = model.strategyNames;
  for (const n of names) {
    if (n !== undefined && !known.includes(n)) {
      throw new CoordsimError('E_USAGE', `unknown strategy '${n}'${didYouMean(n, known)}; the scenario defines: ${known.join(', ')}`);
    }
  }
}
