#!/usr/bin/env node
import { installInterruptCleanup } from './output/interrupts.js';

// Signal handlers first, the rest of the CLI after: an interrupt at any moment exits 128 + n
// and leaves no temporary folder.
installInterruptCleanup();
const { runCli } = await import('./runCli.js');
const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
