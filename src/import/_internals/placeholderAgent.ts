/**
 * The agent written for a plan that assigns no resources: a scenario needs at least one agent,
 * and the plan's tasks, having none, need nobody. Unlimited, so it never limits anything.
 */
export function placeholderAgents(): Record<string, unknown>[] {
  return [{ id: 'unassigned', name: 'No resource (the plan assigns none)', capacity: 'unlimited' }];
}
