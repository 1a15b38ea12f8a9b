import { CoordsimError } from '../scenario/CoordsimError.js';
import { buildYargs, COMMANDS, commandList } from './buildYargs.js';
import type { CliContext } from './CliContext.js';
import { checkRawFlags } from './flags.js';
import { didYouMean } from './suggest.js';
import { terminalText } from './terminalText.js';

const GLOBAL = new Set(['--help', '-h', '--version']);

/**
 * Checks what yargs reads loosely, before it runs anything: a command is named and exists
 * (with a "did you mean"), and the command's flags are well formed (`checkRawFlags`).
 */
export function preflight(args: readonly string[]): void {
  const at = args.findIndex((a) => !a.startsWith('-'));
  if (at < 0) {
    if (args.some((a) => GLOBAL.has(a))) return;
    throw new CoordsimError('E_USAGE', `name a command:\n${commandList()}`);
  }
  const name = args[at];
  const names = COMMANDS.map((c) => c.command.split(' ')[0]);
  const c = COMMANDS[names.indexOf(name)];
  if (c === undefined) throw new CoordsimError('E_USAGE', `unknown command '${name}'${didYouMean(name, names)}; the commands are:\n${commandList()}`);
  checkRawFlags([...args.slice(0, at), ...args.slice(at + 1)], c.flags);
}

/** Runs the CLI on `args`; returns the exit code (0 ok, 1 simulation error, 2 bad input). */
export async function runCli(args: string[], ctx: CliContext): Promise<number> {
  try {
    preflight(args);
    await buildYargs(args, ctx).parseAsync();
    return 0;
  } catch (e) {
    if (e instanceof CoordsimError) {
      ctx.stderr(`coordsim: ${terminalText(e.message)}\n`);
      if (e.code === 'E_USAGE') ctx.stderr(`Run 'coordsim --help' for usage.\n`);
      return e.isInputError ? 2 : 1;
    }
    ctx.stderr(`coordsim: internal error: ${terminalText(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
    return 1;
  }
}
