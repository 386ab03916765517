/**
 * Wall time of the default `arena search <mechanism>` (m = 10, σ = 1,
 * c = 0.001) for every seed-000 mechanism, and of the Monte-Carlo-only
 * search (--no-theory) for C3D. Issue 3 asks that the default C3D search
 * finish in under a minute on a 2-core machine.
 */
import { pathToFileURL } from 'node:url';
import { makeInstance } from '../src/core/instance.js';
import { createArena } from '../src/engine/container.js';
import { certify } from '../src/search/certificate.js';

export interface SearchTiming {
  mechanism: string;
  mode: 'theory' | 'monte-carlo';
  seconds: number;
  verdict: string;
  best: string;
}

export function runSearchBench(includeMonteCarlo = false): SearchTiming[] {
  const arena = createArena();
  const inst = makeInstance(10, 1, 0.001);
  const out: SearchTiming[] = [];
  const runs: [string, boolean][] = [['pool', true], ['pcs', true], ['c3d', true], ['cded', true]];
  if (includeMonteCarlo) runs.push(['c3d', false]);
  for (const [mechanism, useTheory] of runs) {
    const t0 = performance.now();
    const c = certify(arena, mechanism, inst, { seed: 1, useTheory });
    const b = c.agents[0].bestDeviation;
    out.push({
      mechanism,
      mode: useTheory ? 'theory' : 'monte-carlo',
      seconds: (performance.now() - t0) / 1000,
      verdict: c.verdict,
      best: b ? `${b.family} ${JSON.stringify(b.params)}` : 'none',
    });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const t of runSearchBench(process.argv.includes('--monte-carlo'))) {
    process.stdout.write(`search_${t.mechanism}_${t.mode.replace('-', '_')}_seconds=${t.seconds.toFixed(2)}  # ${t.verdict}: ${t.best}\n`);
  }
}
