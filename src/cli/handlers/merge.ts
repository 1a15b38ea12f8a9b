import type { ArgumentsCamelCase } from 'yargs';
import { compileModel } from '../../engine/compileModel.js';
import type { CompareResult, MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import { runsCsvCostColumns, runsCsvHeader } from '../../report/runsCsv.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { validateScenario } from '../../scenario/validateScenario.js';
import { mergeSummaries, shardedResult } from '../../scaleout/mergeShards.js';
import { planMerge, type NamedShard } from '../../scaleout/planMerge.js';
import { scenarioHash } from '../../scaleout/scenarioHash.js';
import type { CliContext } from '../CliContext.js';
import { formatCompare } from '../format/formatCompare.js';
import { formatMonteCarlo } from '../format/formatMonteCarlo.js';
import { checkDestination } from '../output/checkDestination.js';
import { withOutputSet } from '../output/withOutputSet.js';
import { compareFiles, monteCarloFiles, monteCarloRiskAnalysis } from '../outputFiles.js';
import { printResult } from '../print.js';
import { readPart } from '../scaleout/partFile.js';

/** Parts whose runs.csv lines are kept in memory between the checks and the writing (beyond that, parts are read again). */
const KEEP_ROWS_CHARS = 256 * 1024 * 1024;

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<{ parts: string[]; json: boolean; out?: string }>) => {
    const dest = argv.out === undefined ? null : checkDestination(argv.out);
    let kept = 0;
    const parts: NamedShard[] = argv.parts.map((file) => {
      const shard = readPart(file);
      kept += shard.runsCsv.reduce((n, r) => n + r.length, 0);
      if (kept > KEEP_ROWS_CHARS) shard.runsCsv = [];
      return { file, shard };
    });
    const inOrder = planMerge(parts);
    const first = inOrder[0];
    const scenario = validateScenario(first.shard.scenario, { file: `${first.file} (its scenario)` });
    if (scenarioHash(scenario) !== first.shard.scenarioHash) {
      throw new CoordsimError('E_SCHEMA', 'the scenario does not match the part\'s scenarioHash: the part was edited or damaged; compute the shard again', { file: first.file, path: '/scenario' });
    }
    const model = compileModel(scenario);
    const command = first.shard.command;
    const result = shardedResult(model, command, mergeSummaries(model, inOrder.map((p) => p.shard.summary)));
    const { written } = await withOutputSet(dest, (set) => {
      if (set === null) return;
      const runs = set.stream('runs.csv');
      runs.write(runsCsvHeader(runsCsvCostColumns(model)));
      for (const p of inOrder) {
        const rows = kept > KEEP_ROWS_CHARS ? reread(p) : p.shard.runsCsv;
        for (const r of rows) runs.write(r);
      }
      const files = command === 'montecarlo' ? monteCarloFiles(model, result as MonteCarloResult, monteCarloRiskAnalysis(model, result as MonteCarloResult)) : compareFiles(model, result as CompareResult);
      for (const [name, content] of Object.entries(files)) set.write(name, content);
    });
    const text = () => (command === 'montecarlo' ? formatMonteCarlo(model, result as MonteCarloResult) : formatCompare(model, result as CompareResult));
    printResult(ctx, argv.json, result, text, written, dest?.dir);
  };
}

/** A part's runs.csv lines read again (large merges), refused if the part changed since it was checked. */
function reread(p: NamedShard): string[] {
  const again = readPart(p.file);
  if (again.checksum !== p.shard.checksum) throw new CoordsimError('E_USAGE', 'merge: the part changed while it was being merged', { file: p.file });
  return again.runsCsv;
}
