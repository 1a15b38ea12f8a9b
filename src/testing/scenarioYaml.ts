import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Scenario } from '../scenario/Scenario.js';

/**
 * A scenario as YAML for people: block style at the top, short leaf collections in flow style
 * (`{id: t1, agent: a, duration: 2}`), so a counterexample reads like a hand-written file.
 */
export function scenarioYaml(s: Scenario): string {
  const doc = new Document(s);
  const compact = (node: unknown, depth: number): boolean => {
    if (isScalar(node)) return true;
    if (!isMap(node) && !isSeq(node)) return false;
    const children = isMap(node) ? node.items.map((p) => p.value) : node.items;
    const leafy = children.map((c) => compact(c, depth + 1)).every(Boolean);
    if (leafy && depth >= 2 && new Document(node as Node).toString().length <= 90) (node as { flow?: boolean }).flow = true;
    return Boolean((node as { flow?: boolean }).flow);
  };
  compact(doc.contents, 0);
  return doc.toString({ lineWidth: 120, flowCollectionPadding: false });
}
