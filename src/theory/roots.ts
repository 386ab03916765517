/**
 * Scalar root finding: Brent's method (R. P. Brent, "Algorithms for Minimization
 * without Derivatives", 1973, ch. 4, procedure zero — the algorithm behind
 * scipy.optimize.brentq), and an upward scan to the first sign change.
 */

export interface BrentOptions {
  /** Absolute x tolerance added to the 4·eps·|x| relative one (default 0: machine precision). */
  xtol?: number;
  /** Iteration cap (default 500); exceeding it throws. */
  maxIter?: number;
}

const EPS = Number.EPSILON;

function checkFinite(v: number, x: number): number {
  if (Number.isNaN(v)) throw new Error(`root finder: f(${x}) is NaN`);
  return v;
}

/**
 * Root of f in [a, b] by Brent's method. Requires f(a), f(b) of opposite signs
 * (or one of them exactly 0); throws an Error otherwise.
 */
export function brent(f: (x: number) => number, a: number, b: number, opts: BrentOptions = {}): number {
  const xtol = opts.xtol ?? 0;
  const maxIter = opts.maxIter ?? 500;
  let fa = checkFinite(f(a), a);
  let fb = checkFinite(f(b), b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new Error(`brent: f(a) and f(b) do not bracket a root (f(${a}) = ${fa}, f(${b}) = ${fb})`);
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < maxIter; iter++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * EPS * Math.abs(b) + 0.5 * xtol + Number.MIN_VALUE;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or secant when a == c.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = checkFinite(f(b), b);
  }
  throw new Error(`brent: no convergence in ${maxIter} iterations (bracket [${b}, ${c}])`);
}

export interface ScanOptions {
  /** First step (default (max − start)/100). */
  step?: number;
  /** Each step is the previous one times `growth` (default 1: additive grid; > 1: geometric). */
  growth?: number;
  /** Scan limit; throws if no sign change is found in [start, max]. */
  max: number;
  /** Passed to brent. */
  xtol?: number;
}

/**
 * The first root of f above `start`: evaluate f at start, start + h, start + h + h·g, …
 * (clipped at `max`), stop at the first sign change and refine it with Brent.
 * If f(start) is exactly 0, returns start. Roots that come in pairs between two grid
 * points (no sign change) are not seen: choose `step`/`growth` accordingly.
 */
export function firstRootAbove(f: (x: number) => number, start: number, opts: ScanOptions): number {
  const { max } = opts;
  if (!(max > start)) throw new RangeError(`firstRootAbove: max (${max}) must exceed start (${start})`);
  let h = opts.step ?? (max - start) / 100;
  const growth = opts.growth ?? 1;
  if (!(h > 0) || !(growth >= 1)) throw new RangeError('firstRootAbove: need step > 0 and growth >= 1');
  let x0 = start;
  let f0 = checkFinite(f(x0), x0);
  if (f0 === 0) return x0;
  while (x0 < max) {
    const x1 = Math.min(x0 + h, max);
    const f1 = checkFinite(f(x1), x1);
    if (f1 === 0) return x1;
    if (Math.sign(f1) !== Math.sign(f0)) return brent(f, x0, x1, { xtol: opts.xtol });
    x0 = x1;
    f0 = f1;
    h *= growth;
  }
  throw new Error(`firstRootAbove: no sign change of f in [${start}, ${max}]`);
}
