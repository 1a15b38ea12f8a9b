/**
 * Worker-thread entry of the Monte Carlo pool (tinypool). The scenario arrives once, as
 * `workerData`, and is compiled once per thread; each task is one chunk of runs, answered with
 * its mergeable summary (plain data). Runs are pure functions of (seed, run), so which thread
 * runs a chunk changes nothing.
 */
import { Tinypool } from 'tinypool';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { compileModel } from '../engine/compileModel.js';
import type { Model } from '../engine/Model.js';
import type { Scenario } from '../scenario/Scenario.js';
import type { ChunkReply } from './runChunks.js';
import { summarizeRangePacked, type RangeOptions } from './summarizeRange.js';

let model: Model | null = null;

export default function runChunk(task: RangeOptions): ChunkReply {
  try {
    model ??= compileModel((Tinypool.workerData as { scenario: Scenario }).scenario);
    return summarizeRangePacked(model, task);
  } catch (e) {
    // Errors cross the thread boundary as plain Errors: keep the code so the CLI's exit code is right.
    if (e instanceof CoordsimError) return { error: { code: e.code, message: e.message } };
    throw e;
  }
}
