/**
 * E[g(X)], X ~ N(0,1), by globally adaptive Gauss–Kronrod 7-15 quadrature
 * (QUADPACK QAG scheme, Piessens et al. 1983) of g(x)·φ(x) over [−lim, lim].
 * The local error estimate is the raw |K15 − G7| difference (more conservative
 * than QUADPACK's scaled estimate), and the interval with the largest estimate
 * is bisected until the total estimate is below max(absTol, relTol·|I|, 50·eps·∫|g|φ).
 * The pdf is below 1e-347 (0 in double precision) beyond |x| = 40, so truncation
 * at 40 loses nothing unless g grows faster than e^{x²/2}.
 */
import { normPdf } from './special.js';

// 15-point Kronrod nodes on [-1, 1] (non-negative half) and weights; 7-point Gauss weights.
const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0.0,
];
const WGK = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
// Gauss weights for the nodes XGK[1], XGK[3], XGK[5], XGK[7].
const WG = [0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975, 0.417959183673469387755102040816327];

export interface ExpectNormalOptions {
  /** Relative tolerance on the total (default 1e-13). */
  relTol?: number;
  /** Absolute tolerance on the total (default 0). */
  absTol?: number;
  /** Truncation half-width (default 40). */
  lim?: number;
  /** Extra breakpoints, e.g. the location of a sharp feature of g (default none). */
  points?: readonly number[];
  /** Maximum number of subintervals before giving up (default 5000; throws). */
  maxIntervals?: number;
}

export interface QuadratureResult {
  value: number;
  error: number;
  intervals: number;
}

interface Piece {
  a: number;
  b: number;
  value: number;
  error: number;
  /** K15 estimate of the integral of |f| (roundoff scale). */
  absValue: number;
}

function gk15(f: (x: number) => number, a: number, b: number): Piece {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const fc = f(c);
  let k = fc * WGK[7];
  let g = fc * WG[3];
  let kAbs = Math.abs(fc) * WGK[7];
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK[j];
    const f1 = f(c - dx);
    const f2 = f(c + dx);
    const s = f1 + f2;
    k += WGK[j] * s;
    kAbs += WGK[j] * (Math.abs(f1) + Math.abs(f2));
    if (j % 2 === 1) g += WG[(j - 1) / 2] * s;
  }
  return { a, b, value: k * h, error: Math.abs((k - g) * h), absValue: kAbs * Math.abs(h) };
}

/** Default breakpoints: dyadic grid that resolves the Gaussian weight. */
const BASE_POINTS = [0, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24];

/** Adaptive Gauss–Kronrod 7-15 for E[g(X)], X ~ N(0,1), with its error estimate. */
export function expectNormalWithError(g: (x: number) => number, opts: ExpectNormalOptions = {}): QuadratureResult {
  const relTol = opts.relTol ?? 1e-13;
  const absTol = opts.absTol ?? 0;
  const lim = opts.lim ?? 40;
  const maxIntervals = opts.maxIntervals ?? 5000;
  const f = (x: number): number => {
    const w = normPdf(x);
    return w === 0 ? 0 : g(x) * w;
  };
  const cuts = new Set<number>([-lim, lim]);
  for (const p of BASE_POINTS) if (p < lim) cuts.add(p).add(-p);
  for (const p of opts.points ?? []) if (Number.isFinite(p) && Math.abs(p) < lim) cuts.add(p);
  const sorted = [...cuts].sort((u, v) => u - v);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) pieces.push(gk15(f, sorted[i], sorted[i + 1]));
  for (;;) {
    let value = 0;
    let error = 0;
    let absValue = 0;
    let worst = 0;
    for (let i = 0; i < pieces.length; i++) {
      value += pieces[i].value;
      error += pieces[i].error;
      absValue += pieces[i].absValue;
      if (pieces[i].error > pieces[worst].error) worst = i;
    }
    if (Number.isNaN(value)) throw new Error('expectNormal: integrand returned NaN');
    // Roundoff floor (50·eps·∫|f|) lets integrals that cancel to ~0 terminate.
    const target = Math.max(absTol, relTol * Math.abs(value), 50 * Number.EPSILON * absValue);
    if (error <= target) return { value, error, intervals: pieces.length };
    if (pieces.length >= maxIntervals) {
      throw new Error(`expectNormal: tolerance not reached with ${maxIntervals} intervals (value ${value}, error ${error})`);
    }
    const { a, b } = pieces[worst];
    const mid = 0.5 * (a + b);
    if (!(mid > a && mid < b)) throw new Error('expectNormal: interval too small to bisect (roundoff limit)');
    pieces.splice(worst, 1, gk15(f, a, mid), gk15(f, mid, b));
  }
}

/** E[g(X)], X ~ N(0,1), to ~1e-13 relative (see expectNormalWithError). */
export function expectNormal(g: (x: number) => number, opts: ExpectNormalOptions = {}): number {
  return expectNormalWithError(g, opts).value;
}
