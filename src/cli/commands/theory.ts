import type { Command } from 'commander';
import { InputError } from '../../core/instance.js';
import { heterogeneousTheory, infinityAsText } from '../heterogeneous-theory.js';
import { arenaWith, instanceOptions, mechanismParams, toInstance, type InstanceOptions } from '../common.js';
import type { CliIO } from '../io.js';
import { fmt, formatTable } from '../table.js';

export function theoryCommand(program: Command, io: CliIO): void {
  instanceOptions(
    program
      .command('theory')
      .argument('<mechanism>', 'mechanism name (see `arena list`), or cbl / sm with --instance')
      .description('Closed forms at the recommended profile: n*, α, penalties, ratio to the global minimum, IR.')
      .option('--instance <FILE>', 'a heterogeneous instance file (seed 001; mechanisms cbl and sm)')
      .option('--json', 'print JSON'),
  ).action(async (mechanism: string, o: InstanceOptions & { json?: boolean; instance?: string }) => {
    if (o.instance !== undefined || mechanism === 'cbl' || mechanism === 'sm') {
      if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs an instance file`);
      const t = heterogeneousTheory(mechanism, o.instance);
      io.out(`${JSON.stringify(t, infinityAsText, 2)}\n`); // one format: these results are matrices
      return;
    }
    const inst = toInstance(o);
    const arena = await arenaWith();
    const t = arena.theory(mechanism, inst, mechanismParams(arena, mechanism, o));
    if (o.json) {
      io.out(`${JSON.stringify(t, null, 2)}\n`);
      return;
    }
    const rows: [string, string][] = [
      ['n*', fmt(t.nStar, 10)],
      ['alpha', t.alpha === null ? '—' : fmt(t.alpha, 10)],
      ['agent penalty', fmt(t.agentPenalty, 10)],
      ['social penalty', fmt(t.socialPenalty, 10)],
      ['global minimum', fmt(t.globalMinimum, 10)],
      ['ratio', fmt(t.ratio, 10)],
      ['solo penalty', fmt(t.soloPenalty, 10)],
      ['individually rational', t.individuallyRational ? 'yes' : 'no'],
    ];
    io.out(`${mechanism} at m=${inst.m}, σ=${inst.sigma}, c=${inst.cost}\n${formatTable(['quantity', 'value'], rows)}\n`);
  });
}
