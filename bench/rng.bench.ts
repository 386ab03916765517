/**
 * Micro-benchmark of src/random: nanoseconds per draw for the batch normal
 * methods, single normals and bounded integers.
 *
 * Run: node --import tsx bench/rng.bench.ts [seconds-per-case, default 1]
 * Prints `key=value` lines (ns per draw) on stdout. The batch size (990) is the
 * C3D workload's |Y_{-i}| at m = 100, n* = 10 (shared/bench/README.md), to be
 * compared with the C reference's ~2.3 ns per summed normal.
 */
import { pathToFileURL } from 'node:url';
import { Rng } from '../src/random/index.js';

const BATCH = 990;

/** Keeps results observable so the JIT cannot drop the work. */
let sink = 0;

/** Runs `body` (which makes `drawsPerCall` draws) repeatedly: warm-up, then ~`seconds`; returns ns per draw. */
function measure(seconds: number, drawsPerCall: number, body: () => void): number {
  const warmEnd = performance.now() + Math.min(200, seconds * 250);
  while (performance.now() < warmEnd) for (let i = 0; i < 64; i++) body();
  let calls = 0;
  const t0 = performance.now();
  const tEnd = t0 + seconds * 1000;
  let t = t0;
  while (t < tEnd) {
    for (let i = 0; i < 256; i++) body();
    calls += 256;
    t = performance.now();
  }
  return ((t - t0) * 1e6) / (calls * drawsPerCall);
}

/** ns per draw for each method, each measured for about `seconds` after a warm-up. */
export function runRngBench(seconds: number): Record<string, number> {
  const rng = new Rng(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x12345678);
  const buf = new Float64Array(BATCH);
  const idx = new Int32Array(BATCH);
  for (let i = 0; i < BATCH; i++) idx[i] = i;
  const res: Record<string, number> = {};
  res.fillNormal_ns = measure(seconds, BATCH, () => {
    rng.fillNormal(buf, 0, BATCH, 0, 1);
    sink += buf[7];
  });
  res.sumNormals_ns = measure(seconds, BATCH, () => {
    sink += rng.sumNormals(BATCH);
  });
  res.addNormal_ns = measure(seconds, BATCH, () => {
    rng.addNormal(buf, 0, BATCH, 1e-3);
    sink += buf[5];
  });
  res.normal_ns = measure(seconds, BATCH, () => {
    let s = 0;
    for (let i = 0; i < BATCH; i++) s += rng.normal();
    sink += s;
  });
  res.nextInt_ns = measure(seconds, BATCH, () => {
    let s = 0;
    for (let i = 0; i < BATCH; i++) s += rng.nextInt(BATCH - i);
    sink += s;
  });
  res.nextFloat_ns = measure(seconds, BATCH, () => {
    let s = 0;
    for (let i = 0; i < BATCH; i++) s += rng.nextFloat();
    sink += s;
  });
  res.partialShuffle10of990_ns_per_int = measure(seconds, 10, () => {
    rng.partialShuffle(idx, BATCH, 10);
    sink += idx[3];
  });
  return res;
}

function main(): void {
  const arg = process.argv[2];
  const seconds = arg === undefined ? 1 : Number(arg);
  if (!(seconds > 0)) throw new RangeError(`seconds must be > 0, got ${arg}`);
  const res = runRngBench(seconds);
  for (const [k, v] of Object.entries(res)) process.stdout.write(`${k}=${v.toFixed(3)}\n`);
  if (!Number.isFinite(sink)) process.stderr.write('sink is not finite\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
