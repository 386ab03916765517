/**
 * Rng: the project's fast, reproducible random-number generator.
 *
 * Generator: xoshiro128** on four 32-bit words (Blackman & Vigna 2018,
 * "Scrambled linear pseudorandom number generators"), written with Math.imul
 * and 32-bit ops, so no BigInt and no boxed number in hot paths. Every method
 * uses the ** output (xoshiro128+ was ~10% faster in the normal loops but has
 * weak low bits; not worth it).
 *
 * Normals: the 256-layer ziggurat of ./ziggurat.ts (Marsaglia & Tsang 2000),
 * one 32-bit draw per normal on the fast path (98.5% of draws). The batch
 * methods run the loops of ./batch.ts, whose header says how and why they are
 * built as they are.
 *
 * Things a caller should know:
 * - Results are a deterministic function of the state (saveState captures all
 *   of it), but a batch of n normals is NOT the same sequence as n calls of
 *   normal(), and one batch of 2n is not two batches of n.
 * - No method allocates in steady state (fillNormal makes one view of its
 *   staging buffer per distinct count <= 4096, the first time it sees it).
 * - Importing this module runs a warm-up of ~25 ms (see warmUp below).
 */
import { ZIGGURAT, slowNormal, wedgeAccepts } from './ziggurat.js';
import {
  QUEUE_SLOTS,
  SHORT_FILL,
  addNormals,
  fillNormals,
  fillNormalsShort,
  setQueueCapacity,
  sumNormalsEven,
} from './batch.js';

const ZK = ZIGGURAT.K;
const ZW = ZIGGURAT.W;
const ZF = ZIGGURAT.F;
const ZH = ZIGGURAT.H;

const TWO32 = 4294967296;
const INV_TWO32 = 1 / TWO32;
/** 2^-53 */
const INV_TWO53 = 1.1102230246251565e-16;

/** Fixed nonzero state used in place of the forbidden all-zero state (digits of pi, sqrt 2, e, sqrt 3). */
const FALLBACK_STATE = [0x243f6a88 | 0, 0x6a09e667 | 0, 0xb7e15162 | 0, 0xbb67ae85 | 0] as const;

export class Rng {
  /**
   * xoshiro128** state words s0..s3 (stored as int32; read as uint32 by
   * saveState). Built on an explicit ArrayBuffer so that V8 keeps it off-heap:
   * a small `new Int32Array(4)` lives on the heap and made nextUint32 ~1.8x slower.
   */
  private readonly st = new Int32Array(new ArrayBuffer(16));

  /** Seeds the state directly; all-zero (including no arguments) is replaced by a fixed nonzero state. */
  constructor(a = 0, b = 0, c = 0, d = 0) {
    this.reseed(a, b, c, d);
  }

  /** Sets the four state words in place (no allocation). All-zero is replaced by a fixed nonzero state. */
  reseed(a: number, b: number, c: number, d: number): void {
    const st = this.st;
    if (((a | b | c | d) | 0) === 0) {
      st[0] = FALLBACK_STATE[0];
      st[1] = FALLBACK_STATE[1];
      st[2] = FALLBACK_STATE[2];
      st[3] = FALLBACK_STATE[3];
      return;
    }
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
  }

  /** Uniform uint32 (xoshiro128**, Blackman & Vigna 2018). */
  nextUint32(): number {
    const st = this.st;
    const s0 = st[0];
    const s1 = st[1];
    const s2 = st[2] ^ s0;
    const s3 = st[3] ^ s1;
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9);
    st[0] = s0 ^ s3;
    st[1] = s1 ^ s2;
    st[2] = s2 ^ (s1 << 9);
    st[3] = (s3 << 11) | (s3 >>> 21);
    return r >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits (27 + 26 bits of two draws, the upper bits of each). */
  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * INV_TWO53;
  }

  /**
   * Unbiased integer in [0, n) for integer 1 <= n <= 2^32: Lemire's
   * multiply-shift with rejection (Lemire 2019, "Fast random integer generation
   * in an interval", ACM TOMACS 29(1)). The 64-bit product is exact: directly in
   * a double when n <= 2^21, else from 16-bit halves.
   */
  nextInt(n: number): number {
    if (!(n >= 1 && n <= TWO32 && Math.floor(n) === n)) {
      throw new RangeError(`nextInt: n must be an integer in [1, 2^32], got ${n}`);
    }
    if (n > 2097152) return n === TWO32 ? this.nextUint32() : this.nextIntLarge(n);
    // The generator step is inlined, so every value below is typed by its
    // operation (no speculation on call results that a rare branch could break).
    const st = this.st;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    let x = 0;
    let l = 0;
    do {
      const m = Math.imul(s1, 5);
      x = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      l = Math.imul(x, n) >>> 0; // low word of x*n
    } while (l < n && l < (TWO32 - n) % n); // reject when low word < 2^32 mod n
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    return Math.floor(x * n * INV_TWO32); // high word; x*n < 2^53 is exact
  }

  /** Lemire's method for 2^21 < n < 2^32, with the high word of x*n built from 16-bit halves. */
  private nextIntLarge(n: number): number {
    const t = (TWO32 - n) % n; // 2^32 mod n
    for (;;) {
      const x = this.nextUint32() >>> 0;
      if (Math.imul(x, n) >>> 0 >= t) {
        const a = (x & 0xffff) * n; // < 2^48
        const b = (x >>> 16) * n; // < 2^48
        const bl = b % 65536;
        const mid = bl * 65536 + a; // < 2^49, exact
        return (b - bl) / 65536 + Math.floor(mid * INV_TWO32);
      }
    }
  }

  /** One standard normal (ziggurat fast path inline, slow path out of line). */
  normal(): number {
    const st = this.st;
    const s0 = st[0];
    const s1 = st[1];
    const s2 = st[2] ^ s0;
    const s3 = st[3] ^ s1;
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9);
    st[0] = s0 ^ s3;
    st[1] = s1 ^ s2;
    st[2] = s2 ^ (s1 << 9);
    st[3] = (s3 << 11) | (s3 >>> 21);
    const idx = r >>> 23;
    const u = r & 0x7fffff;
    if (u < ZK[idx]) return u * ZW[idx];
    return slowNormal(st, r);
  }

  /** out[offset + j] = mean + sd * Z_j for j < count. */
  fillNormal(out: Float64Array, offset: number, count: number, mean: number, sd: number): void {
    checkRange(out, offset, count);
    if (count <= SHORT_FILL) fillNormalsShort(this.st, out, offset, count, mean, sd);
    else fillNormals(this.st, out, offset, count, mean, sd);
  }

  /** out[offset + j] += sd * Z_j for j < count (corrupts data in place). */
  addNormal(out: Float64Array, offset: number, count: number, sd: number): void {
    checkRange(out, offset, count);
    addNormals(this.st, out, offset, count, sd);
  }

  /** Sum of `count` standard normals (an integer >= 0), drawn but not stored. */
  sumNormals(count: number): number {
    if (!(count >= 0 && Math.floor(count) === count)) {
      throw new RangeError(`sumNormals: count must be an integer >= 0, got ${count}`);
    }
    // an odd count takes its first draw from normal(), then pairs
    return count & 1 ? this.normal() + sumNormalsEven(this.st, count - 1) : sumNormalsEven(this.st, count);
  }

  /**
   * Partial Fisher-Yates (Durstenfeld 1964): afterwards idx[0..k) is a uniform
   * random k-subset, in uniform random order, of the values in idx[0..length).
   * Permutes in place, so the same array can be reused round after round.
   * Position i takes j = i + nextInt(length - i); the generator step and
   * Lemire's method are inlined for length <= 2^21.
   */
  partialShuffle(idx: Int32Array, length: number, k: number): void {
    if (!(k >= 0 && k <= length && length <= idx.length)) {
      throw new RangeError(`partialShuffle: need 0 <= k <= length <= idx.length, got k=${k}, length=${length}`);
    }
    if (length > 2097152) {
      for (let i = 0; i < k; i++) {
        const j = i + this.nextInt(length - i);
        const v = idx[i];
        idx[i] = idx[j];
        idx[j] = v;
      }
      return;
    }
    const st = this.st;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    for (let i = 0; i < k; i++) {
      const n = length - i;
      let x = 0;
      let l = 0;
      do {
        // one xoshiro128** step, then Lemire's test (see nextInt)
        const m = Math.imul(s1, 5);
        x = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        l = Math.imul(x, n) >>> 0;
      } while (l < n && l < (TWO32 - n) % n);
      const j = i + Math.floor(x * n * INV_TWO32);
      const v = idx[i];
      idx[i] = idx[j];
      idx[j] = v;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }

  /** Writes the four state words (uint32) to out[0..4). */
  saveState(out: Uint32Array): void {
    const st = this.st;
    out[0] = st[0];
    out[1] = st[1];
    out[2] = st[2];
    out[3] = st[3];
  }

  /** Restores a state saved by saveState (all-zero is replaced as in reseed). */
  restoreState(s: Uint32Array): void {
    this.reseed(s[0], s[1], s[2], s[3]);
  }
}

/** Throws unless out[offset .. offset+count) is a range of integer indices inside the array (typed arrays drop out-of-range writes silently). */
function checkRange(out: Float64Array, offset: number, count: number): void {
  if (!(offset >= 0 && count >= 0 && offset + count <= out.length && Math.floor(offset) + Math.floor(count) === offset + count)) {
    throw new RangeError(`offset ${offset} + count ${count} outside array of length ${out.length}`);
  }
}

/**
 * Runs every rarely taken branch once, at module load, on a private generator.
 *
 * TurboFan compiles a branch that has never run into a deoptimisation, and a
 * hot batch method deoptimised after a long loop can stay on slower on-stack-
 * replacement code for good (seen on Node 20: 2-3x slower). Running the tail,
 * wedge, redraw, queue-full and integer-rejection paths here gives V8 type
 * feedback for all of them before any method gets hot (the direct calls come
 * first, since V8 may optimise a method during the warm-up). Cost: ~25 ms, once.
 */
function warmUp(): void {
  // Direct calls first: the tail and the wedge's four outcomes (t <= 0; y above,
  // below, between the bounds, the last one calling Math.exp), with crafted inputs
  const st = new Int32Array(new ArrayBuffer(16));
  st[0] = 0x9e3779b9;
  st[1] = 0x7f4a7c15;
  const layer = 128;
  const f0 = ZF[layer - 1];
  const x = Math.sqrt(2 * (ZH[layer - 1] + 0.5)); // t = 0.5
  const upper = f0 * (1 - 0.5 + 0.125);
  const lower = upper - f0 * (0.125 / 6);
  for (let i = 0; i < 8; i++) {
    wedgeAccepts(0, f0, layer);
    wedgeAccepts(x, upper, layer);
    wedgeAccepts(x, lower * 0.5, layer);
    wedgeAccepts(x, 0.5 * (upper + lower), layer);
  }
  for (let i = 0; i < 4; i++) {
    slowNormal(st, 0x007fffff); // base strip beyond R: the tail, both signs
    slowNormal(st, 0x00ffffff);
    // the outer edge of every layer: wedge draws that are mostly rejected and redrawn
    for (let idx = 2; idx < 512; idx++) slowNormal(st, (idx << 23) | 0x7fffff);
  }
  // Lemire's rejection, forced by a state whose next output is 0 (s1 = 0 gives
  // x = 0, so x * n mod 2^32 = 0 < 2^32 mod n): small path, large path, shuffle
  const rng = new Rng(0x9e3779b9, 0x7f4a7c15, 0x85ebca6b, 0xc2b2ae35);
  const ids = new Int32Array([0, 1, 2]);
  for (let i = 0; i < 8; i++) {
    rng.reseed(1, 0, 2, 3);
    rng.nextInt(3);
    rng.reseed(1, 0, 2, 3);
    rng.nextInt(3221225472);
    rng.reseed(1, 0, 2, 3);
    rng.partialShuffle(ids, 3, 2);
    rng.nextInt(4294967296);
    rng.nextInt(3221225472);
    rng.nextInt(1000);
    rng.partialShuffle(ids, 3, 3);
  }
  // the batch methods, both fill paths, and (with a tiny queue) the stop-early-and-recurse paths
  const buf = new Float64Array(256);
  const long = new Float64Array(SHORT_FILL + 1);
  for (let i = 0; i < 24; i++) {
    if (i < 3) {
      setQueueCapacity(4);
      rng.fillNormal(long, 0, SHORT_FILL + 1, 0, 1);
      rng.addNormal(buf, 0, 256, 1);
      rng.sumNormals(255);
      rng.sumNormals(256);
      setQueueCapacity(QUEUE_SLOTS);
      rng.fillNormal(long, 0, SHORT_FILL + 1, 0, 1);
    }
    rng.fillNormal(buf, 0, 256, 0, 1);
    rng.addNormal(buf, 0, 256, 1);
    rng.sumNormals(255);
    for (let k = 0; k < 32; k++) rng.normal();
  }
}

warmUp();
