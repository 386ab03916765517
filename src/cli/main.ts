import { Command, CommanderError } from 'commander';
import { InputError } from '../core/instance.js';
import { PluginError } from '../engine/plugin-error.js';
import { allocateCommand } from './commands/allocate.js';
import { compareCommand } from './commands/compare.js';
import { dynamicsCommand } from './commands/dynamics.js';
import { evaluateCommand } from './commands/evaluate.js';
import { headToHeadCommand } from './commands/head-to-head.js';
import { instanceCommand } from './commands/instance.js';
import { listCommand } from './commands/list.js';
import { runCommand } from './commands/run.js';
import { searchCommand } from './commands/search.js';
import { theoryCommand } from './commands/theory.js';
import { processIO, type CliIO } from './io.js';

/** Exit code for invalid input (a bad flag, value or plugin). */
export const EXIT_USAGE = 2;

export function buildProgram(io: CliIO): Command {
  const program = new Command('arena')
    .description('Mechanism Arena: simulate strategic data sharing, check mechanisms against the papers, hunt for profitable deviations.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  listCommand(program, io);
  theoryCommand(program, io);
  evaluateCommand(program, io);
  headToHeadCommand(program, io);
  searchCommand(program, io);
  dynamicsCommand(program, io);
  runCommand(program, io);
  compareCommand(program, io);
  allocateCommand(program, io);
  instanceCommand(program, io);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 internal error, 2 bad input). */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof InputError || e instanceof PluginError) {
      io.err(`arena: error: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`arena: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
