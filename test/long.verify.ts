/**
 * `npm run verify`: long statistical checks kept out of the unit suite.
 * Monte Carlo against spec/002 §5 item 12 (σ = 1, c = 1e-4, others at n*,
 * the agent collecting n) to 4 standard errors with ~0.3% precision, and
 * the Monte-Carlo-only search (no closed forms) on every mechanism.
 */
import { expect } from 'chai';
import { makeInstance } from '../src/core/instance.js';
import { createArena } from '../src/engine/container.js';
import { certify } from '../src/search/certificate.js';

const arena = createArena();

describe('verify: C3D risk by Monte Carlo against spec/002 §5 item 12', function () {
  this.timeout(1_800_000);
  // (m, own n) -> R∞; n* = σ/√(cm) with c = 1e-4: 20 for m = 25, 10 for m = 100.
  const oracle: [number, number, number][] = [
    [25, 10, 0.0070969],
    [25, 20, 0.0053815],
    [25, 40, 0.0042112],
    [100, 5, 0.0038573],
    [100, 20, 0.0023765],
  ];
  for (const [m, n, risk] of oracle) {
    it(`m = ${m}, n = ${n}: R∞ = ${risk}`, () => {
      const inst = makeInstance(m, 1, 1e-4);
      const r = arena.evaluate('c3d', inst, { rounds: 60_000, seed: 12, deviation: { name: 'under-collect', params: { n } } });
      const a = r.agents[0];
      const mc = a.penalty - 1e-4 * n;
      expect(Math.abs(mc - risk) / a.stderr, `MC ${mc} ± ${a.stderr}`).to.be.at.most(4);
      expect(a.stderr / risk).to.be.below(0.01);
    });
  }
});

describe('verify: the search by Monte Carlo alone (no closed forms)', function () {
  this.timeout(1_800_000);
  const inst = makeInstance(10, 1, 0.001);
  const expected: Record<string, string> = { pool: 'profitable-deviation', pcs: 'profitable-deviation', c3d: 'epsilon-equilibrium', cded: 'epsilon-equilibrium' };
  for (const [mechanism, verdict] of Object.entries(expected)) {
    it(`${mechanism}: ${verdict}`, () => {
      const c = certify(arena, mechanism, inst, { seed: 5, useTheory: false, rounds: 600 });
      expect(c.verdict).to.equal(verdict);
      if (verdict === 'epsilon-equilibrium') expect(c.epsilon).to.be.below(c.tolerance);
    });
  }
});
