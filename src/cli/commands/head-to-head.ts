import type { Command } from 'commander';
import { InputError } from '../../core/instance.js';
import { integerAmount } from '../../core/rounding.js';
import { EventBus } from '../../engine/events.js';
import { headToHead, type HeadToHead } from '../../experiments/head-to-head.js';
import { arenaWith, instanceOptions, pluginOption, toInstance, type InstanceOptions } from '../common.js';
import type { CliIO } from '../io.js';
import { integer, positiveInteger } from '../parse.js';
import { attachProgress } from '../progress.js';
import { fmt, formatTable } from '../table.js';

interface Options extends InstanceOptions {
  mechanisms: string;
  rounds: number;
  seed: number;
  json?: boolean;
  plugin: string[];
}

export function headToHeadCommand(program: Command, io: CliIO): void {
  pluginOption(
    instanceOptions(
      program
        .command('head-to-head')
        .description(
          "Compare mechanisms on one instance: theory at the recommended profile, and agent 0's penalty under each deviation " +
            'of the spec/002 catalogue (D1–D7), profitable ones marked. This is `npm start`.',
        )
        .option('--mechanisms <LIST>', 'comma-separated mechanisms', 'pool,pcs,c3d,cded')
        .option('--rounds <R>', 'Monte Carlo rounds per evaluation', positiveInteger, 4000)
        .option('--seed <N>', 'master seed', integer, 2024)
        .option('--json', 'print JSON'),
      { m: 10, sigma: 1, cost: 0.001 },
    ),
  ).action(async (o: Options) => {
    const inst = toInstance(o);
    const mechanisms = o.mechanisms.split(',').map((s) => s.trim()).filter(Boolean);
    if (mechanisms.length === 0) throw new InputError('--mechanisms', 'name at least one mechanism');
    const events = new EventBus();
    const arena = await arenaWith(o.plugin, events);
    for (const name of mechanisms) arena.registry.mechanism(name, '--mechanisms');
    const params: Record<string, Record<string, number>> = {};
    if (o.k !== undefined) params.cded = { k: o.k };
    const stop = attachProgress(events, io, Boolean(process.stderr.isTTY) && !o.json);
    let result: HeadToHead;
    try {
      result = headToHead(arena, inst, mechanisms, { rounds: o.rounds, seed: o.seed, mechanismParams: params });
    } finally {
      stop();
    }
    io.out(o.json ? `${JSON.stringify(result, null, 2)}\n` : render(result));
  });
}

function render(h: HeadToHead): string {
  const cols = h.mechanisms;
  const { m, sigma, cost } = h.instance;
  const head = ['', ...cols.map((c) => c.mechanism)];
  const top: string[][] = [
    ['n* (recommended ⌈n*⌉)', ...cols.map((c) => `${fmt(c.theory.nStar, 5)} (${integerAmount(c.theory.nStar)})`)],
    ['social penalty at s*', ...cols.map((c) => fmt(c.theory.socialPenalty, 6))],
    ['global minimum', ...cols.map((c) => fmt(c.theory.globalMinimum, 6))],
    ['ratio (PR)', ...cols.map((c) => fmt(c.theory.ratio, 6))],
    ['individually rational', ...cols.map((c) => (c.theory.individuallyRational ? 'yes' : 'NO'))],
    ['agent 0 at s* (MC)', ...cols.map((c) => `${fmt(c.baseline.penalty, 5)} ±${fmt(c.baseline.stderr, 1)}`)],
  ];
  const devRows: string[][] = cols[0].deviations.map((d, r) => [
    `${d.id} ${d.what}`,
    ...cols.map((c) => {
      const x = c.deviations[r];
      if (x.error) return 'error';
      return `${x.unbounded ? 'unbounded' : fmt(x.penalty, 5)}${x.profitable ? ' ◀' : '  '}`;
    }),
  ]);
  const profitable = cols.map((c) => `${c.mechanism}: ${c.deviations.filter((d) => d.profitable).length} of ${c.deviations.length}`);
  return [
    `Head to head at m=${m}, σ=${sigma}, c=${cost}; ${h.rounds} rounds per evaluation, seed ${h.seed}`,
    '',
    formatTable(head, top),
    '',
    "Agent 0's penalty (worst case over μ) when she deviates and the others play s*; ◀ = profitable",
    `(gain over s* above ${h.z} standard errors); unbounded = infinite max risk (closed form ∞):`,
    formatTable(['deviation', ...cols.map((c) => c.mechanism)], devRows),
    '',
    `Profitable deviations — ${profitable.join('; ')}`,
    '',
  ].join('\n');
}
