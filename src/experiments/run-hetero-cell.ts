/**
 * Cells of seed-001 experiments (heterogeneous agents, spec/001): the divisions of work of
 * allocations.ts side by side (task `allocations`) and the exact theory of M_CBL / M_SM
 * (task `heterogeneous-theory`), and best-response searches (task `heterogeneous-search`).
 * Everything is a closed form, a deterministic convex solve or a search on the cell's own seed,
 * so a row depends on the cell alone, in any thread.
 */
import { allocate, smPenalties, socialPenalty, soloPenalties, totals, type AllocationRule } from '../theory/heterogeneous/allocations.js';
import { cblTheory, smTheory } from '../theory/heterogeneous/cbl.js';
import { thm4LowerBoundRatio, thm4Opt } from '../theory/heterogeneous/thm4.js';
import type { HeteroInstance } from '../theory/heterogeneous/types.js';
import type { HeteroCell, HeteroCellInstance } from './cells.js';
import { strategyLabel } from '../engine/agent-strategy.js';
import { createContainer } from '../engine/container.js';
import { createLogger } from '../engine/logger.js';
import { TOKENS } from '../engine/tokens.js';
import type { HeteroArena } from '../hetero/arena.js';
import { heteroCertify, type HeteroAgentCertificate } from '../hetero/certificate.js';
import { simInstance } from '../hetero/info.js';

/**
 * A finished seed-001 cell. Infinite values are written "inf" (as instance files write them), so a
 * row reads the same in memory and back from cells.jsonl.
 */
export type HeteroRow = Record<string, unknown> & {
  key: string;
  mechanism: string;
  m: number;
  sigma: number;
  task: string;
  instance: string;
  d: number;
  /** Never present: the instance has a cost matrix, not a scalar cost. */
  cost?: undefined;
};

/** Relative tolerance of the IR test p_i ≤ p_i^IND, as cbl.ts uses. */
const IR_REL_TOL = 1e-9;

/** ±∞ as "inf"/"-inf" and NaN as null, in nested arrays too, so the row survives JSON unchanged. */
function jsonSafe(v: unknown): unknown {
  if (typeof v === 'number') return Number.isNaN(v) ? null : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v;
  if (Array.isArray(v)) return v.map(jsonSafe);
  return v;
}

function safeRow(row: Record<string, unknown>): HeteroRow {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, jsonSafe(v)])) as HeteroRow;
}

/** The instance's input allocation: its rule, solved, or its explicit matrix. */
function inputAllocation(inst: HeteroInstance, allocation: string | number[][]): number[][] {
  return typeof allocation === 'string' ? allocate(inst, allocation as AllocationRule) : allocation.map((row) => [...row]);
}

/** Σ_k n_{i,k} per agent (for d = 1, n_i itself). */
function perAgent(n: readonly (readonly number[])[]): number[] {
  return n.map((row) => row.reduce((s, v) => s + v, 0)); // spec/001 §1: n_i ∈ ℕ^d, summed over k
}

/** p_i ≤ p_i^IND (seed 001 eq. (6)); vacuous when p_i^IND = ∞. */
function irFlags(p: readonly number[], pInd: readonly number[]): boolean[] {
  return p.map((v, i) => pInd[i] === Infinity || v <= pInd[i] * (1 + IR_REL_TOL)); // seed 001 (6)
}

/** The Thm 4 columns: OPT = 4σ√(mγ) and the bounds √m/4 ≤ ratio ≤ √m of the price of stability. */
function thm4Columns(ci: HeteroCellInstance): Record<string, number> {
  if (!ci.thm4) return {};
  return {
    gamma: ci.thm4.gamma,
    opt: thm4Opt(ci.m, ci.sigma, ci.thm4.gamma), // spec/001 §4, Thm 4: OPT = 4σ√(mγ)
    sqrtMOver4: thm4LowerBoundRatio(ci.m), // spec/001 §4, Thm 4: every NE has ratio ≥ √m/4
    sqrtM: Math.sqrt(ci.m), // spec/001 §4, Thm 1: M_CBL is √m-efficient
  };
}

/** One search row: the verdict, ε, and per agent the best deviation with its re-checked gain (seconds left out: rows are deterministic). */
function searchRow(cell: HeteroCell, inst: HeteroInstance, t: Extract<HeteroCell['task'], { kind: 'heterogeneous-search' }>): Record<string, unknown> {
  const arena = createContainer({ logger: createLogger('error') }).get<HeteroArena>(TOKENS.HeteroArena);
  const ci = cell.instance;
  const setting = { instance: simInstance(inst), allocation: ci.allocation, source: ci.label };
  const theory = arena.theory(cell.mechanism, setting);
  const c = heteroCertify(arena, cell.mechanism, setting, { seed: cell.seed, families: t.families, tolerance: t.tolerance, rounds: t.rounds });
  const label = (a: HeteroAgentCertificate, digits?: number) => {
    const d = a.bestDeviation;
    if (!d) return 'none';
    return strategyLabel(d.family, digits ? Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, Number(v.toPrecision(digits))])) : d.params);
  };
  const clean = (x: number | null) => (x === null ? null : Math.abs(x) < 1e-12 ? 0 : x); // rounding residue of equal penalties
  const own = c.agents.filter((a) => Array.isArray(a.searched));
  const shared = (a: HeteroAgentCertificate) => c.agents.filter((b) => !Array.isArray(b.searched) && (b.searched as { sharedWith: number }).sharedWith === a.agent).length;
  // One line per searched agent (numbered from 1, as the paper does), e.g. "agent 2: collect:k=0,n=0, gain 0.3431 (paper 0.320244)".
  const summary = own.map((a) => {
    const paper = clean(a.paperGain);
    const alike = shared(a) > 0 ? ` [+${shared(a)} alike]` : '';
    return `agent ${a.agent + 1}${alike}: ${label(a, 4)}, gain ${(clean(a.gain) as number).toPrecision(4)}${paper === null ? '' : ` (paper ${paper.toPrecision(6)})`}`;
  });
  return {
    deviationSummary: summary.join('; '),
    agentPenalties: theory.agentPenalties,
    socialPenalty: theory.socialPenalty,
    baseline: theory.baseline,
    ratio: theory.ratio,
    verdict: c.verdict,
    epsilon: clean(c.epsilon),
    maxGain: clean(Math.max(...c.agents.map((a) => a.gain))),
    bestDeviations: c.agents.map(label),
    gains: c.agents.map((a) => clean(a.gain)),
    gainLo: c.agents.map((a) => clean(a.ci[0])),
    gainHi: c.agents.map((a) => clean(a.ci[1])),
    paperGains: c.agents.map((a) => clean(a.paperGain)),
  };
}

/** Runs one seed-001 cell. */
export function runHeteroCell(cell: HeteroCell): HeteroRow {
  const ci = cell.instance;
  const inst: HeteroInstance = { sigma: ci.sigma, costs: ci.costs };
  const head = { key: cell.key, mechanism: cell.mechanism, m: ci.m, sigma: ci.sigma, task: cell.task.kind, instance: ci.label, d: ci.d, ...thm4Columns(ci) };
  const pInd = soloPenalties(inst); // seed 001, Fact 1, eq. (4): p^IND = 2σ Σ_k √c_{i,k}
  const inputLabel = typeof ci.allocation === 'string' ? ci.allocation : 'explicit';
  const t = cell.task;
  switch (t.kind) {
    case 'allocations': {
      const rule = cell.rule as string;
      const n = rule === 'input' ? inputAllocation(inst, ci.allocation) : allocate(inst, rule as AllocationRule);
      const alone = rule === 'alone';
      // alone: each agent works alone (seed 001, Fact 1); otherwise compliant agents under M_SM (Fact 2)
      const p = alone ? pInd : smPenalties(inst, n);
      const social = alone ? pInd.reduce((s, v) => s + v, 0) : socialPenalty(inst, n); // seed 001: P = Σ_i p_i, eq. (5)
      return safeRow({
        ...head,
        rule,
        ...(rule === 'input' ? { inputAllocation: inputLabel } : {}),
        n,
        N: totals(n), // seed 001, Fact 2: N_k = Σ_j n_{j,k}
        nPerAgent: perAgent(n),
        agentPenalties: p,
        soloPenalties: pInd,
        socialPenalty: social,
        individuallyRational: irFlags(p, pInd),
      });
    }
    case 'heterogeneous-search':
      return safeRow({ ...head, inputAllocation: inputLabel, ...searchRow(cell, inst, t) });
    case 'heterogeneous-theory': {
      const nIn = inputAllocation(inst, ci.allocation);
      if (cell.mechanism === 'cbl') {
        const r = cblTheory(inst, nIn); // seed 001, Alg. 1–2 and spec/001 §3
        return safeRow({
          ...head,
          inputAllocation: inputLabel,
          nInput: nIn,
          branch: r.branch,
          favorableCondition: r.favorableCondition,
          n: r.nStar, // what agents collect under s* (seed 001 eq. (9))
          nPerAgent: perAgent(r.nStar),
          V: r.V,
          T: r.T,
          cases: r.cases,
          alpha: r.alpha,
          penalties: r.penalties,
          agentPenalties: r.agentPenalties,
          soloPenalties: pInd,
          socialPenalty: r.socialPenalty,
          baseline: r.baseline, // P(M_SM, n^input), seed 001 eq. (5): inf_{Θ_IR} P when the input is n^OPT
          ratio: r.ratio,
          individuallyRational: r.individuallyRational,
        });
      }
      const r = smTheory(inst, nIn); // seed 001, Fact 2
      return safeRow({
        ...head,
        inputAllocation: inputLabel,
        nInput: nIn,
        n: nIn,
        nPerAgent: perAgent(nIn),
        penalties: r.penalties,
        agentPenalties: r.agentPenalties,
        soloPenalties: pInd,
        socialPenalty: r.socialPenalty,
        baseline: r.socialPenalty, // M_SM at n is its own baseline P(M_SM, n) (seed 001 eq. (5))
        ratio: 1,
        individuallyRational: r.individuallyRational,
      });
    }
  }
}

/**
 * One row per agent of a seed-001 row, for per-agent charts and tables: the row's scalar fields
 * plus agent (1-based, as the paper numbers them), n = Σ_k n_{i,k}, p = p_i and pInd = p_i^IND
 * (null when infinite, so that charts skip it), ir.
 */
export function agentRows(row: Record<string, unknown>): Record<string, unknown>[] {
  const p = row.agentPenalties;
  if (!Array.isArray(p)) return [];
  const scalars = Object.fromEntries(Object.entries(row).filter(([k, v]) => k !== 'key' && (v === null || typeof v !== 'object')));
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const nPer = (row.nPerAgent as unknown[] | undefined) ?? [];
  const pInd = (row.soloPenalties as unknown[] | undefined) ?? [];
  const ir = (row.individuallyRational as unknown[] | undefined) ?? [];
  return p.map((pi: unknown, i) => ({ ...scalars, agent: i + 1, n: num(nPer[i]), p: num(pi), pInd: num(pInd[i]), ir: ir[i] ?? null }));
}
