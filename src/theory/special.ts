/**
 * Special functions used by the closed forms of seed 000:
 * erfc, erfcx(x) = exp(x^2) erfc(x), the standard normal pdf/cdf, odd double
 * factorials, and the two Gaussian integrals of seed 000, Lemma 14 / eq. (62)-(63).
 *
 * erfc and erfcx follow W. J. Cody, "Rational Chebyshev approximations for the
 * error function", Math. Comp. 23 (1969) 631-637, as implemented in Cody's
 * SPECFUN routine CALERF (netlib.org/specfun/erf, 1990): three rational
 * approximations on |x| <= 0.46875, 0.46875 < |x| <= 4 and |x| > 4, the last two
 * of which approximate erfcx directly, so erfcx never overflows for x > 0.
 * exp(±x^2) is evaluated as exp(±s^2)·exp(±(x−s)(x+s)) with s = trunc(16x)/16
 * (Cody's splitting), which keeps ~1e-15 relative accuracy even where x^2 is large.
 */

const SQRT_PI_INV = 5.6418958354775628695e-1; // 1/sqrt(pi), CALERF SQRPI
const SQRT2 = Math.SQRT2;
const SQRT_2PI_INV = 0.3989422804014326779399461; // 1/sqrt(2 pi)

// Cody (1969) / CALERF coefficients. A, B: erf on |x| <= 0.46875.
const A = [3.1611237438705656, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3, 1.85777706184603153e-1];
const B = [2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3];
// C, D: erfcx on 0.46875 < x <= 4.
const C = [
  5.64188496988670089e-1, 8.88314979438837594, 6.61191906371416295e1, 2.98635138197400131e2, 8.8195222124176909e2,
  1.71204761263407058e3, 2.05107837782607147e3, 1.23033935479799725e3, 2.15311535474403846e-8,
];
const D = [
  1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3, 3.29079923573345963e3,
  4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3,
];
// P, Q: erfcx on x > 4, in the variable 1/x^2.
const P = [
  3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
  6.58749161529837803e-4, 1.63153871373020978e-2,
];
const Q = [2.56852019228982242, 1.87295284992346047, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];

/** CALERF XHUGE: beyond it erfcx(x) = 1/(x sqrt(pi)) to double precision. */
const XHUGE = 6.71e7;
/** CALERF XNEG: erfcx(x) overflows for x < XNEG. */
const XNEG = -26.628;

/** erf(x) for |x| <= 0.46875 (Cody 1969, first interval). */
function erfSmall(x: number): number {
  const ysq = Math.abs(x) > 1.11e-16 ? x * x : 0;
  let xnum = A[4] * ysq;
  let xden = ysq;
  for (let i = 0; i < 3; i++) {
    xnum = (xnum + A[i]) * ysq;
    xden = (xden + B[i]) * ysq;
  }
  return (x * (xnum + A[3])) / (xden + B[3]);
}

/** erfcx(y) for y > 0.46875 (Cody 1969, second and third intervals). */
function erfcxPositive(y: number): number {
  if (y <= 4) {
    let xnum = C[8] * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]) * y;
      xden = (xden + D[i]) * y;
    }
    return (xnum + C[7]) / (xden + D[7]);
  }
  if (y >= XHUGE) return SQRT_PI_INV / y;
  const ysq = 1 / (y * y);
  let xnum = P[5] * ysq;
  let xden = ysq;
  for (let i = 0; i < 4; i++) {
    xnum = (xnum + P[i]) * ysq;
    xden = (xden + Q[i]) * ysq;
  }
  const r = (ysq * (xnum + P[4])) / (xden + Q[4]);
  return (SQRT_PI_INV - r) / y;
}

/** exp(sign·x^2) with Cody's splitting x^2 = s^2 + (x−s)(x+s), s = trunc(16x)/16. */
function expSq(x: number, sign: 1 | -1): number {
  const s = Math.trunc(x * 16) / 16;
  const del = (x - s) * (x + s);
  return Math.exp(sign * s * s) * Math.exp(sign * del);
}

/** Complementary error function, ~1e-15 relative for all x whose result is a normal double. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  // erfc(y) = exp(-y^2)·erfcx(y); exp(-y^2) underflows to 0 for y > ~27.3.
  const r = y > 27.3 ? 0 : expSq(y, -1) * erfcxPositive(y);
  return x < 0 ? 2 - r : r;
}

/** Scaled complementary error function exp(x^2)·erfc(x); finite for x >= XNEG, no overflow for large x. */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const y = Math.abs(x);
  if (y <= 0.46875) return expSq(x, 1) * (1 - erfSmall(x));
  const r = erfcxPositive(y);
  if (x > 0) return r;
  if (x < XNEG) return Number.POSITIVE_INFINITY;
  // erfcx(-y) = 2 exp(y^2) − erfcx(y).
  const e = expSq(y, 1);
  return e + e - r;
}

/** Error function erf(x) = 1 − erfc(x) (accurate near 0 through the first interval). */
export function erf(x: number): number {
  if (Math.abs(x) <= 0.46875) return erfSmall(x);
  return x > 0 ? 1 - erfc(x) : erfc(-x) - 1;
}

/** Standard normal density. */
export function normPdf(x: number): number {
  // exp(-x^2/2) = exp(-(x/√2)^2) is not exact in the argument; use s-splitting on x itself.
  const y = Math.abs(x);
  if (y > 40) return 0;
  const s = Math.trunc(y * 16) / 16;
  const del = (y - s) * (y + s);
  return SQRT_2PI_INV * Math.exp(-0.5 * s * s) * Math.exp(-0.5 * del);
}

/**
 * Standard normal CDF Φ(x) = erfc(−x/√2)/2. For x < −0.66 it is evaluated as
 * exp(−x²/2)·erfcx(−x/√2)/2 with the exponent split exactly in x, so the
 * lower tail keeps ~1e-15 relative accuracy (the rounding of x/√2 only enters erfcx,
 * whose logarithmic derivative is O(1/x)).
 */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const t = -x / SQRT2;
  if (t <= 0.46875) return 0.5 * erfc(t);
  if (x < -40) return 0;
  const y = -x;
  const s = Math.trunc(y * 16) / 16;
  const del = (y - s) * (y + s);
  return 0.5 * Math.exp(-0.5 * s * s) * Math.exp(-0.5 * del) * erfcxPositive(t);
}

/**
 * Double factorial n!! for integer n >= −1: n(n−2)(n−4)…, with (−1)!! = 0!! = 1.
 * For odd n = 2k−1 this is E[Z^{2k}] of a standard normal (seed 000, Lemma 11).
 */
export function doubleFactorial(n: number): number {
  if (!Number.isInteger(n) || n < -1) throw new RangeError(`doubleFactorial: n must be an integer >= -1, got ${n}`);
  let r = 1;
  for (let j = n; j > 1; j -= 2) r *= j;
  return r;
}

/** Binomial coefficient C(n, k) for integers 0 <= k <= n (exact for the small n used here). */
export function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`binomial: need integers 0 <= k <= n, got n=${n}, k=${k}`);
  }
  const kk = Math.min(k, n - k);
  let r = 1;
  for (let j = 1; j <= kk; j++) r = (r * (n - kk + j)) / j;
  return Math.round(r);
}

/** Lemma 12 upper bound: erfc(x) <= e^{-x²}/√π·(1/x − 1/(2x³) + 3/(4x⁵)), x > 0. seed 000, eq. (11)/(46) */
export function erfcUpperBound(x: number): number {
  return (Math.exp(-x * x) * SQRT_PI_INV) * (1 / x - 1 / (2 * x ** 3) + 3 / (4 * x ** 5));
}

/** Lemma 12 lower bound: erfc(x) >= e^{-x²}/√π·(1/x − 1/(2x³)), x > 0. seed 000, eq. (12)/(47) */
export function erfcLowerBound(x: number): number {
  return (Math.exp(-x * x) * SQRT_PI_INV) * (1 / x - 1 / (2 * x ** 3));
}

/**
 * I(L) = E[1/(L + x²)], x ~ N(0,1), L > 0.
 * seed 000, eq. (52)/(62): sqrt(π/(2L))·exp(L/2)·erfc(sqrt(L/2)) = sqrt(π/(2L))·erfcx(sqrt(L/2)).
 */
export function expectInv(L: number): number {
  if (!(L > 0)) throw new RangeError(`expectInv: L must be > 0, got ${L}`);
  return Math.sqrt(Math.PI / (2 * L)) * erfcx(Math.sqrt(L / 2));
}

/** Above this L the closed forms (62)-(63) cancel (~L·eps); the asymptotic series is used instead. */
const L_ASYMPTOTIC = 100;

/**
 * E[1/(L + x²)²], x ~ N(0,1), L > 0.
 * seed 000, eq. (53)/(63): sqrt(π)/(2√2 L^{3/2})·(1−L)·erfcx(sqrt(L/2)) + 1/(2L).
 * Typo corrected: Lemma 14/21 prints J(t)'s last term as √t/√(2L); the proof's own
 * integration gives √t/(√2·L), i.e. 1/(2L) at t = 1/2, as in (53) — spec/000 §3.
 * For L >= 100 the two terms cancel, so the asymptotic series
 * (1/L²)·Σ_{k>=0} (−1)^k (k+1)(2k−1)!!/L^k (termwise E[(1+x²/L)^{-2}], Lemma 11) is used.
 */
export function expectInvSq(L: number): number {
  if (!(L > 0)) throw new RangeError(`expectInvSq: L must be > 0, got ${L}`);
  if (L === Number.POSITIVE_INFINITY) return 0;
  if (L >= L_ASYMPTOTIC) return alternatingMomentSeries(L, 0, (k) => k + 1) / (L * L);
  const y = Math.sqrt(L / 2);
  return (Math.sqrt(Math.PI) / (2 * SQRT2 * L ** 1.5)) * (1 - L) * erfcx(y) + 1 / (2 * L);
}

/**
 * J(L) = E[x²/(L + x²)] = 1 − L·I(L) = 1 − √π·y·erfcx(y), y = sqrt(L/2) (from seed 000, eq. (62)).
 * For L >= 100 the subtraction loses digits, so the asymptotic series
 * Σ_{k>=1} (−1)^{k+1} (2k−1)!!/L^k (termwise E[(x²/L)/(1+x²/L)], Lemma 11) is used.
 */
export function expectSqRatio(L: number): number {
  if (!(L > 0)) throw new RangeError(`expectSqRatio: L must be > 0, got ${L}`);
  if (L === Number.POSITIVE_INFINITY) return 0;
  if (L >= L_ASYMPTOTIC) return alternatingMomentSeries(L, 1, () => 1);
  const y = Math.sqrt(L / 2);
  return 1 - Math.sqrt(Math.PI) * y * erfcx(y);
}

/**
 * Σ_{k>=k0} (−1)^{k−k0}·w(k)·(2k−1)!!/L^k, an alternating asymptotic (Stieltjes) series whose
 * truncation error is below the first omitted term. Summed until a term is < 1e-18 of the
 * sum or the terms stop decreasing; for L >= 100 this reaches full double precision.
 */
function alternatingMomentSeries(L: number, k0: number, w: (k: number) => number): number {
  let sum = 0;
  let ratioPow = 1; // (2k−1)!!/L^k, built incrementally to avoid overflow
  let prev = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 400; k++) {
    if (k >= 1) ratioPow *= (2 * k - 1) / L;
    if (k < k0) continue;
    const a = w(k) * ratioPow;
    if (a > prev) break;
    sum += (k - k0) % 2 === 0 ? a : -a;
    if (a < 1e-18 * Math.abs(sum)) break;
    prev = a;
  }
  return sum;
}
