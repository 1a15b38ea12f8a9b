import type { TaskSpec } from '../scenario/Scenario.js';

/**
 * Who a task is assigned to, as results show it (the `assignment` of Monte Carlo tasks and of
 * `tasks.csv`): the agent's id; `skill:NAME` for a pool; a joint task's agents joined by `+`;
 * `needs` entries joined by `+`, each with `*UNITS` when it needs other than one unit; and
 * the empty string for milestones and tasks without an agent. Read from the scenario, so a
 * task finished before the status date keeps the agent that did it.
 */
export function assignmentLabel(t: TaskSpec): string {
  if (t.milestone === true) return '';
  if (t.agent !== undefined) return t.agent;
  if (t.skill !== undefined) return `skill:${t.skill}`;
  if (t.agents !== undefined) return t.agents.join('+');
  if (t.needs !== undefined) {
    return t.needs
      .map((n) => {
        const who = n.agent !== undefined ? n.agent : `skill:${n.skill ?? ''}`;
        return n.units === undefined || n.units === 1 ? who : `${who}*${n.units}`;
      })
      .join('+');
  }
  return '';
}
