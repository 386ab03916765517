import type { Command } from 'commander';
import { InputError } from '../../core/instance.js';
import { heterogeneousTheory, infinityAsText } from '../heterogeneous-theory.js';
import { marketTheoryReport } from '../../market/theory-report.js';
import { thresholdTheory } from '../threshold-theory.js';
import { MECHANISM_NAMES as BAYES_MECHANISMS } from '../../theory/bayes/mechanisms.js';
import { arenaWith, instanceOptions, marketArenaWith, registryWith, mechanismParams, pluginOption, toInstance, type InstanceOptions } from '../common.js';
import type { CliIO } from '../io.js';
import { fmt, formatTable } from '../table.js';
import { numberList, positiveInteger } from '../parse.js';
import { c3dHdTheory } from '../../theory/c3d-hd.js';
import type { TheorySummary } from '../../core/mechanism.js';

export function theoryCommand(program: Command, io: CliIO): void {
  pluginOption(instanceOptions(
    program
      .command('theory')
      .argument('<mechanism>', 'mechanism name (see `arena list`), cbl / sm / market / market-naive / market-single with --instance, or c3d-hd with --d')
      .description('Closed forms at the recommended profile: n*, α, penalties, ratio to the global minimum, IR.')
      .option('--instance <FILE>', 'a heterogeneous instance file (seed 001; mechanisms cbl and sm) or a market file (seed 003; market mechanisms)')
      .option('--d <D>', 'dimension d of the data (c3d-hd, seed 000 App. E)', positiveInteger)
      .option('--types <Q1,Q2,…>', `seed-004 instance files (${BAYES_MECHANISMS.join(', ')}): true qualities, reported truthfully; without it, expectations over the priors`)
      .option('--json', 'print JSON'),
  )).action(async (mechanism: string, o: InstanceOptions & { json?: boolean; instance?: string; d?: number; plugin: string[]; types?: string }) => {
    if ((BAYES_MECHANISMS as readonly string[]).includes(mechanism)) {
      await registryWith(o.plugin); // installs plugin prior kinds before the file is read
      if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs a seed-004 instance file (correlation, priors)`);
      const types = o.types === undefined ? undefined : numberList(o.types, '--types');
      io.out(`${JSON.stringify(thresholdTheory(o.instance, types, mechanism), infinityAsText, 2)}\n`);
      return;
    }
    if (o.types !== undefined) throw new InputError('--types', `is for the seed-004 mechanisms (${BAYES_MECHANISMS.join(', ')})`);
    const market = await marketArenaWith(o.plugin);
    if (market.isMechanism(mechanism)) {
      if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs a market file (sigma, costs, buyers)`);
      io.out(`${JSON.stringify(marketTheoryReport(market.load(o.instance), mechanism), infinityAsText, 2)}\n`);
      return;
    }
    if (o.instance !== undefined || mechanism === 'cbl' || mechanism === 'sm') {
      if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs an instance file`);
      const t = heterogeneousTheory(mechanism, o.instance);
      io.out(`${JSON.stringify(t, infinityAsText, 2)}\n`); // one format: these results are matrices
      return;
    }
    if (mechanism === 'c3d-hd' && o.d === undefined) throw new InputError('--d', 'is required for c3d-hd (the dimension of the data)');
    if (mechanism !== 'c3d-hd' && o.d !== undefined) throw new InputError('--d', `is for c3d-hd only (got mechanism ${mechanism})`);
    const inst = toInstance(o);
    let t: TheorySummary;
    if (o.d !== undefined) {
      // seed 000 App. E: α from eq. (7) with c/d, agentPenalty from eq. (40)
      t = { mechanism, instance: inst, d: o.d, ...c3dHdTheory(inst.m, inst.sigma, inst.cost, o.d) } as TheorySummary;
    } else {
      const arena = await arenaWith(o.plugin);
      t = arena.theory(mechanism, inst, mechanismParams(arena, mechanism, o));
    }
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
    io.out(`${mechanism} at m=${inst.m}, σ=${inst.sigma}, c=${inst.cost}${o.d !== undefined ? `, d=${o.d}` : ''}\n${formatTable(['quantity', 'value'], rows)}\n`);
  });
}
