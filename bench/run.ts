/**
 * `npm run bench`: the arena's C3D Monte Carlo throughput and RNG speed, and,
 * with --compare, the NumPy and C references of ../shared/bench run in the
 * same sitting (interleaved, medians), with the ratios.
 *
 *   npm run bench                      # ~10 s
 *   npm run bench -- --compare         # also runs ../shared/bench/run.sh
 *   npm run bench -- --compare --runs 3 --seconds 5
 *   npm run bench -- --search-mc       # also times the Monte-Carlo-only C3D search (~3 min)
 *   npm run bench -- --no-hetero       # skip the d-distribution engine (M_CBL, c3d-hd, search cbl: ~50 s)
 *   npm run bench -- --no-seed004      # skip seed 004 (effort bracketing for n = 2, 5, 20; the MC engine: ~5 s)
 *   npm run bench -- --market-pricing  # also: the largest market (buyers × N) each seed-003 pricing solver prices in --budget s (default 10; minutes)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runC3DBench } from './c3d.bench.js';
import { runRngBench } from './rng.bench.js';
import { runSearchBench } from './search.bench.js';
import { runHeteroBench } from './hetero.bench.js';
import { runMarketPricingBench } from './market-pricing.bench.js';
import { runSeed004Bench } from './seed004.bench.js';

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

const compare = process.argv.includes('--compare');
const runs = arg('--runs', 1);
const seconds = arg('--seconds', 5);
const refDir = resolve(process.env.ARENA_BENCH_REF ?? '../shared/bench');

const ours: number[] = [];
const refs: Record<string, number[]> = {};
for (let r = 0; r < runs; r++) {
  const b = runC3DBench(seconds, 12345 + r);
  ours.push(b.roundsPerSecond);
  process.stderr.write(`arena run ${r + 1}: ${b.roundsPerSecond.toFixed(1)} rounds/s, risk+cost ${b.penalty.toExponential(6)} ± ${b.stderr.toExponential(1)} (theory ${b.theory.toExponential(6)}, z = ${b.z.toFixed(2)})\n`);
  if (compare) {
    if (!existsSync(resolve(refDir, 'run.sh'))) {
      process.stderr.write(`no references at ${refDir} (set ARENA_BENCH_REF)\n`);
    } else {
      const out = spawnSync('bash', [resolve(refDir, 'run.sh')], { env: { ...process.env, BENCH_SECONDS: String(seconds) }, encoding: 'utf8' });
      for (const line of out.stdout.split('\n')) {
        const m = /^(\w+)=([\d.]+)$/.exec(line.trim());
        if (m) (refs[m[1]] ??= []).push(Number(m[2]));
      }
    }
  }
}

const arena = median(ours);
process.stdout.write(`arena_c3d_m100_rounds_per_s=${arena.toFixed(1)}\n`);
for (const [k, v] of Object.entries(refs)) {
  const x = median(v);
  process.stdout.write(`${k}=${x.toFixed(1)}\narena_over_${k.replace(/_rounds_per_s$/, '')}=${(arena / x).toFixed(3)}\n`);
}
for (const [k, v] of Object.entries(runRngBench(1))) process.stdout.write(`rng_${k}=${v.toFixed(3)}\n`);
for (const t of runSearchBench(process.argv.includes('--search-mc'))) {
  process.stdout.write(`search_${t.mechanism}_${t.mode.replace('-', '_')}_seconds=${t.seconds.toFixed(2)}\n`);
  process.stderr.write(`  search ${t.mechanism} (${t.mode}): ${t.verdict}; best ${t.best}\n`);
}
if (!process.argv.includes('--no-hetero')) {
  const h = runHeteroBench(Math.min(seconds, 3));
  for (const t of h.throughput) {
    process.stdout.write(`hetero_${t.name}_rounds_per_s=${t.roundsPerSecond.toFixed(1)}\n`);
    process.stderr.write(`  ${t.name}: MC − closed form = ${t.z.toFixed(2)} SE\n`);
  }
  process.stdout.write(`search_cbl_m25_seconds=${h.searchSeconds.toFixed(2)}\n`);
  process.stderr.write(`  search cbl (§5.5, every family): ${h.verdict}\n`);
}

if (!process.argv.includes('--no-seed004')) {
  const b = runSeed004Bench();
  for (const t of b.bracket) {
    process.stdout.write(`seed004_bracket_n${t.n}_seconds=${t.seconds.toFixed(3)}\n`);
    process.stderr.write(`  effort game n = ${t.n}: ${t.unique ? 'unique' : 'distinct'} equilibrium, highest effort ${t.highest.toFixed(10)}\n`);
  }
  for (const e of b.engine) process.stdout.write(`seed004_engine_${e.name}_rounds_per_s=${e.roundsPerSecond.toFixed(0)}\n`);
}

if (process.argv.includes('--market-pricing')) {
  const budget = arg('--budget', 10);
  const r = runMarketPricingBench(budget, (line) => process.stderr.write(`${line}\n`));
  for (const c of r) process.stdout.write(`market_pricing_${c.solver}_${c.shape}_N${c.N}_max_buyers_in_${budget}s=${c.B} (${c.seconds.toFixed(2)} s)\n`);
}
