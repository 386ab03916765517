/**
 * Ex-ante (unconditional, truthful) expectations of a threshold mechanism over the priors of
 * seed 004: for each agent i,
 *
 *   E[p_i] = E_{q−i}[ p_i(q_{−i}) (1 − F_i(q̄_i(q_{−i}))) ]                    (seed 004, (B.11))
 *   P(x_i) = E_{q−i}[ 1 − F_i(q̄_i) ]
 *   E[v_i x_i] = E_{q−i}[ ∫_{q̄_i}^{high} v_i(q_i, q_{−i}) f_i(q_i) dq_i ]       (welfare)
 *   E[U_i] = E[v_i x_i] − E[p_i]
 *
 * The inner expectation over q_i is in closed form for uniform priors (spec/004 §2.2 and its
 * approximate-value analogue) and by an N-point Gauss–Legendre rule on [q̄, high] otherwise.
 * The outer expectation over q_{−i} is
 *   - for n − 1 ≤ 3 (default; `maxQuadratureDim`): a tensor-product Gauss–Legendre rule with `nodes`
 *     points per dimension (per piece), split where the mechanism's conditional outcome has a kink
 *     (Algorithm 1's threshold hits the lower support: spec/004 §4 W6, ρ ≥ 0.6336): the innermost
 *     coordinate at the kink itself, outer coordinates where the kink surface meets the corners of
 *     the inner box, so the rule integrates smooth pieces;
 *   - beyond that: seeded Monte Carlo over q_{−i} drawn by inverse cdf, reporting the standard error.
 *
 * The value the agents enjoy is the exact Gaussian v (`valueModel: 'exact'`, default, consistent with
 * mechanisms.ts outcome) or the model's v̂ (`valueModel: 'approx'`: then E[U_i] = H(S)/Q for Unif[0,Q],
 * seed 004 (B.37)). Prices always come from the mechanism's model.
 */
import { InputError } from '../../core/instance.js';
import { Rng } from '../../random/index.js';
import { brent } from '../roots.js';
import type { Correlation } from './correlation.js';
import { rhoExact, sApprox } from './correlation.js';
import { forEachPiecewiseNode, gaussLegendre } from './gauss-legendre.js';
import type { BayesMechanism, MechanismContext } from './mechanisms.js';
import { isUniform, type Prior } from './priors.js';
import { type Model, statOf, valueApproxOfS, valueOfRho } from './value.js';

export interface ExpectOptions {
  /** Gauss–Legendre points per dimension of q_{−i} (default 64). */
  nodes?: number;
  /** Largest n − 1 handled by tensor quadrature; beyond it Monte Carlo (default 3). */
  maxQuadratureDim?: number;
  /** Force a method (default 'auto'). */
  method?: 'auto' | 'quadrature' | 'montecarlo';
  /** Monte Carlo draws of q_{−i} (default 20000). */
  samples?: number;
  /** Monte Carlo seed (default 1). */
  seed?: number;
}

export interface ExpectationResult {
  /** E over q_{−i} of each output of fn. */
  readonly values: number[];
  readonly method: 'quadrature' | 'montecarlo';
  /** Points per dimension (quadrature). */
  readonly nodes?: number;
  /** Draws (Monte Carlo). */
  readonly samples?: number;
  /** Standard errors of `values` (Monte Carlo only). */
  readonly standardErrors?: number[];
}

/**
 * E_{q−i}[fn(q)] for q_j ~ priors[j] independent, j ≠ i (q[i] is NaN inside fn). fn writes `dim`
 * outputs into `out`. `kink`, if given, is a function of q whose sign change along the innermost
 * coordinate (monotone in it) marks a kink of fn: that coordinate's rule is split there.
 */
export function expectOverOthers(
  priors: readonly Prior[],
  i: number,
  dim: number,
  fn: (q: Float64Array, out: Float64Array) => void,
  opts: ExpectOptions = {},
  kink?: (q: Float64Array) => number,
): ExpectationResult {
  const n = priors.length;
  const others: number[] = [];
  for (let j = 0; j < n; j++) if (j !== i) others.push(j);
  const D = others.length;
  const method = opts.method && opts.method !== 'auto' ? opts.method : D <= (opts.maxQuadratureDim ?? 3) ? 'quadrature' : 'montecarlo';
  const q = new Float64Array(n);
  q[i] = NaN;
  const out = new Float64Array(dim);
  const acc = new Array<number>(dim).fill(0);
  if (D === 0) {
    fn(q, out);
    return { values: Array.from(out), method: 'quadrature', nodes: 0 };
  }
  if (method === 'montecarlo') {
    const samples = opts.samples ?? 20000;
    if (!(Number.isInteger(samples) && samples >= 2)) throw new InputError('samples', `must be an integer >= 2 (got ${samples})`);
    const rng = new Rng(opts.seed ?? 1, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35);
    const sq = new Array<number>(dim).fill(0);
    for (let s = 0; s < samples; s++) {
      for (const j of others) q[j] = priors[j].quantile(rng.nextFloat());
      fn(q, out);
      for (let k = 0; k < dim; k++) {
        acc[k] += out[k];
        sq[k] += out[k] * out[k];
      }
    }
    const values = acc.map((a) => a / samples);
    const standardErrors = values.map((m, k) => Math.sqrt(Math.max(0, sq[k] / samples - m * m) / (samples - 1)));
    return { values, method, samples, standardErrors };
  }
  const N = opts.nodes ?? 64;
  if (!(Number.isInteger(N) && N >= 1)) throw new InputError('nodes', `must be an integer >= 1 (got ${N})`);
  const rule = gaussLegendre(N);
  const { nodes, weights } = rule;
  const last = others[D - 1];
  const pl = priors[last];
  // GL on [a, b] of the last coordinate, with weight f_last, times the outer weight.
  const innerPiece = (a: number, b: number, wOuter: number): void => {
    if (!(b > a)) return;
    const c = 0.5 * (a + b);
    const h = 0.5 * (b - a);
    for (let k = 0; k < N; k++) {
      const x = c + h * nodes[k];
      q[last] = x;
      const w = wOuter * h * weights[k] * pl.pdf(x);
      fn(q, out);
      for (let m = 0; m < dim; m++) acc[m] += w * out[m];
    }
  };
  const recurse = (d: number, wOuter: number): void => {
    if (d === D - 1) {
      const a = pl.low;
      const b = pl.high;
      if (kink) {
        q[last] = a;
        const ka = kink(q);
        q[last] = b;
        const kb = kink(q);
        if ((ka < 0 && kb > 0) || (ka > 0 && kb < 0)) {
          const x = brent((t) => {
            q[last] = t;
            return kink(q);
          }, a, b);
          innerPiece(a, x, wOuter);
          innerPiece(x, b, wOuter);
          return;
        }
      }
      innerPiece(a, b, wOuter);
      return;
    }
    const j = others[d];
    const p = priors[j];
    // Split this coordinate where the kink surface meets the corners of the inner box (all later
    // coordinates at their low, or all at their high ends): between those points the inner integral
    // is smooth, and the kink is monotone in every coordinate, so no other breakpoints arise.
    const cuts = [p.low, p.high];
    if (kink) {
      for (const corner of ['low', 'high'] as const) {
        for (let e = d + 1; e < D; e++) q[others[e]] = priors[others[e]][corner];
        const at = (t: number): number => {
          q[j] = t;
          return kink(q);
        };
        const ka = at(p.low);
        const kb = at(p.high);
        if ((ka < 0 && kb > 0) || (ka > 0 && kb < 0)) cuts.push(brent(at, p.low, p.high));
      }
      cuts.sort((x, y) => x - y);
    }
    forEachPiecewiseNode(cuts, rule, (x, w) => {
      q[j] = x;
      recurse(d + 1, wOuter * w * p.pdf(x));
    });
  };
  recurse(0, 1);
  return { values: acc, method, nodes: N };
}

/**
 * ∫_{t}^{high} v(q) f(q) dq for the value model, given the exact ρ and the approximate S.
 * Uniform: closed forms; otherwise an N-point Gauss–Legendre rule.
 */
function valueIntegral(prior: Prior, t: number, valueModel: Model, rho: number, S: number, N: number): number {
  const { low, high } = prior;
  if (!(t < high)) return 0;
  if (isUniform(prior)) {
    const width = high - low;
    if (valueModel === 'exact') {
      // ∫ 1 − w/(1+wq) dq = (Q − t) − ln((1+wQ)/(1+wt))   (spec/004 §2.2 [derived])
      const w = 1 - rho;
      return (high - t - Math.log1p((w * (high - t)) / (1 + w * t))) / width;
    }
    // ∫ 1 − 1/(1+q) + S/(1+q)² dq = (Q − t) − ln((1+Q)/(1+t)) + S(1/(1+t) − 1/(1+Q))   (seed 004, (A.5), cf. (B.37))
    return (high - t - Math.log1p((high - t) / (1 + t)) + S * (1 / (1 + t) - 1 / (1 + high))) / width;
  }
  const { nodes, weights } = gaussLegendre(N);
  const c = 0.5 * (t + high);
  const h = 0.5 * (high - t);
  let s = 0;
  for (let k = 0; k < N; k++) {
    const x = c + h * nodes[k];
    s += weights[k] * prior.pdf(x) * (valueModel === 'exact' ? valueOfRho(rho, x) : valueApproxOfS(S, x));
  }
  return s * h;
}

export interface AgentExpectation {
  readonly payment: number;
  readonly utility: number;
  /** E[v_i x_i]. */
  readonly welfare: number;
  readonly allocationProbability: number;
  /** Monte Carlo standard errors (absent under quadrature). */
  readonly standardErrors?: { payment: number; utility: number; welfare: number; allocationProbability: number };
}

export interface MechanismExpectation {
  readonly agents: readonly AgentExpectation[];
  readonly revenue: number;
  readonly welfare: number;
  readonly method: 'quadrature' | 'montecarlo';
  readonly nodes?: number;
  readonly samples?: number;
  /** Monte Carlo standard error of the revenue (Monte Carlo only). */
  readonly revenueStandardError?: number;
}

export interface MechanismExpectOptions extends ExpectOptions {
  /** The value agents enjoy (default 'exact'). */
  valueModel?: Model;
}

/**
 * Ex-ante expected payment, utility, welfare and allocation probability of every agent under
 * `mech`, truthful reports, q ~ ∏ priors (seed 004, (A.2), (B.11); spec/004 §5).
 */
export function expectedOutcome(
  mech: BayesMechanism,
  R: Correlation,
  priors: readonly Prior[],
  model: Model = 'exact',
  opts: MechanismExpectOptions = {},
): MechanismExpectation {
  const n = R.length;
  if (priors.length !== n) throw new InputError('priors', `must have ${n} entries (got ${priors.length})`);
  const valueModel = opts.valueModel ?? 'exact';
  const ctx: MechanismContext = { R, priors, model };
  const N = opts.nodes ?? 64;
  // Agent i's conditional outcome given q_{−i} (q[i] unused): [E p, E U, E vx, P(x)] over q_i.
  const conditional = (i: number, q: Float64Array, out: Float64Array, o = 0): void => {
    const prior = priors[i];
    const { threshold, price } = mech.allocate(i, q, ctx);
    const t = Math.max(threshold, prior.low);
    const alloc = 1 - prior.cdf(t);
    const rho = valueModel === 'exact' ? rhoExact(R, i, q) : 0;
    const S = valueModel === 'approx' ? sApprox(R, i, q) : 0;
    const vx = valueIntegral(prior, t, valueModel, rho, S, N);
    out[o] = price * alloc; // seed 004, (B.11): E_{q_i}[p] = p(1 − F(q̄))
    out[o + 1] = vx - price * alloc;
    out[o + 2] = vx;
    out[o + 3] = alloc;
  };
  const method = opts.method && opts.method !== 'auto' ? opts.method : n - 1 <= (opts.maxQuadratureDim ?? 3) ? 'quadrature' : 'montecarlo';
  if (method === 'montecarlo') return jointMonteCarlo(n, priors, conditional, opts);
  const agents: AgentExpectation[] = [];
  let revenue = 0;
  let welfare = 0;
  for (let i = 0; i < n; i++) {
    const kinkOfStat = mech.kinkOfStat;
    const kink = kinkOfStat ? (q: Float64Array): number => kinkOfStat(i, statOf(model, R, i, q), ctx) : undefined;
    const r = expectOverOthers(priors, i, 4, (q, out) => conditional(i, q, out), { ...opts, method: 'quadrature' }, kink);
    const [payment, utility, w, allocationProbability] = r.values;
    agents.push({ payment, utility, welfare: w, allocationProbability });
    revenue += payment;
    welfare += w;
  }
  return { agents, revenue, welfare, method, nodes: n > 1 ? N : 0 };
}

/**
 * Monte Carlo over whole profiles q ~ ∏ priors (seeded): every agent's conditional expectation is
 * evaluated at the same draw, so the revenue's standard error accounts for their correlation.
 */
function jointMonteCarlo(
  n: number,
  priors: readonly Prior[],
  conditional: (i: number, q: Float64Array, out: Float64Array, o: number) => void,
  opts: ExpectOptions,
): MechanismExpectation {
  const samples = opts.samples ?? 20000;
  if (!(Number.isInteger(samples) && samples >= 2)) throw new InputError('samples', `must be an integer >= 2 (got ${samples})`);
  const rng = new Rng(opts.seed ?? 1, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35);
  const q = new Float64Array(n);
  const out = new Float64Array(4 * n);
  const sum = new Float64Array(4 * n);
  const sq = new Float64Array(4 * n);
  let rev = 0;
  let rev2 = 0;
  let wel = 0;
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < n; j++) q[j] = priors[j].quantile(rng.nextFloat());
    let r = 0;
    for (let i = 0; i < n; i++) {
      conditional(i, q, out, 4 * i);
      r += out[4 * i];
      wel += out[4 * i + 2];
    }
    for (let k = 0; k < 4 * n; k++) {
      sum[k] += out[k];
      sq[k] += out[k] * out[k];
    }
    rev += r;
    rev2 += r * r;
  }
  const mean = (k: number): number => sum[k] / samples;
  const se = (k: number): number => Math.sqrt(Math.max(0, sq[k] / samples - mean(k) ** 2) / (samples - 1));
  const agents: AgentExpectation[] = [];
  for (let i = 0; i < n; i++) {
    const b = 4 * i;
    agents.push({
      payment: mean(b),
      utility: mean(b + 1),
      welfare: mean(b + 2),
      allocationProbability: mean(b + 3),
      standardErrors: { payment: se(b), utility: se(b + 1), welfare: se(b + 2), allocationProbability: se(b + 3) },
    });
  }
  const revenue = rev / samples;
  const revenueStandardError = Math.sqrt(Math.max(0, rev2 / samples - revenue * revenue) / (samples - 1));
  return { agents, revenue, welfare: wel / samples, method: 'montecarlo', samples, revenueStandardError };
}
