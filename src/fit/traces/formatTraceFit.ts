import type { Scenario } from '../../scenario/Scenario.js';
import { scenarioYaml } from '../../testing/scenarioYaml.js';
import { formatFitSpec } from '../formatFitSpec.js';
import type { SampleFit, TraceFit } from './fitTraces.js';

/**
 * A trace fit as YAML for people: `#` comment lines saying what was read and how each duration
 * was fitted (observations, method, mean), then the scenario fragment, valid as it stands.
 */
export function formatTraceFit(fit: TraceFit): string {
  const how = (f: SampleFit) => `${f.n} observation(s), ${f.method === 'aic' ? 'best by AIC' : 'fallback (fewer than 5)'}, mean ${f.mean}`;
  const lines = [
    `Fitted by coordsim from ${fit.file}: ${fit.traces} trace(s), ${fit.spans} span(s), ${fit.genAiSpans} GenAI span(s).`,
    `Times in ${fit.timeUnit}s of elapsed time; topology ${fit.topology}${fit.topology === 'hub' ? ` (${fit.agents.find((a) => a.role === 'orchestrator')!.name} only coordinates: the orchestrator)` : ''}.`,
    ...fit.tasks.map((t) => `task ${t.task}: ${t.agent} / ${t.kind}: ${how(t)}: ${formatFitSpec(t.best)}`),
    fit.handoff === null ? 'handoff: none observed' : `handoff effort: ${how(fit.handoff)}: ${formatFitSpec(fit.handoff.best)}`,
    ...fit.messages.map((m) => `messages ${m.from} -> ${m.to}: ${m.count}`),
    ...(fit.scenario.token_prices ? ['token_prices are placeholders (0): write your models\' prices per million tokens.'] : []),
    ...fit.warnings.map((w) => `warning: ${w}`),
  ];
  return lines.map((l) => `# ${oneLine(l)}`).join('\n') + '\n' + scenarioYaml(fit.scenario as unknown as Scenario);
}

/** Names from the traces may hold line breaks, which would end a comment line: written as escapes. */
function oneLine(text: string): string {
  return text.replace(/[\n\r\v\f\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
