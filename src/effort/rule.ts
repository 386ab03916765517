/**
 * Integration rules over the unit cube [0, 1]^d for the expectations of the effort game
 * (spec/004 §3.4: "compute M_i by quadrature or by seeded Monte Carlo").
 *
 * An expectation over independent q_j ~ Unif[e_j, Q] is taken through the quantile map
 * q_j = e_j + (Q − e_j)·t_j with FIXED points t ∈ [0, 1]^d and weights. Because the points do not
 * move with e, every estimate Σ_k w_k G(e + (Q − e)·t_k) of E[G] is exactly non-decreasing in e
 * whenever G is non-decreasing in q (each term is), and smooth in e (common random numbers): the
 * numerical game keeps the monotone structure of Theorem 3 (seed 004, proof of Thm 3(i)).
 *
 *   tensor-gauss-legendre: the m^d tensor product of m-point Gauss–Legendre rules (nodes of
 *     src/theory/bayes/gauss-legendre.ts mapped to [0, 1]; deterministic;
 *     spectrally accurate for the analytic integrands of the game — used for n ≤ 4 agents).
 *   monte-carlo: N i.i.d. uniform points from the project's Rng, stream
 *     StreamFactory(seed).key('effort', 'rule', d) (reproducible from the seed), weights 1/N.
 */
import { Rng, StreamFactory } from '../random/index.js';
import { gaussLegendre } from '../theory/bayes/gauss-legendre.js';

export interface UnitRule {
  readonly kind: 'tensor-gauss-legendre' | 'monte-carlo';
  /** Dimension d. */
  readonly dim: number;
  /** Number of points. */
  readonly size: number;
  /** Points, row-major size × dim, in [0, 1). */
  readonly points: Float64Array;
  /** Weights, summing to 1. */
  readonly weights: Float64Array;
  /** Nodes per dimension (tensor) or draws (monte-carlo), and the seed of the latter. */
  readonly nodesPerDim?: number;
  readonly seed?: number;
}

/** m^d tensor Gauss–Legendre rule on [0, 1]^d. */
export function tensorGaussLegendre(dim: number, m: number): UnitRule {
  if (!(Number.isInteger(dim) && dim >= 0)) throw new RangeError(`tensorGaussLegendre: dim must be an integer >= 0 (got ${dim})`);
  if (!(Number.isInteger(m) && m >= 1)) throw new RangeError(`tensorGaussLegendre: nodes must be an integer >= 1 (got ${m})`);
  // [−1, 1] → [0, 1]: t = (1 + x)/2, weight w/2
  const gl = gaussLegendre(m);
  const nodes = gl.nodes.map((x) => (1 + x) / 2);
  const w1 = gl.weights.map((w) => w / 2);
  const size = m ** dim;
  if (size > 5e6) throw new RangeError(`tensorGaussLegendre: ${m}^${dim} = ${size} points is too many; use monte-carlo`);
  const points = new Float64Array(size * dim);
  const weights = new Float64Array(size);
  const idx = new Int32Array(dim);
  for (let k = 0; k < size; k++) {
    let w = 1;
    for (let d = 0; d < dim; d++) {
      points[k * dim + d] = nodes[idx[d]];
      w *= w1[idx[d]];
    }
    weights[k] = w;
    for (let d = 0; d < dim; d++) {
      if (++idx[d] < m) break;
      idx[d] = 0;
    }
  }
  return Object.freeze({ kind: 'tensor-gauss-legendre', dim, size, points, weights, nodesPerDim: m });
}

/** N i.i.d. uniform points of [0, 1)^d from the seeded stream ('effort', 'rule', d). */
export function monteCarloRule(dim: number, samples: number, seed: number): UnitRule {
  if (!(Number.isInteger(samples) && samples >= 2)) throw new RangeError(`monteCarloRule: samples must be an integer >= 2 (got ${samples})`);
  const streams = new StreamFactory(seed);
  const rng = streams.seed(streams.key('effort', 'rule', dim), 0, new Rng());
  const points = new Float64Array(samples * dim);
  for (let k = 0; k < points.length; k++) points[k] = rng.nextFloat();
  const weights = new Float64Array(samples).fill(1 / samples);
  return Object.freeze({ kind: 'monte-carlo', dim, size: samples, points, weights, nodesPerDim: samples, seed });
}

export interface RuleOptions {
  /** 'auto' (default): tensor Gauss–Legendre when nodes^d ≤ maxTensorPoints, else Monte Carlo. */
  readonly integration?: 'auto' | 'tensor' | 'monte-carlo';
  /** Gauss–Legendre nodes per dimension (default 48). */
  readonly nodes?: number;
  /** Monte Carlo draws (default 4096). */
  readonly samples?: number;
  /** Monte Carlo seed (default 4). */
  readonly seed?: number;
  /** Largest tensor rule 'auto' builds (default 120000: 48³ = 110592, so n ≤ 4 agents). */
  readonly maxTensorPoints?: number;
}

/**
 * The rule for expectations over the others' qualities in an n-agent game: the tensor rule over
 * d = n − 1 dimensions (column k = the k-th other agent, skipping i), or Monte Carlo over d = n
 * dimensions (column j = agent j; agent i ignores her own column), so that one point gives every
 * agent's statistic at once (./batch-stats.ts).
 */
export function makeRule(n: number, opts: RuleOptions = {}): UnitRule {
  const nodes = opts.nodes ?? 48;
  const mode = opts.integration ?? 'auto';
  const tensorOk = nodes ** (n - 1) <= (opts.maxTensorPoints ?? 120000);
  if (mode === 'tensor' || (mode === 'auto' && tensorOk)) return tensorGaussLegendre(n - 1, nodes);
  return monteCarloRule(n, opts.samples ?? 4096, opts.seed ?? 4);
}
