/**
 * Seed 001 (Clinton et al., ICML 2025), Algorithm 1 "Compute-n-Approx" and the
 * favorable condition (8), as specified in spec/001 §2.4–2.5.
 * Allocations are indexed n[i][k] (agent i, distribution k), 0-based.
 */
import { type Allocation, type HeteroInstance, dims } from './types.js';

/** Default relative tolerance for the (8) and LOOP1 comparisons (spec/001 §2.5, §9). */
export const DEFAULT_REL_TOL = 1e-9;

/** c·n with the convention 0·∞ = 0 (spec/001 §2.4, c = ∞ convention). */
export function costTimes(c: number, n: number): number {
  return n === 0 ? 0 : c * n; // spec/001 §2.4: 0·∞ = 0
}

/** n^IND = σ/√c, the amount an agent collects alone; 0 when c = ∞. */
export function nIndividual(sigma: number, c: number): number {
  return sigma / Math.sqrt(c); // seed 001, Fact 1: n^IND_{i,k} = σ/√c_{i,k}
}

/** Per-distribution penalty of working alone, 2σ√c (∞ when c = ∞). */
export function alonePenaltyK(sigma: number, c: number): number {
  return 2 * sigma * Math.sqrt(c); // seed 001, Fact 1: σ²/n^IND + c·n^IND = 2σ√c
}

/** Σ_j n_{j,k}. */
export function columnTotal(n: readonly (readonly number[])[], k: number): number {
  let s = 0;
  for (const row of n) s += row[k];
  return s;
}

/** Per-distribution compliant M_SM penalty σ²/N_k + c·n (∞ when N_k = 0). */
export function smPenaltyK(sigma: number, c: number, nik: number, Nk: number): number {
  return (Nk > 0 ? (sigma * sigma) / Nk : Number.POSITIVE_INFINITY) + costTimes(c, nik); // seed 001, Fact 2
}

/** Throws unless n is an m×d allocation of finite non-negative entries that is 0 wherever c = ∞. */
export function checkAllocation(inst: HeteroInstance, n: readonly (readonly number[])[]): void {
  const { m, d } = dims(inst);
  if (n.length !== m) throw new RangeError(`allocation has ${n.length} rows, instance has ${m} agents`);
  for (let i = 0; i < m; i++) {
    if (n[i].length !== d) throw new RangeError(`allocation row ${i} has ${n[i].length} entries, expected ${d}`);
    for (let k = 0; k < d; k++) {
      const v = n[i][k];
      if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`allocation n[${i}][${k}] = ${v} is not finite and >= 0`);
      if (inst.costs[i][k] === Number.POSITIVE_INFINITY && v > 0) {
        throw new RangeError(`allocation n[${i}][${k}] = ${v} > 0 but c = ∞ (spec/001 §2.2: fix these at 0)`);
      }
    }
  }
}

/** a ≤ b up to a relative tolerance. */
function leqRel(a: number, b: number, relTol: number): boolean {
  return a <= b + relTol * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Favorable condition (8): ∀i,k 2σ√c_{i,k} ≥ σ²/Σ_j n_{j,k} + c_{i,k} n_{i,k}, with a relative
 * tolerance (n^OPT often makes it tight). Entries with c = ∞ hold (LHS = ∞).
 */
export function favorableCondition(inst: HeteroInstance, n: Allocation, relTol = DEFAULT_REL_TOL): boolean {
  checkAllocation(inst, n);
  const { m, d } = dims(inst);
  for (let k = 0; k < d; k++) {
    const Nk = columnTotal(n, k);
    for (let i = 0; i < m; i++) {
      const c = inst.costs[i][k];
      if (c === Number.POSITIVE_INFINITY) continue; // spec/001 §2.5: c = ∞ holds
      // seed 001, eq. (8): σ²/n^IND + c·n^IND ≥ σ²/Σ_j n_{j,k} + c·n_{i,k}
      if (!leqRel(smPenaltyK(inst.sigma, c, n[i][k], Nk), alonePenaltyK(inst.sigma, c), relTol)) return false;
    }
  }
  return true;
}

export interface NApprox {
  /** ñ returned by Alg. 1, nStar[i][k]. */
  nStar: number[][];
  /** V[k]: 0-based indices of the agents put in V_k by LOOP1, ascending. */
  V: number[][];
  /** T[k] = Σ_i ñ_{i,k} after LOOP1. */
  T: number[];
}

/** LOOP1's test for (i,k): 2σ√c ≤ 4(σ²/Σ_j ñ_{j,k} + c ñ_{i,k}), within relTol. Never true for c = ∞. */
function loop1Fires(inst: HeteroInstance, nt: number[][], i: number, k: number, relTol: number): boolean {
  const c = inst.costs[i][k];
  if (c === Number.POSITIVE_INFINITY) return false; // spec/001 §2.4: LHS = ∞, never enters V
  // seed 001, Alg. 1 line 4
  return leqRel(alonePenaltyK(inst.sigma, c), 4 * smPenaltyK(inst.sigma, c, nt[i][k], columnTotal(nt, k)), relTol);
}

/** The first (k, i) in lexicographic order, i ∉ V_k, whose LOOP1 test holds; null if none. */
function firstLoop1Pair(inst: HeteroInstance, nt: number[][], inV: boolean[][], relTol: number): [number, number] | null {
  const { m, d } = dims(inst);
  for (let k = 0; k < d; k++) {
    for (let i = 0; i < m; i++) {
      if (!inV[i][k] && loop1Fires(inst, nt, i, k, relTol)) return [i, k];
    }
  }
  return null;
}

/**
 * Algorithm 1 (Compute-n-Approx) of seed 001 with spec/001 §2.4's fixed scan order: LOOP1 takes the
 * first (k, i) in lexicographic order and restarts after each update; T_k is computed once after
 * LOOP1; LOOP2 is a single pass (T is not updated, so one pass is the while loop's fixed point).
 * V and T are returned whether or not (8) holds.
 */
export function computeNApprox(inst: HeteroInstance, n: Allocation, relTol = DEFAULT_REL_TOL): NApprox {
  checkAllocation(inst, n);
  const { m, d } = dims(inst);
  const nt = n.map((row) => [...row]); // seed 001, Alg. 1 line 2: ñ ← n
  const inV = n.map((row) => row.map(() => false)); // Alg. 1 line 3: V_k ← ∅
  for (let pair = firstLoop1Pair(inst, nt, inV, relTol); pair; pair = firstLoop1Pair(inst, nt, inV, relTol)) {
    const [i, k] = pair;
    nt[i][k] = nIndividual(inst.sigma, inst.costs[i][k]); // Alg. 1 line 5: ñ_{i,k} ← n^IND_{i,k}
    inV[i][k] = true; // Alg. 1 line 6: V_k ← V_k ∪ {i}
  }
  const T = Array.from({ length: d }, (_, k) => columnTotal(nt, k)); // Alg. 1 line 7: T_k ← Σ_i ñ_{i,k}
  for (let k = 0; k < d; k++) {
    for (let i = 0; i < m; i++) {
      const nInd = nIndividual(inst.sigma, inst.costs[i][k]);
      // Alg. 1 lines 8–9: if i ∉ V_k, ñ > 0 and ñ·T_k < (n^IND)², then ñ ← (n^IND)²/T_k
      if (!inV[i][k] && nt[i][k] > 0 && nt[i][k] * T[k] < nInd * nInd) nt[i][k] = (nInd * nInd) / T[k];
    }
  }
  const V = Array.from({ length: d }, (_, k) => [...Array(m).keys()].filter((i) => inV[i][k]));
  return { nStar: nt, V, T };
}
