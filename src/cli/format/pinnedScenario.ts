import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { compileModel } from '../../engine/compileModel.js';
import { parseScenario } from '../../scenario/parseScenario.js';

/** The document a plan was made from, as `coordsim plan --out` rewrites it. */
export type PlanSource =
  /** A YAML scenario: rewritten in place, its comments and layout kept. */
  | { kind: 'yaml'; text: string }
  /** A JSON scenario or an imported plan file (MS Project, P6, GanttProject, CSV, PSPLIB). */
  | { kind: 'data'; value: Record<string, unknown>; from: string };

/** What is pinned: the start order, under the strategy it was planned for. */
export interface Pin {
  order: readonly string[];
  strategy: string;
  /** The scenario's default strategy now (`strategy` becomes it when they differ). */
  defaultStrategy: string;
  /** The comment line put on top of a YAML output (without `#`). */
  note: string;
}

/** How the YAML is laid out: `[a, b]` as people write flow lists, the order on one line (no folding). */
const LAYOUT = { flowCollectionPadding: false, lineWidth: 0 } as const;

const own = (o: unknown, k: string) => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);

/**
 * The scenario with the plan pinned: `dispatch: {order: [...]}` where the planned strategy
 * takes its dispatch from (its own `dispatch` under `strategies`, else the scenario's), and
 * `strategy` set to the planned one when it is not the default, so `coordsim run` replays the
 * plan. YAML unless `json`. The text is read back and checked to pin exactly that.
 */
export function pinnedScenarioText(source: PlanSource, pin: Pin, json: boolean, outName: string): string {
  let text: string;
  if (source.kind === 'yaml' && !json) {
    const doc = parseDocument(source.text);
    const strategies = doc.get('strategies');
    const inStrategy = isMap(strategies) && isMap(strategies.get(pin.strategy)) && (strategies.get(pin.strategy) as { has(k: string): boolean }).has('dispatch');
    const path = inStrategy ? ['strategies', pin.strategy, 'dispatch'] : ['dispatch'];
    const order = doc.createNode([...pin.order], { flow: true });
    doc.setIn(path, doc.createNode({ order }));
    if (pin.strategy !== pin.defaultStrategy) doc.set('strategy', pin.strategy);
    doc.commentBefore = ` ${pin.note}` + (doc.commentBefore ? `\n${doc.commentBefore}` : '');
    text = doc.toString(LAYOUT);
  } else {
    const value = structuredClone(source.kind === 'yaml' ? (parseDocument(source.text).toJS({ maxAliasCount: 1000 }) as Record<string, unknown>) : source.value);
    const strategies = value.strategies as Record<string, unknown> | undefined;
    const spec = own(strategies, pin.strategy) ? (strategies![pin.strategy] as Record<string, unknown>) : undefined;
    const dispatch = { order: [...pin.order] };
    if (spec !== undefined && own(spec, 'dispatch')) spec.dispatch = dispatch;
    else value.dispatch = dispatch;
    if (pin.strategy !== pin.defaultStrategy) value.strategy = pin.strategy;
    if (json) text = JSON.stringify(value, null, 2) + '\n';
    else {
      const doc = new Document(value);
      const order = doc.getIn(spec !== undefined && own(spec, 'dispatch') ? ['strategies', pin.strategy, 'dispatch', 'order'] : ['dispatch', 'order'], true);
      if (isSeq(order)) order.flow = true;
      doc.commentBefore = ` ${pin.note}`;
      text = doc.toString(LAYOUT);
    }
  }
  checkPinned(text, pin, outName);
  return text;
}

/** Reads the text back: the default strategy is the planned one and it dispatches by exactly the order. */
function checkPinned(text: string, pin: Pin, outName: string): void {
  const model = compileModel(parseScenario(text, outName));
  const order = model.strategies[pin.strategy]?.dispatch.order?.map((t) => model.tasks[t].id) ?? null;
  if (model.defaultStrategy !== pin.strategy || order === null || order.join('\u0000') !== pin.order.join('\u0000')) {
    throw new Error(`coordsim plan: the scenario written for ${outName} does not pin the planned order under strategy ${pin.strategy}`);
  }
}
