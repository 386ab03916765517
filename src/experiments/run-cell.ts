import { makeInstance } from '../core/instance.js';
import type { Arena } from '../engine/arena.js';
import { parseStrategyRef } from '../engine/strategy-ref.js';
import { certify } from '../search/certificate.js';
import { iterateBestResponse } from '../search/dynamics.js';
import { EffortGame } from '../search/effort-game.js';
import { PairedComparison } from '../search/paired.js';
import { theoryRefOf } from '../search/compose.js';
import { bindStrategy } from '../engine/agent-strategy.js';
import { highDimE, solveA } from '../theory/index.js';
import type { CellDescriptor, GridCell } from './cells.js';
import { runHeteroCell, type HeteroRow } from './run-hetero-cell.js';
import type { MarketRow } from './run-market-cell.js';
import { runBayesCell, type BayesRow } from './run-bayes-cell.js';

/** A finished grid cell: its identity, its instance and the task's numbers (no timings, so runs compare byte for byte). */
export type GridRow = Record<string, unknown> & { key: string; mechanism: string; m: number; sigma: number; cost: number; task: string };

/** A finished cell of either family (seed-001 rows have no scalar cost: see HeteroRow). */
export type CellRow = GridRow | HeteroRow | MarketRow | BayesRow;

/** Agent 0's penalty under a deviation, paired with the recommended baseline on common random numbers. */
function pairedEvaluate(arena: Arena, cell: GridCell, deviation: string | undefined, rounds: number, extra: Record<string, number> = {}) {
  const inst = makeInstance(cell.instance.m, cell.instance.sigma, cell.instance.cost);
  const { run } = arena.setup(cell.mechanism, inst, cell.mechanismParams);
  const baseline = arena.profile(inst, run);
  const ref = deviation ? parseStrategyRef(deviation, 'deviation') : { name: 'recommended', params: {} };
  const params = { ...ref.params, ...extra };
  const dev = [...baseline];
  dev[0] = bindStrategy(arena.registry.strategy(ref.name, 'deviation'), params, inst, run, 0);
  const r = new PairedComparison(inst, run, baseline, dev, 0, cell.seed, 'experiment').extend(rounds).result();
  const theory = run.theory.penalty(theoryRefOf(dev[0].plugin, dev[0].params), 0);
  const base = run.theory.penalty({ strategy: 'recommended', params: {} }, 0);
  return {
    strategy: dev[0].label,
    penalty: r.deviationPenalty,
    baseline: r.baselinePenalty,
    gain: r.gain,
    gainStderr: r.stderr,
    gainLo: r.ci[0],
    gainHi: r.ci[1],
    theory: theory !== null && Number.isFinite(theory) ? theory : null,
    theoryGain: theory !== null && base !== null && Number.isFinite(theory) ? base - theory : null,
    worstMu: r.worstMu,
  };
}

/** Runs one cell. Pure: the same descriptor gives the same row, in any process. */
export function runCell(arena: Arena, cell: CellDescriptor): CellRow {
  if (cell.family === 'heterogeneous') return runHeteroCell(cell);
  if (cell.family === 'bayes') return runBayesCell(cell);
  if (cell.family === 'market') throw new Error('market cells run through runCellTask (they need the MarketArena)');
  const { m, sigma, cost } = cell.instance;
  const head = { key: cell.key, mechanism: cell.mechanism, m, sigma, cost, task: cell.task.kind };
  const inst = makeInstance(m, sigma, cost);
  const t = cell.task;
  switch (t.kind) {
    case 'theory': {
      const r = arena.theory(cell.mechanism, inst, cell.mechanismParams);
      return { ...head, ...r, instance: undefined, params: undefined } as GridRow;
    }
    case 'formula': {
      // spec/000 §6: E(m) against Theorem 7's 5/m
      return { ...head, A: solveA(m), E: highDimE(m), bound: 5 / m };
    }
    case 'evaluate':
      return { ...head, ...pairedEvaluate(arena, cell, t.deviation, t.rounds) };
    case 'sweep':
      return { ...head, param: t.param, value: cell.value, ...pairedEvaluate(arena, cell, t.deviation, t.rounds, { [t.param]: cell.value as number }) };
    case 'search': {
      const c = certify(arena, cell.mechanism, inst, { seed: cell.seed, families: t.families, tolerance: t.tolerance, mechanismParams: cell.mechanismParams });
      const a = c.agents[0];
      return {
        ...head,
        verdict: c.verdict,
        maxGain: c.maxGain,
        gainLo: a.ci[0],
        gainHi: a.ci[1],
        epsilon: c.epsilon,
        bestFamily: a.bestDeviation?.family ?? null,
        bestParams: a.bestDeviation?.params ?? null,
        sameAsBaseline: a.sameAsBaseline,
        baselinePenalty: a.baselinePenalty,
      };
    }
    case 'dynamics': {
      const { run } = arena.setup(cell.mechanism, inst, cell.mechanismParams);
      const r = iterateBestResponse(new EffortGame(inst, run), { start: t.start, rule: t.rule, seed: 1 });
      return {
        ...head,
        start: t.start,
        rule: t.rule,
        converged: r.converged,
        cycleLength: r.cycleLength,
        iterations: r.iterations,
        total: r.final.total,
        final: r.final.n,
        nRecommended: run.info.nRecommended,
        trace: r.trace.map((s) => ({ iteration: s.iteration, total: s.n.reduce((a, b) => a + b, 0), n: s.n })),
      };
    }
  }
}
