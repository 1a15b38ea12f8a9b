import yargs, { type Argv } from 'yargs';
import { CoordsimError } from '../scenario/CoordsimError.js';
import type { CliContext } from './CliContext.js';
import * as check from './commands/check.js';
import * as compare from './commands/compare.js';
import * as fit from './commands/fit.js';
import * as montecarlo from './commands/montecarlo.js';
import * as run from './commands/run.js';
import * as validate from './commands/validate.js';

/** A command module (c8 style): the handler only maps argv to options and calls the library. */
interface CommandModule {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv<any>;
  handler: (ctx: CliContext) => (argv: any) => unknown;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: CommandModule[] = [run, montecarlo, compare, validate, check, fit];

/** Returns an unparsed yargs instance; tests call `.parseAsync([...])` on it. */
export function buildYargs(args: string[], ctx: CliContext): Argv {
  let y = yargs(args)
    .scriptName('coordsim')
    .usage(
      '$0 <command> [options]\n\n' +
        'Simulate work done by several agents in parallel under a coordination strategy:\n' +
        'makespan, coordination overhead, utilisation, speedup, Monte Carlo timelines and reports.',
    )
    .strict()
    .demandCommand(1, 'Name a command (see the list above).')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Exit codes: 0 ok, 1 simulation error, 2 bad input (scenario or flags). Docs: docs/scenario-format.md')
    .fail((msg, err) => {
      if (err) throw err;
      throw new CoordsimError('E_USAGE', msg);
    });
  for (const c of COMMANDS) {
    y = y.command(c.command, c.describe, c.builder as (y: Argv) => Argv, c.handler(ctx) as (argv: unknown) => void);
  }
  return y;
}
