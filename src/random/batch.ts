/**
 * The batch loops behind Rng.fillNormal, Rng.addNormal and Rng.sumNormals.
 *
 * Each runs one tight loop over xoshiro128** (Blackman & Vigna 2018) and the
 * ziggurat fast path (Marsaglia & Tsang 2000), with the four state words in
 * local variables. A draw that fails the fast test (1.5%) is recorded as
 * (position, raw draw) in QUEUE and the loop goes on. After the loop the state
 * is written back and each queued draw is finished by slowNormal, which takes
 * further words from the state. The result is a deterministic function of the
 * state. If the queue fills up (one call of more than ~270,000 draws), the loop
 * stops early, and the function calls itself for the rest. Fills of up to 4096
 * draws go through a staging buffer instead (fillNormalsShort), with the same
 * result.
 *
 * Why this shape (measured on Node 20 / V8 11.3, see bench/rng.bench.ts):
 * - the wedge and tail code stays out of the loop, and out of this function
 *   (slowNormal is too big for V8 to inline); inside, it cost 1.5-2 ns per draw;
 * - the tables and the queue are module-level consts read directly in the loop,
 *   so TurboFan embeds their addresses and drops their checks. A loop nested
 *   in another loop lost this (2-3x slower), hence no outer chunking loop. A
 *   caller's array gets no such treatment (map, length and base are checked on
 *   every store), hence the staging buffer for short fills;
 * - every rare branch here (queue full, recursion) must have run before V8
 *   optimises the function, else the first rare event deoptimises it and it
 *   can stay on slower code for good: see warmUp in ./rng.ts.
 */
import { ZIGGURAT, slowNormal } from './ziggurat.js';

const ZK = ZIGGURAT.K;
const ZW = ZIGGURAT.W;

/**
 * Slow-draw queue shared by all generators: pairs (position, raw draw) for
 * fill/add, raw draws for sums. JS is single-threaded and slowNormal never
 * re-enters a batch function, so one queue is enough.
 */
const QUEUE = new Int32Array(2 * 4096);

/** Full queue capacity, in slots. */
export const QUEUE_SLOTS = QUEUE.length;

/** CAP[0]: slots a loop may fill before it stops (QUEUE_SLOTS, lowered only by warm-up). */
const CAP = new Int32Array([QUEUE_SLOTS]);

/** Sets the queue capacity in slots (an even number, 4 <= slots <= QUEUE_SLOTS); for warm-up and tests. */
export function setQueueCapacity(slots: number): void {
  CAP[0] = slots;
}

/** Largest count that fillNormalsShort takes. */
export const SHORT_FILL = 4096;

/** Staging buffer of fillNormalsShort, and its prefix views by length (made once per length, on first use). */
const STAGE = new Float64Array(SHORT_FILL);
const STAGE_VIEWS: (Float64Array | undefined)[] = Array.from({ length: SHORT_FILL + 1 }, () => undefined);

/** Scalars passed through a Float64Array so that the loops get them untagged. */
const SCALARS = new Float64Array(2);

/**
 * Same result as fillNormals for count <= SHORT_FILL (same draws, same order,
 * same arithmetic), ~20% faster: the loop writes a module-level staging buffer
 * at a fixed address, and one TypedArray.set copies it into `out`.
 */
export function fillNormalsShort(st: Int32Array, out: Float64Array, offset: number, count: number, mean: number, sd: number): void {
  SCALARS[0] = mean;
  SCALARS[1] = sd;
  const mu = SCALARS[0];
  const sigma = SCALARS[1];
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  let nq = 0;
  for (let j = 0; j < count; j++) {
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
      STAGE[j] = mu + sigma * (u * ZW[idx]);
    } else {
      QUEUE[nq] = j;
      QUEUE[nq + 1] = r;
      nq += 2;
    }
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  for (let k = 0; k < nq; k += 2) STAGE[QUEUE[k]] = mu + sigma * slowNormal(st, QUEUE[k + 1]);
  let view = STAGE_VIEWS[count];
  if (view === undefined) {
    view = STAGE.subarray(0, count);
    STAGE_VIEWS[count] = view;
  }
  out.set(view, offset);
}

/** out[p] = mean + sd * Z_p for p in [offset, offset + count). The range must have been checked. */
export function fillNormals(st: Int32Array, out: Float64Array, offset: number, count: number, mean: number, sd: number): void {
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  const cap = CAP[0];
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
      if (nq === cap) {
        p++;
        break;
      }
    }
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  for (let k = 0; k < nq; k += 2) out[QUEUE[k]] = mean + sd * slowNormal(st, QUEUE[k + 1]);
  if (p < end) fillNormals(st, out, p, end - p, mean, sd); // the queue filled up
}

/** out[p] += sd * Z_p for p in [offset, offset + count). The range must have been checked. */
export function addNormals(st: Int32Array, out: Float64Array, offset: number, count: number, sd: number): void {
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  const cap = CAP[0];
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
      if (nq === cap) {
        p++;
        break;
      }
    }
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  for (let k = 0; k < nq; k += 2) out[QUEUE[k]] += sd * slowNormal(st, QUEUE[k + 1]);
  if (p < end) addNormals(st, out, p, end - p, sd); // the queue filled up
}

/**
 * Sum of `count` standard normals (an even integer >= 0). Two draws per
 * iteration into two accumulators, so that the loop is not bound by the
 * latency of one floating-point add chain.
 */
export function sumNormalsEven(st: Int32Array, count: number): number {
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  const cap = CAP[0];
  let nq = 0;
  let acc0 = 0;
  let acc1 = 0;
  let j = 0;
  while (j < count) {
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
    }
    j += 2;
    if (nq > cap - 2) break; // fewer than two free slots
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  let total = acc0 + acc1;
  for (let k = 0; k < nq; k++) total += slowNormal(st, QUEUE[k]);
  if (j < count) total += sumNormalsEven(st, count - j); // the queue filled up
  return total;
}
