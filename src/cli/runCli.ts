import { CoordsimError } from '../scenario/CoordsimError.js';
import { buildYargs } from './buildYargs.js';
import type { CliContext } from './CliContext.js';

/** Runs the CLI on `args`; returns the exit code (0 ok, 1 simulation error, 2 bad input). */
export async function runCli(args: string[], ctx: CliContext): Promise<number> {
  try {
    await buildYargs(args, ctx).parseAsync();
    return 0;
  } catch (e) {
    if (e instanceof CoordsimError) {
      ctx.stderr(`coordsim: ${e.message}\n`);
      if (e.code === 'E_USAGE') ctx.stderr(`Run 'coordsim --help' for usage.\n`);
      return e.isInputError ? 2 : 1;
    }
    ctx.stderr(`coordsim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
