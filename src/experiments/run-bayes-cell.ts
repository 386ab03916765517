/**
 * Cells of seed-004 experiments (Alaei et al., "Incentivizing Data Collaboration"; spec/004):
 *
 *   threshold-theory     one row per (instance, mechanism, agent): the agent's ex-ante expected payment,
 *                        utility, welfare E[v x] and allocation probability under truthful reports, and the
 *                        mechanism's expected revenue (src/theory/bayes/expected.ts: tensor Gauss–Legendre
 *                        quadrature for n ≤ 4 split at Algorithm 1's corner, seeded Monte Carlo beyond;
 *                        seed 004 (B.11); spec/004 §4 W6, §5)
 *   effort-dynamics      one row per (instance, mechanism): the highest and lowest equilibria of the effort
 *                        game by lattice (Tarski) dynamics from the top and the bottom of the box [0, √Q − 2],
 *                        and the numerical increasing-differences check (src/effort; seed 004 Thm 3, Prop C.1;
 *                        spec/004 §3.4, W7, W9, W10)
 *   best-response-curve  one row per (instance, mechanism, e_j): agent i's greatest (and least) best response
 *                        when every other agent exerts e_j (spec/004 §3.4; rising under threshold pricing,
 *                        W7; falling under free sharing, W10)
 *
 * Rows depend on the cell alone (quadrature, or Monte Carlo on the experiment's seed), in any thread,
 * and are JSON-safe (±∞ as "inf"/"-inf").
 */
import { bestResponse } from '../effort/best-response.js';
import { type EffortGame, type EffortMechanism, makeEffortGame } from '../effort/game.js';
import { checkIncreasingDifferences } from '../effort/increasing-differences.js';
import { bracketEquilibria } from '../effort/lattice.js';
import { type MechanismExpectation, expectedOutcome } from '../theory/bayes/expected.js';
import { mechanismByName } from '../theory/bayes/mechanisms.js';
import { makePrior } from '../theory/bayes/priors.js';
import type { BayesCell } from './bayes-cells.js';

/** A finished bayes cell (n agents; m = n as in the rows of the other families). */
export type BayesRow = Record<string, unknown> & { key: string; mechanism: string; task: string; instance: string; n: number; m: number };

/** Non-finite numbers as JSON can hold them: ±∞ as "inf"/"-inf", NaN as null (recursively). */
export function jsonSafe(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : null;
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}

// The agents of one (instance, mechanism) are separate cells: a thread computes their common expectation once.
const expectations = new Map<string, MechanismExpectation>();
const MEMO_LIMIT = 64;

function expectation(cell: BayesCell, nodes: number | undefined): MechanismExpectation {
  const { correlation, priors, model } = cell.instance;
  const id = JSON.stringify({ mechanism: cell.mechanism, correlation, priors, model, nodes: nodes ?? null, seed: cell.mcSeed });
  let e = expectations.get(id);
  if (!e) {
    const ps = priors.map((p, i) => makePrior(p, `priors[${i}]`));
    e = expectedOutcome(mechanismByName(cell.mechanism), correlation, ps, model, { nodes, seed: cell.mcSeed });
    if (expectations.size >= MEMO_LIMIT) expectations.clear();
    expectations.set(id, e);
  }
  return e;
}

function effortGame(cell: BayesCell, nodes: number | undefined): EffortGame {
  const { correlation, Q, costs, model } = cell.instance;
  if (Q === null || costs === null) throw new Error(`${cell.instance.label}: the effort tasks need Unif[0, Q] priors and effort costs (checked when the cells are built)`);
  return makeEffortGame({ correlation, Q, costs, model, mechanism: cell.mechanism as EffortMechanism, rule: { nodes, seed: cell.mcSeed } });
}

export function runBayesCell(cell: BayesCell): BayesRow {
  const inst = cell.instance;
  const head = {
    key: cell.key,
    task: cell.task.kind,
    mechanism: cell.mechanism,
    instance: inst.label,
    ...(inst.rho !== undefined ? { rho: inst.rho } : {}),
    ...(inst.r !== undefined ? { r: inst.r } : {}),
    ...(inst.kappa !== undefined ? { kappa: inst.kappa } : {}),
    model: inst.model,
    n: inst.n,
    m: inst.n,
    Q: inst.Q,
  };
  const t = cell.task;
  let body: Record<string, unknown>;
  switch (t.kind) {
    case 'threshold-theory': {
      const i = cell.agent as number;
      const e = expectation(cell, t.nodes);
      const a = e.agents[i];
      let centrality = 0; // Σ_{j≠i} σ_ij² (seed 004, §3: the agent's centrality)
      for (let j = 0; j < inst.n; j++) if (j !== i) centrality += inst.correlation[i][j] ** 2;
      body = {
        agent: i + 1,
        centrality,
        expectedPayment: a.payment,
        expectedUtility: a.utility,
        expectedWelfare: a.welfare,
        allocationProbability: a.allocationProbability,
        expectedRevenue: e.revenue,
        totalWelfare: e.welfare,
        method: e.method,
        ...(e.method === 'quadrature' ? { nodes: e.nodes } : { samples: e.samples, standardErrors: a.standardErrors, revenueStandardError: e.revenueStandardError }),
      };
      break;
    }
    case 'effort-dynamics': {
      const game = effortGame(cell, t.nodes);
      const b = bracketEquilibria(game, { update: t.update });
      const sm = checkIncreasingDifferences(game);
      body = {
        update: t.update,
        upper: game.upper,
        highest: b.highest,
        lowest: b.lowest,
        unique: b.unique,
        converged: b.converged.top === true && b.converged.bottom === true,
        iterationsTop: b.iterations.top,
        iterationsBottom: b.iterations.bottom,
        monotone: b.monotone.top === true && b.monotone.bottom === true,
        supermodular: sm.pass,
        worstViolation: sm.worstViolation,
        minMargin: sm.minMargin,
        checks: sm.checks,
        costAssumption: game.costAssumption.holds,
        integration: game.rule.kind,
        points: game.rule.size,
        traces: b.traces,
      };
      break;
    }
    case 'best-response-curve': {
      const i = cell.agent as number;
      const game = effortGame(cell, t.nodes);
      const e = new Array<number>(inst.n).fill(cell.otherEffort as number);
      e[i] = 0; // ignored: agent i's own entry
      const greatest = bestResponse(game, i, e, { select: 'greatest' });
      const least = bestResponse(game, i, e, { select: 'least' });
      body = {
        agent: i + 1,
        otherEffort: cell.otherEffort,
        bestResponse: greatest.e,
        leastResponse: least.e,
        payoff: greatest.value,
        M: game.payoffOf(i, e).M ?? null,
        upper: game.upper,
      };
      break;
    }
  }
  return jsonSafe({ ...head, ...body }) as BayesRow;
}

/**
 * One row per agent of an effort-dynamics row (charts and tables with `agents: true`): the row's
 * scalars with agent (1-based), highest and lowest (that agent's effort in each equilibrium).
 */
export function effortAgentRows(row: Record<string, unknown>): Record<string, unknown>[] {
  const hi = row.highest;
  const lo = row.lowest;
  if (!Array.isArray(hi) && !Array.isArray(lo)) return [];
  const scalars = Object.fromEntries(Object.entries(row).filter(([k, v]) => k !== 'key' && (v === null || typeof v !== 'object')));
  const n = Math.max(Array.isArray(hi) ? hi.length : 0, Array.isArray(lo) ? lo.length : 0);
  return Array.from({ length: n }, (_, i) => ({ ...scalars, agent: i + 1, highest: Array.isArray(hi) ? hi[i] : null, lowest: Array.isArray(lo) ? lo[i] : null }));
}
