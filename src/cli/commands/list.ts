import type { Command } from 'commander';
import { arenaWith, pluginOption } from '../common.js';
import type { CliIO } from '../io.js';
import { formatTable } from '../table.js';
import { MECHANISM_NAMES as BAYES_MECHANISMS } from '../../theory/bayes/mechanisms.js';
import { priorKinds } from '../../theory/bayes/priors.js';
import { effortCostKinds } from '../../effort/costs.js';

/** Seed-004 mechanisms (threshold pricing of data quality; --instance BAYES_FILE). */
const BAYES_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'threshold-pricing': 'Algorithm 1: personalized threshold q̄_i(q̂₋ᵢ) where the virtual value crosses 0, price v_i(q̄_i, q̂₋ᵢ) (seed 004, Thm 1)',
  'blind-threshold': 'correlation-blind threshold (ρ = 0), price at the threshold (spec/004 §5)',
  'full-allocation': 'everyone allocated at v_i(lowest type, q̂₋ᵢ) (spec/004 §5)',
  'free-sharing': 'everyone allocated, no payments (spec/004 §3.5, Prop C.1)',
};

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
    const bayesMechanisms = BAYES_MECHANISMS.map((name) => ({ name, description: BAYES_DESCRIPTIONS[name] ?? '', source: 'seed 004', params: [] as string[] }));
    const reportStrategies = arena.registry.reportStrategies.map(entry);
    const kinds = { priors: priorKinds(), effortCosts: effortCostKinds() };
    if (o.json) {
      io.out(`${JSON.stringify({ mechanisms, strategies, heteroMechanisms, heteroStrategies, marketMechanisms, marketStrategies, valuationKinds, bayesMechanisms, reportStrategies, kinds }, null, 2)}\n`);
      return;
    }
    const rows = (xs: typeof mechanisms) => xs.map((x) => [x.name, x.params.join(', ') || '—', x.description]);
    io.out(`Mechanisms\n${formatTable(['name', 'params', 'description'], rows(mechanisms))}\n\n`);
    io.out(`Strategies (use as --deviation NAME[:key=value,...])\n${formatTable(['name', 'params', 'description'], rows(strategies))}\n\n`);
    io.out(`d-distribution mechanisms (seed 001; --instance FILE, or c3d-hd with --d)\n${formatTable(['name', 'params', 'description'], rows(heteroMechanisms))}\n\n`);
    io.out(`d-distribution strategies (--deviation NAME[:k=…,…] with --instance; k is the distribution, 0-based)\n${formatTable(['name', 'params', 'description'], rows(heteroStrategies))}\n\n`);
    io.out(`market mechanisms (seed 003; --instance MARKET_FILE)\n${formatTable(['name', 'params', 'description'], rows(marketMechanisms))}\n\n`);
    io.out(`market contributor strategies (--deviation NAME[:key=value,…] --agent I, or --profile "S1;S2;…")\n${formatTable(['name', 'params', 'description'], rows(marketStrategies))}\n\n`);
    io.out(`buyer valuation kinds (market files: buyers[j].kind)\n${formatTable(['name', 'params', 'description'], rows(valuationKinds))}\n\n`);
    io.out(
      `quality-pricing mechanisms (seed 004; arena theory|dynamics|search NAME --instance BAYES_FILE; search also pay-as-reported)\n${formatTable(['name', 'params', 'description'], rows(bayesMechanisms))}\n\n`,
    );
    io.out(`report strategies (seed 004; arena search --families A,B)\n${formatTable(['name', 'params', 'description'], rows(reportStrategies))}\n\n`);
    io.out(`seed-004 instance kinds: priors ${kinds.priors.join(', ')}; effort costs ${kinds.effortCosts.join(', ')}\n`);
  });
}
