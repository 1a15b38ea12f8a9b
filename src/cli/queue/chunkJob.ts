import type { ChunkReply } from '../../montecarlo/runChunks.js';
import type { RangeOptions } from '../../montecarlo/summarizeRange.js';
import { fromLosslessJson, toLosslessJson } from '../../scaleout/losslessJson.js';

/** Version tag of the job data and of the result; a worker refuses jobs of another. */
export const JOB_FORMAT = 'coordsim-chunk-job/1';

/** What a submitter puts in each BullMQ job: one chunk of one Monte Carlo. */
export interface ChunkJobData {
  format: typeof JOB_FORMAT;
  /** The submitter's coordsim version and summary format: a worker of another refuses the job. */
  coordsim: string;
  summaryFormat: string;
  /** The submission (its heartbeat key tells workers whether the submitter still waits). */
  submission: string;
  /** The scenario, stored once per submission in Redis under `scenarioKey(hash)`. */
  scenarioHash: string;
  scenarioName: string;
  task: RangeOptions;
}

/**
 * A job's return value: where the worker stored the chunk's reply. The reply itself (hundreds
 * of kilobytes) stays out of the job: BullMQ copies a return value into its event stream,
 * which every submitter reads and Redis keeps for the last 10,000 events.
 */
export interface ChunkJobResult {
  format: typeof JOB_FORMAT;
  /** The Redis key holding `encodeReply`'s JSON (`resultKey`). */
  key: string;
  bytes: number;
}

/** The job id of a submission's chunk (BullMQ ids may not be integers nor hold `:`). */
export const chunkJobId = (submission: string, start: number) => `${submission}-${start}`;

/** A worker's reply for Redis as JSON text: the summary and rows losslessly, typed arrays as base64 (about half the size of number lists). */
export function encodeReply(reply: ChunkReply): string {
  return JSON.stringify({ format: JOB_FORMAT, reply: toLosslessJson(reply, { base64: true }) });
}

/** Decodes `encodeReply`'s text; throws when it is not a coordsim chunk reply. */
export function decodeReply(text: string): ChunkReply {
  const v = JSON.parse(text) as { format?: unknown; reply?: unknown } | null;
  if (v === null || typeof v !== 'object' || v.format !== JOB_FORMAT) throw new Error(`not a ${JOB_FORMAT} reply: ${text.slice(0, 80)}`);
  return fromLosslessJson(v.reply) as ChunkReply;
}
