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

/** A job's return value: the chunk's reply (summary and runs.csv rows, or a simulation error), losslessly encoded. */
export interface ChunkJobResult {
  format: typeof JOB_FORMAT;
  reply: unknown;
}

/** The job id of a submission's chunk (BullMQ ids may not be integers nor hold `:`). */
export const chunkJobId = (submission: string, start: number) => `${submission}-${start}`;

/** Encodes a worker's reply for Redis (typed arrays as base64: about half the size of number lists). */
export function encodeReply(reply: ChunkReply): ChunkJobResult {
  return { format: JOB_FORMAT, reply: toLosslessJson(reply, { base64: true }) };
}

/** Decodes a job's return value; throws when it is not a coordsim chunk result. */
export function decodeReply(value: unknown): ChunkReply {
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<ChunkJobResult> | null;
  if (v === null || typeof v !== 'object' || v.format !== JOB_FORMAT) throw new Error(`not a ${JOB_FORMAT} result: ${JSON.stringify(v)?.slice(0, 80)}`);
  return fromLosslessJson(v.reply) as ChunkReply;
}
