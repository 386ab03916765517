/**
 * Rng: the project's fast, reproducible random-number generator.
 *
 * Generator: xoshiro128** on four 32-bit words (Blackman & Vigna 2018,
 * "Scrambled linear pseudorandom number generators"), written with Math.imul
 * and 32-bit ops so that no BigInt or boxed number appears in hot paths.
 * Every method uses the same ** output function.
 *
 * Normals: the 256-layer ziggurat of ./ziggurat.ts (Marsaglia & Tsang 2000),
 * one 32-bit draw per normal on the fast path (98.5% of draws).
 *
 * Batch methods (fillNormal, addNormal, sumNormals) copy the state into locals,
 * run one tight loop whose only "rare" branch stores (position, raw draw) in a
 * preallocated queue, write the state back, then finish the queued draws with
 * the out-of-line slow path (wedge / tail / redraw), which draws further words
 * from the stream. Keeping the wedge and tail code out of the loop is what keeps
 * V8 from deoptimising it (DESIGN.md, "Randomness and speed").
 *
 * V8 notes (measured on Node 20, see bench/rng.bench.ts): keep each batch loop a
 * single, non-nested loop that reads the tables through module-level consts;
 * TurboFan then embeds their addresses and drops all checks. Wrapping the loop
 * in an outer chunking loop lost that and cost 2-3x. Math.exp costs ~15 ns, so
 * the wedge test avoids it (see slowNormal).
 *
 * Consequences the caller should know:
 * - Results are a deterministic function of the state, but a batch of n normals
 *   is NOT the same sequence as n calls of normal(), and one batch of 2n is not
 *   two batches of n. Reproducibility is per call sequence.
 * - No method allocates. The slow-draw queue is module-level and reused (JS is
 *   single-threaded, and the slow path never re-enters a batch method).
 */
import { ZIGGURAT, ZIG_R } from './ziggurat.js';

const ZK = ZIGGURAT.K;
const ZW = ZIGGURAT.W;
const ZF = ZIGGURAT.F;
const ZH = ZIGGURAT.H;

/**
 * Slow-draw queue shared by the batch methods: pairs (position, raw draw) in
 * fillNormal/addNormal, raw draws in sumNormals. A module-level const, so that
 * TurboFan embeds its address. When a call fills it (more than ~270,000 draws
 * in one call), the loop stops, the queue is resolved, and the method calls
 * itself for the rest: the loop itself contains no call, which would make V8
 * spill the generator state to the stack on every iteration.
 */
const QUEUE = new Int32Array(2 * 4096);
/** Slots of QUEUE in use before a loop stops; lowered only during warm-up. */
let queueCap = QUEUE.length;

const TWO32 = 4294967296;
const INV_TWO32 = 1 / TWO32;
/** 2^-53 */
const INV_TWO53 = 1.1102230246251565e-16;

/** Fixed nonzero state used in place of the forbidden all-zero state (digits of pi, sqrt 2, e, sqrt 3). */
const FALLBACK_STATE = [0x243f6a88 | 0, 0x6a09e667 | 0, 0xb7e15162 | 0, 0xbb67ae85 | 0] as const;

export class Rng {
  /** xoshiro128** state words s0..s3 (stored as int32; read as uint32 by saveState). */
  private readonly st = new Int32Array(4);

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
    if (n <= 2097152) {
      let x = this.nextUint32();
      let l = Math.imul(x, n) >>> 0; // low word of x*n
      if (l < n) {
        const t = (TWO32 - n) % n; // 2^32 mod n
        while (l < t) {
          x = this.nextUint32();
          l = Math.imul(x, n) >>> 0;
        }
      }
      return Math.floor(x * n * INV_TWO32); // x*n < 2^53 is exact
    }
    if (n === TWO32) return this.nextUint32();
    return this.nextIntLarge(n);
  }

  /** Lemire's method for 2^21 < n < 2^32, with the high word of x*n built from 16-bit halves. */
  private nextIntLarge(n: number): number {
    const t = (TWO32 - n) % n;
    for (;;) {
      const x = this.nextUint32();
      const l = Math.imul(x, n) >>> 0;
      if (l >= t) {
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
    return slowNormal(this, r);
  }

  /** out[offset + j] = mean + sd * Z_j for j < count. */
  fillNormal(out: Float64Array, offset: number, count: number, mean: number, sd: number): void {
    checkRange(out, offset, count);
    const st = this.st;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    const cap = queueCap;
    let nq = 0;
    const end = offset + count;
    let p = offset;
    for (; p < end; p++) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const idx = r >>> 23;
      const u = r & 0x7fffff;
      if (u < ZK[idx]) {
        out[p] = mean + sd * (u * ZW[idx]);
      } else {
        QUEUE[nq] = p;
        QUEUE[nq + 1] = r;
        nq += 2;
        if (nq === cap) break;
      }
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    for (let k = 0; k < nq; k += 2) out[QUEUE[k]] = mean + sd * slowNormal(this, QUEUE[k + 1]);
    if (p < end) this.fillNormal(out, p + 1, end - p - 1, mean, sd); // the queue filled up
  }

  /** out[offset + j] += sd * Z_j for j < count (corrupts data in place). */
  addNormal(out: Float64Array, offset: number, count: number, sd: number): void {
    checkRange(out, offset, count);
    const st = this.st;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    const cap = queueCap;
    let nq = 0;
    const end = offset + count;
    let p = offset;
    for (; p < end; p++) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const idx = r >>> 23;
      const u = r & 0x7fffff;
      if (u < ZK[idx]) {
        out[p] += sd * (u * ZW[idx]);
      } else {
        QUEUE[nq] = p;
        QUEUE[nq + 1] = r;
        nq += 2;
        if (nq === cap) break;
      }
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    for (let k = 0; k < nq; k += 2) out[QUEUE[k]] += sd * slowNormal(this, QUEUE[k + 1]);
    if (p < end) this.addNormal(out, p + 1, end - p - 1, sd); // the queue filled up
  }

  /**
   * Sum of `count` standard normals, drawn but not stored. Two accumulators
   * (even and odd draws) so that the loop is not bound by the latency of one
   * floating-point add chain.
   */
  sumNormals(count: number): number {
    // an odd count takes its first draw from normal(), so the loop runs in pairs
    let acc0 = count & 1 ? this.normal() : 0;
    let acc1 = 0;
    const st = this.st;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    const cap = queueCap;
    let nq = 0;
    let j = count & 1;
    for (; j < count; j += 2) {
      let m = Math.imul(s1, 5);
      let r = Math.imul((m << 7) | (m >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      let idx = r >>> 23;
      let u = r & 0x7fffff;
      if (u < ZK[idx]) {
        acc0 += u * ZW[idx];
      } else {
        QUEUE[nq] = r;
        nq++;
        if (nq === cap) {
          j += 1;
          break;
        }
      }
      m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      idx = r >>> 23;
      u = r & 0x7fffff;
      if (u < ZK[idx]) {
        acc1 += u * ZW[idx];
      } else {
        QUEUE[nq] = r;
        nq++;
        if (nq === cap) {
          j += 2;
          break;
        }
      }
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    for (let k = 0; k < nq; k++) acc0 += slowNormal(this, QUEUE[k]);
    if (j < count) acc1 += this.sumNormals(count - j); // the queue filled up
    return acc0 + acc1;
  }

  /**
   * Partial Fisher-Yates (Durstenfeld 1964): afterwards idx[0..k) is a uniform
   * random k-subset, in uniform random order, of the values in idx[0..length).
   * Permutes in place, so the same array can be reused round after round.
   */
  partialShuffle(idx: Int32Array, length: number, k: number): void {
    if (!(k >= 0 && k <= length && length <= idx.length)) {
      throw new RangeError(`partialShuffle: need 0 <= k <= length <= idx.length, got k=${k}, length=${length}`);
    }
    for (let i = 0; i < k; i++) {
      const j = i + this.nextInt(length - i);
      const v = idx[i];
      idx[i] = idx[j];
      idx[j] = v;
    }
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

/** Throws unless out[offset .. offset+count) is inside the array (typed arrays drop out-of-range writes silently). */
function checkRange(out: Float64Array, offset: number, count: number): void {
  if (!(offset >= 0 && count >= 0 && offset + count <= out.length)) {
    throw new RangeError(`offset ${offset} + count ${count} outside array of length ${out.length}`);
  }
}

/**
 * Finishes a ziggurat draw whose fast test failed (Marsaglia & Tsang 2000):
 * the tail for the base strip, the wedge test for layers 1..255, and a fresh
 * draw when the wedge rejects. Consumes further words from `rng`. Kept out of
 * the batch loops, and called only after a loop has written its state back.
 */
function slowNormal(rng: Rng, raw: number): number {
  let r = raw;
  for (;;) {
    const idx = r >>> 23;
    const u = r & 0x7fffff;
    const x = u * ZW[idx];
    if (u < ZK[idx]) return x; // only reached after a redraw
    const layer = idx >>> 1;
    if (layer === 0) {
      const tail = normalTail(rng);
      return idx & 1 ? -tail : tail;
    }
    const y = ZF[layer] + (rng.nextUint32() + 0.5) * INV_TWO32 * (ZF[layer - 1] - ZF[layer]);
    if (wedgeAccepts(x, y, layer)) return x;
    r = rng.nextUint32() | 0;
  }
}

/**
 * Exact test y < exp(-x^2/2) for a point of the wedge of `layer`, decided
 * without exp() in almost every case: exp(-x^2/2) = F[i-1] * exp(-t) with
 * t = x^2/2 - H[i-1], and 1 - t + t^2/2 - t^3/6 < exp(-t) < 1 - t + t^2/2 for
 * t > 0 (Taylor with remainder). If t <= 0 the point lies under the layer above
 * (the floored threshold sent it here) and is accepted. Math.exp costs ~15 ns
 * in V8, more than a whole fast-path draw.
 */
function wedgeAccepts(x: number, y: number, layer: number): boolean {
  const t = 0.5 * x * x - ZH[layer - 1];
  if (t <= 0) return true;
  const f0 = ZF[layer - 1];
  const upper = f0 * (1 - t + 0.5 * t * t);
  if (y >= upper) return false;
  if (y < upper - f0 * (t * t * t * (1 / 6))) return true;
  return y < Math.exp(-0.5 * x * x);
}

/** A draw from the normal tail beyond ZIG_R (Marsaglia 1964, "Generating a variable from the tail of the normal distribution"). */
function normalTail(rng: Rng): number {
  for (;;) {
    const x = -Math.log(1 - rng.nextFloat()) / ZIG_R;
    const y = -Math.log(1 - rng.nextFloat());
    if (y + y > x * x) return ZIG_R + x;
  }
}

/**
 * Runs every rarely taken branch once, at module load, on a private generator.
 *
 * TurboFan compiles a branch that has never run into a deoptimisation, and a
 * hot batch method deoptimised after a long loop can stay on slower on-stack-
 * replacement code for good (seen on Node 20: 2-3x slower). Running the tail,
 * wedge, redraw, queue-full and integer-rejection paths here gives V8 type
 * feedback for all of them before any method gets hot. Cost: ~2 ms, once.
 * The calls are short so that nothing is optimised during the warm-up itself.
 */
function warmUp(): void {
  // Direct calls first, so that the batch methods, which inline these, never get
  // compiled before every branch here has run.
  const rng = new Rng(0x9e3779b9, 0x7f4a7c15, 0x85ebca6b, 0xc2b2ae35);
  // the wedge test's four outcomes, with crafted points (t <= 0; y above, below, between the bounds)
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
    // base strip beyond R, both signs: the tail
    slowNormal(rng, 0x007fffff);
    slowNormal(rng, 0x00ffffff);
  }
  // Lemire: the large path (3 * 2^30 rejects 1 draw in 4), then rejection on the
  // small path (for n = 2096129, 2^32 mod n = 2095104: ~1 call in 2000 rejects)
  for (let i = 0; i < 64; i++) rng.nextInt(3221225472);
  for (let i = 0; i < 20000; i++) rng.nextInt(2096129);
  // the batch loops, with a tiny queue so that they also stop early and recurse
  const buf = new Float64Array(256);
  for (let i = 0; i < 24; i++) {
    queueCap = 4;
    rng.fillNormal(buf, 0, 256, 0, 1);
    rng.addNormal(buf, 0, 256, 1);
    queueCap = 2;
    rng.sumNormals(255);
    rng.sumNormals(256);
    queueCap = QUEUE.length;
    for (let k = 0; k < 32; k++) rng.normal();
  }
}

warmUp();
