/**
 * Monte Carlo against closed forms (seed 000 §3, Theorems 1–3; spec/000 §8
 * Monte Carlo items): every simulated penalty must lie within 4 standard
 * errors of the mechanism's exact theory, at fixed seeds.
 */
import { expect } from 'chai';
import { makeInstance, type Instance } from '../../src/core/instance.js';
import { createArena } from '../../src/engine/container.js';
import type { StrategyRef } from '../../src/engine/arena.js';

const arena = createArena();
const S10 = makeInstance(10, 1, 0.001);

interface Case {
  mechanism: string;
  inst: Instance;
  deviation?: StrategyRef;
  rounds: number;
  k?: number;
}

function check(c: Case): void {
  const label = `${c.mechanism}${c.k ? ` k=${c.k}` : ''} m=${c.inst.m} σ=${c.inst.sigma} c=${c.inst.cost}: ${c.deviation ? c.deviation.name + JSON.stringify(c.deviation.params ?? {}) : 'recommended'}`;
  it(label, () => {
    const r = arena.evaluate(c.mechanism, c.inst, {
      rounds: c.rounds,
      seed: 7,
      deviation: c.deviation,
      mechanismParams: c.k ? { k: c.k } : {},
    });
    const a = r.agents[0];
    expect(a.theory, 'closed form available').to.be.a('number');
    const z = (a.penalty - (a.theory as number)) / a.stderr;
    expect(Math.abs(z), `MC ${a.penalty} ± ${a.stderr} vs theory ${a.theory}`).to.be.at.most(4);
    // The standard error must be small enough for the check to bite: below 2% of the value.
    expect(a.stderr / (a.theory as number)).to.be.below(0.02);
  });
}

describe('Monte Carlo agrees with the closed forms (4 standard errors)', function () {
  this.timeout(300_000);

  describe('C3D (Algorithm 1)', () => {
    check({ mechanism: 'c3d', inst: S10, rounds: 40_000 }); // spec/000 §8 MC (a)
    const deviations: StrategyRef[] = [
      { name: 'under-collect', params: { n: 5 } },
      { name: 'under-collect', params: { n: 25 } },
      { name: 'free-ride' },
      { name: 'add-noise', params: { tau: 1 } },
      { name: 'resample-from-fit', params: { k: 10, K: 1 } },
      { name: 'shift', params: { delta: 0.5 } },
      { name: 'plain-mean' },
      { name: 'ignore-corrupted' },
      { name: 'submit-nothing' },
      { name: 'subset', params: { fraction: 0.5 } },
      { name: 'duplicate', params: { copies: 3 } },
      { name: 'pad-fit', params: { count: 10 } },
      { name: 'own-data' },
      { name: 'fixed-weight' },
    ];
    for (const deviation of deviations) {
      check({ mechanism: 'c3d', inst: S10, deviation, rounds: 20_000 });
    }
    check({ mechanism: 'c3d', inst: makeInstance(7, 2, 4 / (7 * 36)), rounds: 20_000 }); // n* = 6, not in the spec
    check({ mechanism: 'c3d', inst: makeInstance(5, 0.5, 0.25 / (5 * 64)), rounds: 20_000 }); // n* = 8, not in the spec
    check({ mechanism: 'c3d', inst: makeInstance(4, 1, 1 / 64), rounds: 20_000 }); // S4, m ≤ 4 branch
    check({ mechanism: 'c3d', inst: makeInstance(6, 1, 0.01), rounds: 20_000 }); // non-integer n* = 4.08: the ⌈n*⌉ = 5 convention
    check({ mechanism: 'c3d', inst: makeInstance(3, 1, 0.02), rounds: 20_000 }); // non-integer n* = 2.36 in the m ≤ 4 branch
    check({ mechanism: 'c3d', inst: makeInstance(30, 1, 1 / (30 * 9)), deviation: { name: 'under-collect', params: { n: 1 } }, rounds: 10_000 });
  });

  describe('pool-and-share', () => {
    check({ mechanism: 'pool', inst: S10, rounds: 20_000 });
    check({ mechanism: 'pool', inst: S10, deviation: { name: 'free-ride' }, rounds: 20_000 });
    check({ mechanism: 'pool', inst: makeInstance(6, 3, 9 / (6 * 25)), deviation: { name: 'under-collect', params: { n: 2 } }, rounds: 20_000 });
  });

  describe('PCS (Algorithm 2)', () => {
    check({ mechanism: 'pcs', inst: S10, rounds: 20_000 });
    check({ mechanism: 'pcs', inst: S10, deviation: { name: 'fabricate-and-discard', params: { k: 0 } }, rounds: 8_000 }); // MC (e)
    check({ mechanism: 'pcs', inst: makeInstance(5, 2, 4 / (5 * 16)), deviation: { name: 'fabricate-and-discard', params: { k: 2 } }, rounds: 4_000 });
    check({ mechanism: 'pcs', inst: S10, deviation: { name: 'resample-from-fit', params: { k: 1, K: 10 } }, rounds: 20_000 });
    check({ mechanism: 'pcs', inst: S10, deviation: { name: 'subset', params: { fraction: 0.5 } }, rounds: 20_000 });
  });

  describe('CDED (Algorithm 3)', () => {
    for (const k of [1, 2, 3]) check({ mechanism: 'cded', k, inst: S10, rounds: 40_000 }); // MC (b)
    check({ mechanism: 'cded', k: 2, inst: makeInstance(8, 1.5, 2.25 / (8 * 49)), rounds: 20_000 }); // n* = 7
    check({ mechanism: 'cded', k: 1, inst: S10, deviation: { name: 'shift', params: { delta: 0.3 } }, rounds: 20_000 });
    check({ mechanism: 'cded', k: 2, inst: S10, deviation: { name: 'add-noise', params: { tau: 1 } }, rounds: 20_000 });
    check({ mechanism: 'cded', k: 1, inst: S10, deviation: { name: 'under-collect', params: { n: 4 } }, rounds: 20_000 });
    check({ mechanism: 'cded', k: 2, inst: S10, deviation: { name: 'subset', params: { fraction: 0.7 } }, rounds: 20_000 });
    check({ mechanism: 'cded', k: 1, inst: S10, deviation: { name: 'duplicate', params: { copies: 2 } }, rounds: 20_000 });
    check({ mechanism: 'cded', k: 3, inst: S10, deviation: { name: 'pad-fit', params: { count: 5 } }, rounds: 20_000 });
  });
});
