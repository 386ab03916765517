/**
 * Throughput of `arena evaluate c3d` at the shared/bench workload: m = 100,
 * σ = 1, c = 1e-4 (n* = 10), everyone recommended, full mechanism with Z'_i
 * materialised for the agent's estimator (compare with `c3d_ref --materialize`
 * as well as the default C mode, which keeps only the noise sum).
 */
import { pathToFileURL } from 'node:url';
import { makeInstance } from '../src/core/instance.js';
import { createArena } from '../src/engine/container.js';

export interface C3DBench {
  roundsPerSecond: number;
  rounds: number;
  seconds: number;
  penalty: number;
  stderr: number;
  theory: number;
  z: number;
}

/** Runs the evaluator for about `seconds` (after a short warm-up) and reports rounds per second. */
export function runC3DBench(seconds = 5, seed = 12345): C3DBench {
  const arena = createArena();
  const inst = makeInstance(100, 1, 1e-4);
  arena.evaluate('c3d', inst, { rounds: 200, seed }); // warm-up: JIT
  let rounds = 500;
  for (;;) {
    const t0 = performance.now();
    const r = arena.evaluate('c3d', inst, { rounds, seed });
    const dt = (performance.now() - t0) / 1000;
    if (dt >= seconds * 0.9) {
      const social = r.socialPenalty / inst.m;
      const se = r.socialStderr / inst.m;
      const theory = r.agents[0].theory ?? Number.NaN;
      return { roundsPerSecond: rounds / dt, rounds, seconds: dt, penalty: social, stderr: se, theory, z: (social - theory) / se };
    }
    rounds = Math.ceil((rounds * seconds) / Math.max(dt, 0.05));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runC3DBench(Number(process.argv[2] ?? 5));
  for (const [k, v] of Object.entries(r)) process.stdout.write(`${k}=${v}\n`);
}
