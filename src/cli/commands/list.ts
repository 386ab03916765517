import type { Command } from 'commander';
import { arenaWith, pluginOption } from '../common.js';
import type { CliIO } from '../io.js';
import { formatTable } from '../table.js';

export function listCommand(program: Command, io: CliIO): void {
  pluginOption(
    program
      .command('list')
      .description('List the mechanisms and strategies, with descriptions and parameters.')
      .option('--json', 'print JSON'),
  ).action(async (o: { json?: boolean; plugin: string[] }) => {
    const arena = await arenaWith(o.plugin);
    const entry = (p: { name: string; description: string; source?: string; params?: object }) => ({
      name: p.name,
      description: p.description,
      source: p.source ?? '',
      params: Array.isArray(p.params) ? (p.params as string[]) : Object.keys(p.params ?? {}),
    });
    const mechanisms = arena.registry.mechanisms.map(entry);
    const strategies = arena.registry.strategies.map(entry);
    const heteroMechanisms = arena.registry.heteroMechanisms.map(entry);
    const heteroStrategies = arena.registry.heteroStrategies.map(entry);
    const marketMechanisms = arena.registry.marketMechanisms.map(entry);
    const marketStrategies = arena.registry.marketStrategies.map(entry);
    const valuationKinds = [
      { name: 'gaussian', description: 'a·√(m/(m+r)) (spec/003 §1.2)', source: 'seed 003', params: ['a', 'r'] },
      { name: 'threshold', description: 'a·(2Φ(τ√m/σ) − 1) (spec/003 §1.2)', source: 'seed 003', params: ['a', 'tau'] },
      { name: 'exponential', description: '2a·exp(λ²σ²/(2m))(1 − Φ(λσ/√m)) (spec/003 §1.2)', source: 'seed 003', params: ['a', 'lambda'] },
      { name: 'table', description: 'v(m) = values[m−1], the last value beyond the table', source: 'seed 003', params: ['values'] },
      ...arena.registry.valuationKinds.map(entry),
    ];
    if (o.json) {
      io.out(`${JSON.stringify({ mechanisms, strategies, heteroMechanisms, heteroStrategies, marketMechanisms, marketStrategies, valuationKinds }, null, 2)}\n`);
      return;
    }
    const rows = (xs: typeof mechanisms) => xs.map((x) => [x.name, x.params.join(', ') || '—', x.description]);
    io.out(`Mechanisms\n${formatTable(['name', 'params', 'description'], rows(mechanisms))}\n\n`);
    io.out(`Strategies (use as --deviation NAME[:key=value,...])\n${formatTable(['name', 'params', 'description'], rows(strategies))}\n\n`);
    io.out(`d-distribution mechanisms (seed 001; --instance FILE, or c3d-hd with --d)\n${formatTable(['name', 'params', 'description'], rows(heteroMechanisms))}\n\n`);
    io.out(`d-distribution strategies (--deviation NAME[:k=…,…] with --instance; k is the distribution, 0-based)\n${formatTable(['name', 'params', 'description'], rows(heteroStrategies))}\n\n`);
    io.out(`market mechanisms (seed 003; --instance MARKET_FILE)\n${formatTable(['name', 'params', 'description'], rows(marketMechanisms))}\n\n`);
    io.out(`market contributor strategies (--deviation NAME[:key=value,…] --agent I, or --profile "S1;S2;…")\n${formatTable(['name', 'params', 'description'], rows(marketStrategies))}\n\n`);
    io.out(`buyer valuation kinds (market files: buyers[j].kind)\n${formatTable(['name', 'params', 'description'], rows(valuationKinds))}\n`);
  });
}
