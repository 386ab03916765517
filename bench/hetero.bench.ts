/**
 * Throughput of the d-distribution engine (seed 001): M_CBL on spec/001
 * §5.5's integer instance (m = 25, n* = 20, every agent in case C: a clean
 * subset and a corrupted rest per agent and round), c3d-hd at spec/000 §8 (c)
 * (m = 10, d = 3, uniform noise), and the wall time of `arena search cbl` on
 * the §5.5 instance with every family.
 */
import { createContainer } from '../src/engine/container.js';
import { createLogger } from '../src/engine/logger.js';
import { TOKENS } from '../src/engine/tokens.js';
import type { HeteroArena, HeteroSetting } from '../src/hetero/arena.js';
import { heteroCertify } from '../src/hetero/certificate.js';
import { simInstance } from '../src/hetero/info.js';

export interface HeteroBench {
  readonly name: string;
  readonly roundsPerSecond: number;
  /** (MC − closed form)/SE of the social penalty per agent. */
  readonly z: number;
}

function arena(): HeteroArena {
  return createContainer({ logger: createLogger('error') }).get<HeteroArena>(TOKENS.HeteroArena);
}

const CBL_55: HeteroSetting = {
  instance: simInstance({ sigma: 10, costs: Array.from({ length: 25 }, () => [0.01]) }),
  allocation: Array.from({ length: 25 }, () => [20]),
  source: 'spec/001 §5.5 (m = 25)',
};
const C3D_HD: HeteroSetting = {
  instance: simInstance({ sigma: 1, costs: Array.from({ length: 10 }, () => [0.001, 0.001, 0.001]) }, 'uniform'),
  allocation: 'alone',
  source: 'spec/000 §8 (c)',
};

function throughput(a: HeteroArena, name: string, mechanism: string, s: HeteroSetting, seconds: number): HeteroBench {
  a.evaluate(mechanism, s, { rounds: 200, seed: 1 }); // warm-up: JIT
  let rounds = 500;
  for (;;) {
    const t0 = performance.now();
    const r = a.evaluate(mechanism, s, { rounds, seed: 7 });
    const dt = (performance.now() - t0) / 1000;
    if (dt >= seconds * 0.9) {
      const m = s.instance.m;
      const theory = r.agents.reduce((t, x) => t + (x.theory ?? Number.NaN), 0) / m;
      return { name, roundsPerSecond: rounds / dt, z: (r.socialPenalty / m - theory) / (r.socialStderr / m) };
    }
    rounds = Math.ceil((rounds * seconds) / Math.max(dt, 0.05));
  }
}

export function runHeteroBench(seconds = 3): { throughput: HeteroBench[]; searchSeconds: number; verdict: string } {
  const a = arena();
  const out = [throughput(a, 'cbl_m25', 'cbl', CBL_55, seconds), throughput(a, 'c3d_hd_m10_d3', 'c3d-hd', C3D_HD, seconds)];
  const t0 = performance.now();
  const cert = heteroCertify(a, 'cbl', CBL_55, { seed: 1 });
  return { throughput: out, searchSeconds: (performance.now() - t0) / 1000, verdict: cert.verdict };
}
