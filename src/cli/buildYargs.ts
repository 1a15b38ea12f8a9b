import yargs, { type Argv } from 'yargs';
import { CoordsimError } from '../scenario/CoordsimError.js';
import type { CliContext } from './CliContext.js';
import * as check from './commands/check.js';
import * as compare from './commands/compare.js';
import * as fit from './commands/fit.js';
import * as importPlan from './commands/import.js';
import * as merge from './commands/merge.js';
import * as montecarlo from './commands/montecarlo.js';
import * as plan from './commands/plan.js';
import * as run from './commands/run.js';
import * as validate from './commands/validate.js';
import * as worker from './commands/worker.js';
import type { Flag } from './flags.js';
import { coordsimVersion } from './version.js';

/** A command module (c8 style): the handler only maps argv to options and calls the library. */
export interface CommandModule {
  command: string;
  describe: string;
  /** Every flag the command takes (checked on the raw arguments before yargs reads them). */
  flags: readonly Flag[];
  builder: (y: Argv) => Argv<any>;
  /** Loads the command's handler (only the command that runs loads its code). */
  load: () => Promise<{ handler: (ctx: CliContext) => (argv: any) => unknown }>;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandModule[] = [run, montecarlo, compare, merge, worker, validate, check, importPlan, plan, fit];

/** The command list shown when none (or an unknown one) is given. */
export function commandList(): string {
  const names = COMMANDS.map((c) => c.command.split(' ')[0]);
  const width = Math.max(...names.map((n) => n.length));
  return COMMANDS.map((c, i) => `  coordsim ${names[i].padEnd(width)}  ${c.describe}`).join('\n');
}

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
    .demandCommand(1, `name a command:\n${commandList()}`)
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(coordsimVersion())
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Exit codes: 0 ok, 1 simulation error, 2 bad input (scenario, flags or --out folder), 129/130/143 interrupted. Docs: docs/cli.md')
    .fail((msg, err) => {
      if (err) throw err;
      throw new CoordsimError('E_USAGE', msg);
    });
  for (const c of COMMANDS) {
    y = y.command(c.command, c.describe, c.builder as (y: Argv) => Argv, (async (argv: unknown) => {
      await (await c.load()).handler(ctx)(argv);
    }) as (argv: unknown) => void);
  }
  return y;
}
