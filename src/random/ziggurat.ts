/**
 * Ziggurat tables for the standard normal: 256 layers, sampled from one
 * 32-bit word (Marsaglia & Tsang 2000, "The Ziggurat Method for Generating
 * Random Variables", J. Stat. Softw. 5(8); 256-layer constants as in the
 * project's C reference, shared/bench/c3d_ref.c).
 *
 * Bit layout of the 32-bit draw w (no bit serves two purposes; the 2000 paper
 * reuses the low bits of the value as the layer index, which correlates the
 * two, see Doornik 2005):
 *   w >>> 24        layer i in [0, 256)
 *   (w >>> 23) & 1  sign
 *   w & 0x7fffff    magnitude u in [0, 2^23)
 * The fast tables are indexed by `w >>> 23` (layer and sign together, 512
 * entries) and `W` carries the sign, so the hot loop applies the sign without
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
