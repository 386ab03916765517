/**
 * Gauss–Legendre nodes and weights on [−1, 1] (N-point rule, exact for polynomials of degree
 * ≤ 2N − 1), by Newton's method on P_N from the Tricomi initial guesses cos(π(k − 1/4)/(N + 1/2))
 * (Abramowitz & Stegun 25.4.29; Numerical Recipes §4.6 "gauleg"). Rules are cached by N.
 */

export interface GaussRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const CACHE = new Map<number, GaussRule>();

/** The N-point Gauss–Legendre rule on [−1, 1], nodes ascending. */
export function gaussLegendre(N: number): GaussRule {
  if (!(Number.isInteger(N) && N >= 1)) throw new RangeError(`gaussLegendre: N must be an integer >= 1 (got ${N})`);
  const hit = CACHE.get(N);
  if (hit) return hit;
  const nodes = new Float64Array(N);
  const weights = new Float64Array(N);
  const m = Math.ceil(N / 2);
  for (let k = 1; k <= m; k++) {
    let x = Math.cos((Math.PI * (k - 0.25)) / (N + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      // P_N(x) and P_N'(x) by the three-term recurrence (A&S 22.7.10).
      let p0 = 1;
      let p1 = x;
      for (let j = 2; j <= N; j++) {
        const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
        p0 = p1;
        p1 = p2;
      }
      const pN = N === 1 ? x : p1;
      const pPrev = N === 1 ? 1 : p0;
      dp = (N * (x * pN - pPrev)) / (x * x - 1);
      const dx = pN / dp;
      x -= dx;
      if (Math.abs(dx) <= 1e-16 * Math.max(1, Math.abs(x))) break;
    }
    const w = 2 / ((1 - x * x) * dp * dp); // A&S 25.4.29
    nodes[k - 1] = -x;
    nodes[N - k] = x;
    weights[k - 1] = w;
    weights[N - k] = w;
  }
  if (N % 2 === 1) nodes[(N - 1) / 2] = 0;
  const rule = { nodes, weights };
  CACHE.set(N, rule);
  return rule;
}

/**
 * Composite rule on the pieces [cuts[c], cuts[c+1]] (ascending; empty pieces skipped): calls
 * visit(x, w) for every node x with its weight w = h·w_k, h the half-width of its piece. Splitting at
 * kinks of the integrand keeps Gauss–Legendre's accuracy there (spec/004 §4 W6: the corner q̄ = low).
 */
export function forEachPiecewiseNode(cuts: ArrayLike<number>, rule: GaussRule, visit: (x: number, w: number) => void): void {
  const { nodes, weights } = rule;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const a = cuts[c] as number;
    const b = cuts[c + 1] as number;
    if (!(b > a)) continue;
    const mid = 0.5 * (a + b);
    const h = 0.5 * (b - a);
    for (let k = 0; k < nodes.length; k++) visit(mid + h * (nodes[k] as number), h * (weights[k] as number));
  }
}
