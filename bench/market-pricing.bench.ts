/**
 * How large a market (buyers B × data size N) the ordered-item pricing solvers of seed 003 price in a
 * time budget: the exact solver (enumeration of allocations with shortest-path prices, branch and
 * bound) and the ε-approximate one (value grid; screening DP when increasing differences hold,
 * enumeration otherwise). The solvers' worst-case size guards are lifted here so that the clock, not
 * the guard, decides; each solve runs in its own process and is stopped at the budget.
 *
 * Two buyer populations (seeded): "distinct" — Gaussian kernels a·√(m/(m+r)) with a ~ U[0.2, 1] and
 * r ~ U[0.5, 50], whose marginal values cross (no increasing differences: enumeration); "scaled" —
 * a·√(m/(m+8)) with a ~ U[0.2, 1] (one shape, ordered by a: increasing differences hold, so the
 * approximate solver uses the screening DP). For each N, B doubles until a solve exceeds the budget.
 *
 *   npm run bench -- --market-pricing [--budget 10]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { approxPricing } from '../src/theory/market/approx-pricing.js';
import { exactPricing } from '../src/theory/market/exact-pricing.js';

type Shape = 'distinct' | 'scaled';
type Solver = 'exact' | 'approx';

function buyers(B: number, shape: Shape): ((m: number) => number)[] {
  const rng = seedrandom(`pricing/${shape}/${B}`);
  return Array.from({ length: B }, () => {
    const a = 0.2 + 0.8 * rng();
    const r = shape === 'distinct' ? 0.5 + 49.5 * rng() : 8;
    return (m: number) => a * Math.sqrt(m / (m + r)); // spec/003 §1.2, Gaussian kernel
  });
}

/** One solve, in this process; returns seconds. */
export function solveOnce(solver: Solver, shape: Shape, N: number, B: number): number {
  const v = buyers(B, shape);
  const t0 = performance.now();
  if (solver === 'exact') exactPricing(v, N, { maxAllocations: Infinity });
  else approxPricing(v, N, { epsilon: 0.01, maxAllocations: Infinity });
  return (performance.now() - t0) / 1000;
}

/** One solve in a child process, stopped after `budget` seconds (null then). */
function solveWithin(solver: Solver, shape: Shape, N: number, B: number, budget: number): number | null {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--one', solver, shape, String(N), String(B)], { timeout: budget * 1000 + 2000, encoding: 'utf8' });
  const s = Number(r.stdout.trim());
  return r.status === 0 && Number.isFinite(s) && s <= budget ? s : null;
}

export interface PricingCapacity {
  readonly solver: Solver;
  readonly shape: Shape;
  readonly N: number;
  /** Largest B (a power of 2) priced within the budget, and its time. */
  readonly B: number;
  readonly seconds: number;
}

export function runMarketPricingBench(budget: number, log: (s: string) => void): PricingCapacity[] {
  const out: PricingCapacity[] = [];
  for (const shape of ['distinct', 'scaled'] as const) {
    for (const solver of ['exact', 'approx'] as const) {
      for (const N of [20, 100, 1000]) {
        let best = { B: 0, seconds: 0 };
        for (let B = 1; B <= 4096; B *= 2) {
          const s = solveWithin(solver, shape, N, B, budget);
          log(`  ${solver} ${shape} N=${N} B=${B}: ${s === null ? `over ${budget} s` : `${s.toFixed(3)} s`}`);
          if (s === null) break;
          best = { B, seconds: s };
        }
        out.push({ solver, shape, N, ...best });
      }
    }
  }
  return out;
}

if (process.argv[2] === '--one') {
  const [solver, shape, N, B] = process.argv.slice(3);
  process.stdout.write(`${solveOnce(solver as Solver, shape as Shape, Number(N), Number(B))}\n`);
}
