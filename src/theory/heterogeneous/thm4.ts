/**
 * Seed 001, Theorem 4 (Ω(√m) price of stability): instance (19) and the quantities of
 * spec/001 §5.6's table (M_CBL social penalty and its ratio to OPT, the √m/4 lower bound, √m).
 */
import type { HeteroInstance } from './types.js';
import { cblTheory } from './cbl.js';

/** Instance (19): d = 2, c_{1,1} = γ, c_{1,2} = ∞, c_{i,1} = ∞, c_{i,2} = γ (i ≥ 2); OPT allocation with an even split. */
export function thm4Instance(m: number, sigma = 1, gamma = 1): { instance: HeteroInstance; allocation: number[][] } {
  if (!(Number.isInteger(m) && m >= 2)) throw new RangeError(`thm4Instance: m must be an integer >= 2, got ${m}`);
  const inf = Number.POSITIVE_INFINITY;
  const costs = Array.from({ length: m }, (_, i) => (i === 0 ? [gamma, inf] : [inf, gamma])); // seed 001 eq. (19)
  const N = sigma * Math.sqrt(m / gamma); // seed 001 F.3 / spec/001 §4: n_{1,1} = Σ_{i≥2} n_{i,2} = σ√(m/γ)
  const allocation = Array.from({ length: m }, (_, i) => (i === 0 ? [N, 0] : [0, N / (m - 1)])); // spec/001 §5.6: even split
  return { instance: { sigma, costs }, allocation };
}

/** OPT = inf_{Θ_IR} P = 4σ√(mγ) for instance (19) (IR is vacuous: every p^IND = ∞). */
export function thm4Opt(m: number, sigma = 1, gamma = 1): number {
  return 4 * sigma * Math.sqrt(m * gamma); // spec/001 §4, Thm 4
}

/** Thm 4's bound: any NE of any mechanism has P ≥ mσ√γ, i.e. ratio ≥ √m/4. */
export function thm4LowerBoundRatio(m: number): number {
  return Math.sqrt(m) / 4; // spec/001 §4: mσ√γ / (4σ√(mγ))
}

/** M_CBL's social penalty on instance (19) (NL branch), closed form σ√γ(2 + 1/(m−1) + 3(m−1)). */
export function thm4CblSocialClosedForm(m: number, sigma = 1, gamma = 1): number {
  return sigma * Math.sqrt(gamma) * (2 + 1 / (m - 1) + 3 * (m - 1)); // spec/001 §5.6 [derived]
}

export interface Thm4Row {
  m: number;
  /** P(M_CBL, s*), from cblTheory. */
  social: number;
  opt: number;
  /** social / OPT. */
  ratio: number;
  lowerBoundRatio: number;
  sqrtM: number;
}

/** One row of spec/001 §5.6's table, computed by running cblTheory on instance (19). */
export function thm4Row(m: number, sigma = 1, gamma = 1): Thm4Row {
  const { instance, allocation } = thm4Instance(m, sigma, gamma);
  const social = cblTheory(instance, allocation).socialPenalty;
  const opt = thm4Opt(m, sigma, gamma);
  // spec/001 §5.6: ratio = P(M_CBL, s*) / OPT
  return { m, social, opt, ratio: social / opt, lowerBoundRatio: thm4LowerBoundRatio(m), sqrtM: Math.sqrt(m) };
}

/** spec/001 §5.6's table (default m = 4, 16, 100). */
export function thm4Table(ms: readonly number[] = [4, 16, 100], sigma = 1, gamma = 1): Thm4Row[] {
  return ms.map((m) => thm4Row(m, sigma, gamma));
}
