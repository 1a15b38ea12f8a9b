import type { Scenario } from '../scenario/Scenario.js';
import type { DispatchRuleName, Model } from '../engine/Model.js';
import type { RunMetrics } from '../engine/runMetrics.js';
import { planSearch } from './planSearch.js';

/** Options of `planSchedule`. */
export interface PlanScheduleOptions {
  /** Strategy name (default: the scenario's default strategy). */
  strategy?: string;
  /** Schedules to generate, single-pass rules and improvement passes included (default 1000). */
  passes?: number;
  /** Seed of the sampling (default 1); the run's other inputs (risks, gate outcomes) are run 0 of it. */
  seed?: number | string;
  /** Bias of the sampling towards the LFT order: 0 uniform, larger follows LFT more closely (default 1). */
  alpha?: number;
  /** Forward-backward improvement of each sampled schedule, where it applies (default true). */
  improve?: boolean;
}

/** What `planSchedule` found. */
export interface PlanScheduleResult {
  scenario: string;
  strategy: string;
  /** Makespan of the scenario with `dispatch: {order}` pinned to `order`, mean durations. */
  makespan: number;
  /** Task ids in the order they start: pin it with `dispatch: {order: [...]}`. */
  order: string[];
  /** Single-pass makespan of each dispatch rule, for comparison. */
  rules: Record<DispatchRuleName, number>;
  /** Schedules generated. */
  passes: number;
  /** The pass (1-based) that found the best schedule, and how: a rule, sampling, or improvement of a sample. */
  found: { pass: number; by: string };
  /** Whether forward-backward improvement applied (a work-only plan of finish-to-start links). */
  improved: boolean;
  /** How samples were decoded: the serial scheme (fixed units of named agents) or the engine's own dispatch. */
  scheme: 'serial' | 'parallel';
  /** The metrics of the pinned run. */
  metrics: RunMetrics;
}

/**
 * Searches for a good deterministic schedule (mean durations): each dispatch rule once, then
 * multi-pass regret-based biased random sampling of LFT-ordered task lists (Kolisch 1996),
 * each list decoded by the serial scheme for plans of fixed units of named agents, else by the
 * engine's own dispatch (parallel schedule generation), and, for work-only plans,
 * forward-backward improvement of every sample (Li and Willis 1992; Tormos and Lova 2001):
 * the schedule is replayed backwards on the reversed project in order of finish, then forwards
 * in order of the backward finish, while that shortens it. The best schedule's start order,
 * pinned as `dispatch: {order}`, gives that makespan or better (docs/semantics.md §18).
 * `planSearch` runs the same search in steps.
 */
export function planSchedule(scenario: Scenario | Model, options: PlanScheduleOptions = {}): PlanScheduleResult {
  const search = planSearch(scenario, options);
  search.step(Infinity);
  return search.result();
}
