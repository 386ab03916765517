/**
 * Cells of seed-003 experiments (the data marketplace, spec/003): the exact theory of each market
 * mechanism (task `market-theory`: Algorithm 1 and M* / market-naive / market-single closed forms)
 * and contributors' best-response searches (task `market-search`, on the cell's own seed). A row
 * depends on the cell alone, in any thread.
 */
import type { MarketArena } from '../market/arena.js';
import { marketCertify } from '../market/certificate.js';
import { marketTheoryReport } from '../market/theory-report.js';
import { cheapestTwo } from '../theory/market/mstar.js';
import type { MarketCell } from './cells.js';

export type MarketRow = Record<string, unknown> & { key: string; mechanism: string; m: number; task: string; instance: string; costGap: number };

export function runMarketCell(arena: MarketArena, cell: MarketCell): MarketRow {
  const { label, file, costs, costGap, m } = cell.instance;
  const model = arena.load(file, costs);
  const [i1, i2] = cheapestTwo(costs);
  const head = { key: cell.key, mechanism: cell.mechanism, m, task: cell.task.kind, instance: label, costGap, c1: costs[i1] as number, c2: costs[i2] as number };
  const t = cell.task;
  if (t.kind === 'market-theory') {
    const r = marketTheoryReport(model, cell.mechanism);
    const gains = r.fabricationGains as number[] | undefined;
    return {
      ...head,
      ...r,
      instance: label,
      // seed 003, Thm 4: M*'s profit is OPT − (c_2 − c_1); this is its distance from that bound
      profitMinusBound: (r.profit as number) - (r.bound as number),
      fabricationGain: gains === undefined ? null : Math.max(...gains),
    };
  }
  const c = marketCertify(arena, cell.mechanism, model, { seed: cell.seed, families: t.families, tolerance: t.tolerance, rounds: t.rounds });
  const best = c.agents.reduce((a, b) => (b.gain > a.gain ? b : a));
  return {
    ...head,
    verdict: c.verdict,
    epsilon: c.epsilon,
    maxGain: best.gain,
    gainLo: best.ci[0],
    gainHi: best.ci[1],
    bestAgent: best.agent,
    bestFamily: best.bestDeviation?.family ?? null,
    bestParams: best.bestDeviation?.params ?? null,
    split: c.split,
    seconds: c.seconds,
  };
}
