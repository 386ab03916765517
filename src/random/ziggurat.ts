/**
 * Ziggurat sampler for the standard normal: 256 layers, one 32-bit word per
 * draw on the fast path (Marsaglia & Tsang 2000, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Softw. 5(8); 256-layer constants as in
 * the project's C reference, shared/bench/c3d_ref.c).
 *
 * This file holds the tables and the rare slow path (wedge, tail, redraw).
 * The fast path is written out in the generator's loops (./rng.ts, ./batch.ts).
 *
 * Bit layout of the 32-bit draw w (no bit serves two purposes; the 2000 paper
 * reuses the low bits of the value as the layer index, which correlates the
 * two, see Doornik 2005):
 *   w >>> 24        layer i in [0, 256)
 *   (w >>> 23) & 1  sign
 *   w & 0x7fffff    magnitude u in [0, 2^23)
 * The fast tables are indexed by `w >>> 23` (layer and sign together, 512
 * entries) and `W` carries the sign, so the fast path applies the sign without
 * a branch:
 *   x = u * W[w >>> 23];   accept at once when u < K[w >>> 23]   (98.5% of draws).
 * The fast path's resolution is x_i / 2^23 (at most 4.4e-7), far below any
 * Monte Carlo error this project can see.
 */

/** Right edge R of the base strip (256-layer constant, as in shared/bench/c3d_ref.c). */
export const ZIG_R = 3.6541528853610088;
/** Common area V of each layer (256-layer constant, as in shared/bench/c3d_ref.c). */
export const ZIG_V = 0.00492867323399;
/** Number of layers. */
export const ZIG_LAYERS = 256;
/** Bits of magnitude in a draw. */
export const ZIG_BITS = 23;

/** Typed ziggurat tables, built once per process. */
export interface ZigguratTables {
  /** Fast-accept thresholds by `w >>> 23`: accept when u < K[idx] (x lies under the next layer up). */
  readonly K: Int32Array;
  /** Signed scale by `w >>> 23`: x = u * W[idx] (layer width / 2^23, negated for the sign bit). */
  readonly W: Float64Array;
  /** Density exp(-x_i^2/2) at the right edge x_i of layer i (by layer); F[0] = 1 stands for the top, x = 0. */
  readonly F: Float64Array;
  /** x_i^2 / 2 for the same edges (by layer; H[0] = 0), for the wedge test's bounds. */
  readonly H: Float64Array;
}

/**
 * Builds the tables by the recursion of Marsaglia & Tsang 2000 (their `zigset`),
 * scaled for a 23-bit magnitude. Layer 0 is the base strip (rectangle [0, R)
 * plus the tail), layer 255 the widest rectangle, layer 1 the top one. The
 * thresholds are floored, which only sends a few extra draws to the (exact)
 * wedge test, so the sampler stays exact.
 */
export function buildZiggurat(): ZigguratTables {
  const n = ZIG_LAYERS;
  const m1 = 2 ** ZIG_BITS;
  const k = new Float64Array(n);
  const w = new Float64Array(n);
  const F = new Float64Array(n);
  const H = new Float64Array(n);
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / Math.exp(-0.5 * dn * dn);
  k[0] = Math.floor((dn / q) * m1); // base strip: the rectangle part [0, R) of width V / f(R)
  k[1] = 0; // top layer: every draw goes to the wedge test
  w[0] = q / m1;
  w[n - 1] = dn / m1;
  F[0] = 1;
  H[0] = 0;
  F[n - 1] = Math.exp(-0.5 * dn * dn);
  H[n - 1] = 0.5 * dn * dn;
  for (let i = n - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
    k[i + 1] = Math.floor((dn / tn) * m1);
    tn = dn;
    F[i] = Math.exp(-0.5 * dn * dn);
    H[i] = 0.5 * dn * dn;
    w[i] = dn / m1;
  }
  const K = new Int32Array(2 * n);
  const W = new Float64Array(2 * n);
  for (let idx = 0; idx < 2 * n; idx++) {
    const layer = idx >>> 1;
    K[idx] = k[layer];
    W[idx] = idx & 1 ? -w[layer] : w[layer];
  }
  return { K, W, F, H };
}

/** The process-wide tables. */
export const ZIGGURAT: ZigguratTables = buildZiggurat();

const ZK = ZIGGURAT.K;
const ZW = ZIGGURAT.W;
const ZF = ZIGGURAT.F;
const ZH = ZIGGURAT.H;
const INV_TWO32 = 1 / 4294967296;

/**
 * Finishes a ziggurat draw whose fast test failed (Marsaglia & Tsang 2000):
 * the tail for the base strip (Marsaglia 1964, "Generating a variable from the
 * tail of the normal distribution"), the wedge test for layers 1..255, and a
 * fresh draw when the wedge rejects. `raw` is the failed 32-bit draw (as
 * int32); further words come from the xoshiro128** state `st`, which is
 * advanced in place.
 *
 * The generator steps are written out here rather than called, which keeps
 * the function's bytecode above V8's inlining limit (460 bytes), so TurboFan
 * never inlines it into a batch loop's function. When it was inlined, the
 * loops ran 1.5-2 ns per draw slower (register pressure from the calls to
 * Math.exp / Math.log); called out of line, it costs nothing on the fast path.
 */
export function slowNormal(st: Int32Array, raw: number): number {
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  let r = raw;
  let z = 0;
  for (;;) {
    const idx = r >>> 23;
    const u = r & 0x7fffff;
    const x = u * ZW[idx];
    if (u < ZK[idx]) {
      z = x; // only reached after a redraw
      break;
    }
    const layer = idx >>> 1;
    if (layer === 0) {
      // base strip beyond R: x = R + E1/R, accepted when 2 E2 > (E1/R)^2 (E1, E2 exponential)
      let tail = 0;
      for (;;) {
        let m = Math.imul(s1, 5);
        const a = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        let t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        m = Math.imul(s1, 5);
        const b = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        // uniforms in (0, 1) from 32 bits each: the tail reaches R + 22.2 / R, far beyond any observable draw
        const e1 = -Math.log((a + 0.5) * INV_TWO32) / ZIG_R;
        const e2 = -Math.log((b + 0.5) * INV_TWO32);
        if (e2 + e2 > e1 * e1) {
          tail = ZIG_R + e1;
          break;
        }
      }
      z = idx & 1 ? -tail : tail;
      break;
    }
    // wedge: y uniform on [F[layer], F[layer - 1]]
    let m = Math.imul(s1, 5);
    const a = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const y = ZF[layer] + (a + 0.5) * INV_TWO32 * (ZF[layer - 1] - ZF[layer]);
    if (wedgeAccepts(x, y, layer)) {
      z = x;
      break;
    }
    // rejected: a fresh draw
    m = Math.imul(s1, 5);
    r = Math.imul((m << 7) | (m >>> 25), 9);
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  return z;
}

/**
 * Exact test y < exp(-x^2/2) for a point of the wedge of `layer`, decided
 * without exp() in almost every case: exp(-x^2/2) = F[i-1] * exp(-t) with
 * t = x^2/2 - H[i-1], and 1 - t + t^2/2 - t^3/6 < exp(-t) < 1 - t + t^2/2 for
 * t > 0 (Taylor with remainder). If t <= 0 the point lies under the layer above
 * (the floored threshold sent it here) and is accepted. Math.exp costs ~15 ns
 * in V8, more than a whole fast-path draw.
 */
export function wedgeAccepts(x: number, y: number, layer: number): boolean {
  const t = 0.5 * x * x - ZH[layer - 1];
  if (t <= 0) return true;
  const f0 = ZF[layer - 1];
  const upper = f0 * (1 - t + 0.5 * t * t);
  if (y >= upper) return false;
  if (y < upper - f0 * (t * t * t * (1 / 6))) return true;
  return y < Math.exp(-0.5 * x * x);
}
