/**
 * Reference implementations and statistics for the random-module tests:
 * a plain BigInt xoshiro128** (Blackman & Vigna 2018, prng.di.unimi.it/xoshiro128starstar.c),
 * Lemire's bounded integers in exact BigInt arithmetic (Lemire 2019), the
 * normal CDF by quadrature, and a chi-square critical value.
 */

const M32 = 0xffffffffn;
const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M32;

/** The published xoshiro128** step, written for clarity (BigInt, mod 2^32), not speed. */
export class RefXoshiro128ss {
  private s: [bigint, bigint, bigint, bigint];

  constructor(a: number, b: number, c: number, d: number) {
    this.s = [BigInt(a >>> 0), BigInt(b >>> 0), BigInt(c >>> 0), BigInt(d >>> 0)];
  }

  next(): bigint {
    const s = this.s;
    const result = (rotl((s[1] * 5n) & M32, 7n) * 9n) & M32;
    const t = (s[1] << 9n) & M32;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
    return result;
  }

  nextNumber(): number {
    return Number(this.next());
  }

  /** Lemire's nearly-divisionless method, exact in BigInt; n = 2^32 returns the word itself. */
  nextInt(n: number): number {
    const N = BigInt(n);
    if (N === 1n << 32n) return this.nextNumber();
    let m = this.next() * N;
    let l = m & M32;
    if (l < N) {
      const t = ((1n << 32n) - N) % N;
      while (l < t) {
        m = this.next() * N;
        l = m & M32;
      }
    }
    return Number(m >> 32n);
  }

  /** 27 + 26 high bits of two words, over 2^53. */
  nextFloat(): number {
    const a = this.next() >> 5n;
    const b = this.next() >> 6n;
    return Number((a << 26n) | b) / 2 ** 53;
  }
}

/** Standard normal CDF by composite Simpson quadrature of the density (absolute error < 1e-13 on |x| <= 8). */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  const n = 20000;
  const h = a / n;
  let s = 1 + Math.exp(-0.5 * a * a);
  for (let i = 1; i < n; i++) {
    const t = i * h;
    s += (i & 1 ? 4 : 2) * Math.exp(-0.5 * t * t);
  }
  const half = (s * h) / 3 / Math.sqrt(2 * Math.PI);
  return x >= 0 ? 0.5 + half : 0.5 - half;
}

/** Upper 1e-5 quantile of chi-square with df degrees of freedom (Wilson-Hilferty; z = 4.265). */
export function chiSquareCritical(df: number): number {
  const z = 4.265;
  const c = 2 / (9 * df);
  return df * (1 - c + z * Math.sqrt(c)) ** 3;
}

/** Pearson's chi-square statistic of counts against equal expected counts. */
export function chiSquareUniform(counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const e = total / counts.length;
  let x2 = 0;
  for (let i = 0; i < counts.length; i++) x2 += (counts[i] - e) ** 2 / e;
  return x2;
}

/** Distribution checks of a standard normal sample: each entry is an estimate, its target and its standard error. */
export interface Check {
  what: string;
  value: number;
  target: number;
  se: number;
}

/** Mean, variance and 4th moment of z (targets 0, 1, 3) and its empirical CDF at `points`, with standard errors. */
export function normalChecks(z: Float64Array, points: readonly number[]): Check[] {
  const n = z.length;
  let s1 = 0;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const v = z[i];
    const v2 = v * v;
    s1 += v;
    s2 += v2;
    s4 += v2 * v2;
  }
  const checks: Check[] = [
    { what: 'mean', value: s1 / n, target: 0, se: Math.sqrt(1 / n) },
    { what: 'E[z^2]', value: s2 / n, target: 1, se: Math.sqrt(2 / n) },
    { what: 'E[z^4]', value: s4 / n, target: 3, se: Math.sqrt(96 / n) },
  ];
  for (const x of points) {
    let below = 0;
    for (let i = 0; i < n; i++) if (z[i] <= x) below++;
    const p = normalCdf(x);
    checks.push({ what: `CDF(${x.toFixed(4)})`, value: below / n, target: p, se: Math.sqrt((p * (1 - p)) / n) });
  }
  return checks;
}

/** The checks whose estimate is more than `k` standard errors from its target, as readable lines. */
export function failures(checks: readonly Check[], k = 4): string[] {
  return checks
    .filter((c) => !(Math.abs(c.value - c.target) <= k * c.se))
    .map((c) => `${c.what}: ${c.value} vs ${c.target} (${((c.value - c.target) / c.se).toFixed(2)} SE)`);
}
