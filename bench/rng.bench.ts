/**
 * Micro-benchmark of src/random: nanoseconds per draw.
 *
 * Run: node --import tsx bench/rng.bench.ts [seconds per case, default 1]
 * Prints `key=value` lines (ns per draw) on stdout:
 *   fillNormal_ns, sumNormals_ns, addNormal_ns  batch calls of 990 draws (|Y_-i| of C3D at m = 100, n* = 10)
 *   normal_ns, nextInt_ns, nextFloat_ns, nextUint32_ns  one call per draw, 990 calls per loop
 *   partialShuffle_ns   per index drawn (10 of 990, as C3D's Z_i)
 *   streamSeed_ns       per StreamFactory.seed call
 *   c3dDraws_ns         per normal in C3D's draw pattern (shared/bench/README.md): per round,
 *                       fillNormal of m n* = 1000 points, then per agent partialShuffle (10 of 990)
 *                       and sumNormals(980): 99,000 normals and 1,000 integers a round
 * Compare c3dDraws_ns with the C reference's ~2.3 ns per draw (all costs included) in
 * shared/bench/README.md, measured on a faster machine: run shared/bench/run.sh beside it.
 *
 * Each case warms up, then runs in ~20 ms slices for the given time; the figure is the
 * median slice. The generator and buffers are reached through an object, as in an
 * engine, so that V8 cannot fold them into constants. The shared VMs are noisy (the
 * same run can be 1.5x slower a minute later): compare with the C reference in the
 * same sitting, e.g. alternate this script with shared/bench/run.sh.
 */
import { pathToFileURL } from 'node:url';
import { Rng, StreamFactory } from '../src/random/index.js';

const BATCH = 990;

/** State the cases work on; held in an object so that nothing is a compile-time constant. */
interface Workload {
  rng: Rng;
  bufs: Float64Array[];
  flip: number;
  idx: Int32Array;
  data: Float64Array;
  streams: StreamFactory;
  key: Uint32Array;
  replicate: number;
  sink: number;
}

/**
 * Times `body(w, reps)`, which makes `draws` draws per rep: warm-up with small
 * reps, then slices of ~20 ms for about `seconds`; returns the median ns per
 * draw. Each body runs its own loop, so the timed code is the body's, never
 * this function's (which calls a different body for each case).
 */
function measure(seconds: number, draws: number, body: (w: Workload, reps: number) => void, w: Workload): number {
  const warmEnd = performance.now() + Math.min(300, seconds * 300);
  let reps = 1;
  while (performance.now() < warmEnd) {
    const t0 = performance.now();
    body(w, reps);
    if (performance.now() - t0 < 2) reps *= 2;
  }
  const slices: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end || slices.length < 5) {
    const t0 = performance.now();
    body(w, reps);
    const dt = performance.now() - t0;
    slices.push((dt * 1e6) / (reps * draws));
    reps = Math.max(1, Math.round((reps * 20) / Math.max(dt, 0.01)));
  }
  slices.sort((x, y) => x - y);
  return slices[slices.length >> 1];
}

function fill(w: Workload, reps: number): void {
  for (let r = 0; r < reps; r++) {
    const b = w.bufs[(w.flip ^= 1)];
    w.rng.fillNormal(b, 0, BATCH, 0, 1);
    w.sink += b[17];
  }
}

function add(w: Workload, reps: number): void {
  for (let r = 0; r < reps; r++) {
    const b = w.bufs[(w.flip ^= 1)];
    w.rng.addNormal(b, 0, BATCH, 1e-3);
    w.sink += b[17];
  }
}

function sum(w: Workload, reps: number): void {
  let s = 0;
  for (let r = 0; r < reps; r++) s += w.rng.sumNormals(BATCH);
  w.sink += s;
}

function normals(w: Workload, reps: number): void {
  const rng = w.rng;
  let s = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < BATCH; i++) s += rng.normal();
  w.sink += s;
}

function ints(w: Workload, reps: number): void {
  const rng = w.rng;
  let s = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < BATCH; i++) s += rng.nextInt(BATCH - i);
  w.sink += s;
}

function floats(w: Workload, reps: number): void {
  const rng = w.rng;
  let s = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < BATCH; i++) s += rng.nextFloat();
  w.sink += s;
}

function words(w: Workload, reps: number): void {
  const rng = w.rng;
  let s = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < BATCH; i++) s ^= rng.nextUint32();
  w.sink += s;
}

function shuffle(w: Workload, reps: number): void {
  const { rng, idx } = w;
  let s = 0;
  for (let r = 0; r < reps; r++) {
    rng.partialShuffle(idx, BATCH, 10);
    s += idx[3];
  }
  w.sink += s;
}

function seeds(w: Workload, reps: number): void {
  const { streams, key, rng } = w;
  let rep = w.replicate;
  for (let r = 0; r < reps; r++) streams.seed(key, rep++, rng);
  w.replicate = rep;
  w.sink += rng.nextUint32();
}

/** The random draws of C3D rounds at m = 100, n* = 10 (no estimator arithmetic). */
function c3dRounds(w: Workload, reps: number): void {
  const { rng, data, idx } = w;
  let s = 0;
  for (let r = 0; r < reps; r++) {
    rng.fillNormal(data, 0, 1000, 0, 1);
    for (let i = 0; i < 100; i++) {
      rng.partialShuffle(idx, BATCH, 10);
      s += rng.sumNormals(BATCH - 10) + idx[0];
    }
    s += data[5];
  }
  w.sink += s;
}

/** ns per draw for each method, each measured for about `seconds` after a warm-up. */
export function runRngBench(seconds: number): Record<string, number> {
  const w: Workload = {
    rng: new Rng(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x12345678),
    bufs: [new Float64Array(BATCH), new Float64Array(BATCH)],
    flip: 0,
    idx: Int32Array.from({ length: BATCH }, (_, i) => i),
    data: new Float64Array(1000),
    streams: new StreamFactory('bench'),
    key: new Uint32Array(4),
    replicate: 0,
    sink: 0,
  };
  w.key = w.streams.key('bench', 0);
  const res: Record<string, number> = {
    fillNormal_ns: measure(seconds, BATCH, fill, w),
    sumNormals_ns: measure(seconds, BATCH, sum, w),
    addNormal_ns: measure(seconds, BATCH, add, w),
    normal_ns: measure(seconds, BATCH, normals, w),
    nextInt_ns: measure(seconds, BATCH, ints, w),
    nextFloat_ns: measure(seconds, BATCH, floats, w),
    nextUint32_ns: measure(seconds, BATCH, words, w),
    partialShuffle_ns: measure(seconds, 10, shuffle, w),
    streamSeed_ns: measure(seconds, 1, seeds, w),
    c3dDraws_ns: measure(seconds, 99_000, c3dRounds, w),
  };
  if (!Number.isFinite(w.sink)) throw new Error('benchmark sink is not finite');
  return res;
}

function main(): void {
  const arg = process.argv[2];
  const seconds = arg === undefined ? 1 : Number(arg);
  if (!(seconds > 0)) throw new RangeError(`seconds must be > 0, got ${arg}`);
  for (const [k, v] of Object.entries(runRngBench(seconds))) process.stdout.write(`${k}=${v.toFixed(3)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
