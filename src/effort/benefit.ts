/**
 * The benefit side of the seed-004 effort game (Alaei et al., §4, Theorem 3, Prop C.1; spec/004 §3):
 * what agent i expects from the platform, as a function of her own effort e_i and the others' e_{−i},
 * when every q_j ~ Unif[e_j, Q] independently.
 *
 * Threshold pricing (the optimal mechanism, Algorithm 1 for the updated priors):
 *   π_i(e) = M_i(e_{−i})/(Q − e_i) − c_i(e_i)                                      (seed 004, (B.36)–(B.38))
 *   M_i(e_{−i}) = E_{q_{−i}}[H(S_i(q_{−i}))]   approx model, S_i = Σ_{j≠i} σ_ij² q_j/(1+q_j)   (seed 004, (B.37))
 *   M_i(e_{−i}) = E_{q_{−i}}[h(ρ_i(q_{−i}))]   exact model, h(ρ) = u − 1 − ln u              (spec/004 §3.2 [derived])
 * The factorisation needs the threshold q̄_i(q_{−i}) ≥ e_i, which the game checks for every q_{−i}
 * and e_i ≤ ē = √Q − 2 (seed 004, (B.35)). Beyond ē (only when a caller widens the box) the
 * threshold may be clipped at e_i, and benefitGeneral uses the corner-aware interim utility per
 * point instead: exact model spec/004 §2.2 (general formula); approx model the (B.36) integral with
 * q̄ = max(e_i, g⁻¹(S)) — a departure from the seed, which only needs e_i ≤ ē.
 *
 * Free sharing (full allocation, no payments; seed 004, Prop C.1): the benefit is E_q[v_i(q)]:
 *   exact:  E_{q_i~U[e_i,Q]} v_i = 1 − ln((1+wQ)/(1+we_i))/(Q − e_i), w = 1 − ρ_i(q_{−i})     (spec/004 §3.5)
 *   approx: v̂ = α_i + (1−α_i)²S_i (seed 004, (A.5)) gives E_{q_i}v̂ = 1 − ln((1+Q)/(1+e_i))/(Q − e_i)
 *           + S_i/((1+e_i)(1+Q)) [derived: E[1/(1+q)²] = 1/((1+e)(1+Q))], so only E[S_i] enters.
 *
 * Expectations over q_{−i} use a fixed UnitRule (./rule.ts): q_j = e_j + (Q − e_j)·t_j, so every
 * estimate is exactly monotone and smooth in e_{−i} (common random numbers / fixed nodes).
 */
import type { Correlation } from '../theory/bayes/correlation.js';
import { type Model, statOf } from '../theory/bayes/value.js';
import { H, gInverse } from '../theory/bayes/approx.js';
import { rentExact, thresholdExact } from '../theory/bayes/uniform.js';
import { type BatchContext, allStatistics } from './batch-stats.js';
import type { UnitRule } from './rule.js';

/** 'exact' (ρ_i, h) or 'approx' (S_i, H), as in src/theory/bayes/value.ts. */
export type EffortModel = Model;

/** What the benefit computations need: correlation, upper support Q, model, the rule over q_{−i}. */
export interface BenefitContext {
  readonly correlation: Correlation;
  readonly Q: number;
  readonly model: EffortModel;
  /** Rule on [0, 1]^{n−1} (column k = the k-th other agent) or [0, 1]^n (column j = agent j); see rule.ts. */
  readonly rule: UnitRule;
}

/** Scratch quality vector per n (rhoExact/sApprox take a full-length q; q_i is ignored). */
const qScratch = new Map<number, Float64Array>();

/**
 * The per-point statistic of agent i at the others' efforts: S_i (approx) or ρ_i (exact), for every
 * point of the rule, written to `out` (allocated if absent). e_i itself is not read.
 */
export function othersStatistic(ctx: BenefitContext, i: number, e: ArrayLike<number>, out?: Float64Array): Float64Array {
  const { correlation: R, Q, rule } = ctx;
  const n = R.length;
  const d = rule.dim;
  if (d !== n - 1 && d !== n) throw new Error(`othersStatistic: rule dimension ${d} is neither n − 1 nor n (n = ${n})`);
  const skip = d === n ? 0 : 1; // n-dim rules keep agent i's (unused) column
  const res = out ?? new Float64Array(rule.size);
  let q = qScratch.get(n);
  if (!q) qScratch.set(n, (q = new Float64Array(n)));
  const pts = rule.points;
  for (let k = 0; k < rule.size; k++) {
    for (let j = 0; j < n; j++) {
      if (j === i) {
        q[j] = 0;
        continue;
      }
      // quantile map of Unif[e_j, Q]   (spec/004 §3.4: effort shifts the prior to Unif[e_j, Q])
      q[j] = e[j] + (Q - e[j]) * pts[k * d + (j < i ? j : j - skip)];
    }
    res[k] = statOf(ctx.model, R, i, q); // ρ_i (spec/004 §1.3) or S_i (seed 004, (A.5))
  }
  return res;
}

/** The information rent at statistic s: H(S) (approx, seed 004 (B.37)) or h(ρ) = u − 1 − ln u (exact, spec/004 §3.2). */
export function rent(model: EffortModel, s: number, Q: number): number {
  return model === 'exact' ? rentExact(s, Q) : H(s, Q);
}

/** M_i = Σ_k w_k·rent(stat_k), the rule's estimate of E_{q_{−i}}[H(S_i)] or E[h(ρ_i)]   (seed 004, (B.38)). */
export function benefitM(ctx: BenefitContext, stats: Float64Array): number {
  const w = ctx.rule.weights;
  let m = 0;
  for (let k = 0; k < stats.length; k++) m += w[k] * rent(ctx.model, stats[k], ctx.Q);
  return m;
}

/**
 * M_i(e_{−i}) for every agent at once from an n-dimensional rule (Monte Carlo), one pass over the
 * points with all statistics per point (./batch-stats.ts). Agent i's M_i uses the others' coordinates
 * only (ρ_i, S_i do not depend on q_i), so it equals benefitM(othersStatistic(ctx, i, e)) up to rounding.
 */
export function allMechanismM(ctx: BenefitContext, batch: BatchContext, e: ArrayLike<number>): Float64Array {
  const { Q, rule, model } = ctx;
  const n = ctx.correlation.length;
  if (rule.dim !== n) throw new Error(`allMechanismM: needs an n-dimensional rule (dim ${rule.dim}, n ${n})`);
  const out = new Float64Array(n);
  const q = new Float64Array(n);
  const st = new Float64Array(n);
  const pts = rule.points;
  const w = rule.weights;
  for (let k = 0; k < rule.size; k++) {
    for (let j = 0; j < n; j++) q[j] = e[j] + (Q - e[j]) * pts[k * n + j]; // quantile map, spec/004 §3.4
    allStatistics(batch, model, q, st);
    for (let i = 0; i < n; i++) out[i] += w[k] * rent(model, st[i], Q); // seed 004, (B.38)
  }
  return out;
}

/** M_i(e_{−i}) in one call (allocates the statistic array). */
export function mechanismM(ctx: BenefitContext, i: number, e: ArrayLike<number>): number {
  return benefitM(ctx, othersStatistic(ctx, i, e));
}

/** Per-point threshold of agent i given the statistic, ignoring the lower support: u − 1/w (exact) or g⁻¹(S) (approx). */
export function interiorThresholds(ctx: BenefitContext, stats: Float64Array): Float64Array {
  const out = new Float64Array(stats.length);
  for (let k = 0; k < stats.length; k++) {
    // exact: spec/004 §2.2 q̄* = u − 1/w (a = 0 does not clip for ρ small); approx: seed 004 (B.25–B.27)
    out[k] = ctx.model === 'exact' ? thresholdExact(stats[k], ctx.Q, 0) : gInverse(stats[k], ctx.Q);
  }
  return out;
}

/**
 * The (B.36) integral ∫_{q̄}^{Q} (v̂(q) − v̂(q̄)) dq for a general threshold q̄ (seed 004, (B.36), with
 * g⁻¹(S) replaced by q̄; = H(S) at q̄ = g⁻¹(S)), and its derivative in q̄ [derived].
 */
function approxRentAt(qbar: number, S: number, Q: number): { value: number; dq: number } {
  const r = (Q - qbar) / (1 + qbar);
  const value = Math.log((1 + qbar) / (1 + Q)) + r - (r * r * S) / (1 + Q);
  const dq = 1 / (1 + qbar) - (1 + Q) / ((1 + qbar) * (1 + qbar)) + (2 * S * (Q - qbar)) / ((1 + qbar) * (1 + qbar) * (1 + qbar));
  return { value, dq };
}

/**
 * E_q[U_i] and ∂/∂e_i for any e_i ∈ [0, Q): per point, the threshold is max(e_i, q̄*_k) (spec/004 §2.2,
 * clipped at the lower support e_i), the rent is the interior one when q̄*_k ≥ e_i, and the corner
 * formula otherwise. Equals M/(Q − e_i) whenever e_i ≤ min_k q̄*_k.
 */
export function benefitGeneral(
  ctx: BenefitContext,
  stats: Float64Array,
  thresholds: Float64Array,
  ei: number,
): { value: number; derivative: number } {
  const { Q } = ctx;
  const w = ctx.rule.weights;
  const D = Q - ei;
  let num = 0;
  let dnum = 0;
  for (let k = 0; k < stats.length; k++) {
    const s = stats[k];
    if (thresholds[k] >= ei) {
      num += w[k] * rent(ctx.model, s, Q);
      continue;
    }
    if (ctx.model === 'exact') {
      // spec/004 §2.2 general formula with q̄ = e_i: N = w(Q−e)/(1+we) − ln((1+wQ)/(1+we)); N′ = −w²(Q−e)/(1+we)² [derived]
      const wk = 1 - s;
      const a = 1 + wk * ei;
      num += w[k] * ((wk * D) / a - Math.log((1 + wk * Q) / a));
      dnum += w[k] * ((-wk * wk * D) / (a * a));
    } else {
      const { value, dq } = approxRentAt(ei, s, Q);
      num += w[k] * value;
      dnum += w[k] * dq;
    }
  }
  return { value: num / D, derivative: dnum / D + num / (D * D) };
}

/**
 * Free-sharing benefit E_q[v_i] and its derivative in e_i (seed 004, Prop C.1; spec/004 §3.5), from the
 * per-point statistic of the others. exact: w_k = 1 − ρ_k; approx: v̂ (A.5), linear in S.
 */
export function freeSharingBenefit(ctx: BenefitContext, stats: Float64Array, ei: number): { value: number; derivative: number } {
  const { Q } = ctx;
  const wts = ctx.rule.weights;
  const D = Q - ei;
  if (ctx.model === 'approx') {
    let sBar = 0;
    for (let k = 0; k < stats.length; k++) sBar += wts[k] * stats[k];
    // E_{q_i~U[e,Q]}[α] = 1 − ln((1+Q)/(1+e))/(Q−e); E[(1−α)²] = 1/((1+e)(1+Q))   [derived, v̂ of seed 004 (A.5)]
    const L = Math.log((1 + Q) / (1 + ei));
    const value = 1 - L / D + sBar / ((1 + ei) * (1 + Q));
    // d/de [1 − L/D] = [D/(1+e) − L]/D² (spec/004 §3.5 with w = 1); d/de [S̄/((1+e)(1+Q))] = −S̄/((1+e)²(1+Q))
    const derivative = (D / (1 + ei) - L) / (D * D) - sBar / ((1 + ei) * (1 + ei) * (1 + Q));
    return { value, derivative };
  }
  let value = 0;
  let derivative = 0;
  for (let k = 0; k < stats.length; k++) {
    const w = 1 - stats[k];
    const a = 1 + w * ei;
    const L = Math.log((1 + w * Q) / a);
    value += wts[k] * (1 - L / D); // spec/004 §3.5: E_{q_i}v_i = 1 − ln((1+wQ)/(1+we_i))/(Q−e_i)
    derivative += wts[k] * ((w * D) / a - L) / (D * D); // spec/004 §3.5: marginal benefit
  }
  return { value, derivative };
}

/**
 * Standard error of the Monte Carlo estimate M_i = (1/N)Σ rent(stat_k): sd(rent)/√N; null for
 * deterministic (tensor) rules. Used to justify Monte Carlo tolerances.
 */
export function benefitMStandardError(ctx: BenefitContext, stats: Float64Array): number | null {
  if (ctx.rule.kind !== 'monte-carlo') return null;
  const N = stats.length;
  let mean = 0;
  let m2 = 0;
  for (let k = 0; k < N; k++) {
    // Welford's running variance
    const x = rent(ctx.model, stats[k], ctx.Q);
    const d = x - mean;
    mean += d / (k + 1);
    m2 += d * (x - mean);
  }
  return Math.sqrt(m2 / (N - 1) / N);
}
