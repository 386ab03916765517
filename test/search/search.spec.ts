/**
 * Acceptance tests of issue 3 on instances beyond the spec's: the search
 * rediscovers spec/002 D1 and D3 on its own, certifies C3D and CDED, and is
 * never fooled by a constant estimator (D5).
 */
import { expect } from 'chai';
import { makeInstance } from '../../src/core/instance.js';
import { createArena } from '../../src/engine/container.js';
import { certify } from '../../src/search/certificate.js';
import { runCli } from '../helpers.js';

const arena = createArena();
const inst = makeInstance(7, 2, 4 / (7 * 36)); // n* = 6, σ/√c = 2√(7·36)/2 ≈ 15.87

describe('best-response search', function () {
  this.timeout(120_000);

  it('pool: finds free-riding (n = 0) with the gain of spec/002 D1 inside its CI', () => {
    const c = certify(arena, 'pool', inst, { seed: 3 });
    expect(c.verdict).to.equal('profitable-deviation');
    const a = c.agents[0];
    expect(a.bestDeviation?.family).to.equal('free-ride');
    const { sigma, cost, m } = inst;
    const nBar = 6;
    const d1 = sigma * sigma / ((m - 1) * nBar); // spec/002 D1: σ²/((m−1)n*) at n* = 6 = σ√(mc)/(m−1)
    expect(d1).to.be.closeTo(sigma * Math.sqrt(m * cost) / (m - 1), 1e-12);
    const gain = sigma * sigma / (m * nBar) + cost * nBar - d1;
    expect(a.estimatedGain).to.be.closeTo(gain, 1e-12);
    expect(gain).to.be.within(a.ci[0], a.ci[1]);
    expect(a.ci[0]).to.be.above(0);
  });

  it('pcs: finds fabricate-and-discard (spec/002 D3)', () => {
    const c = certify(arena, 'pcs', inst, { seed: 3 });
    expect(c.verdict).to.equal('profitable-deviation');
    expect(c.agents[0].bestDeviation?.family).to.equal('fabricate-and-discard');
    expect(c.agents[0].bestDeviation?.params.k).to.equal(0);
  });

  for (const [mechanism, extra] of [['c3d', {}], ['cded', { k: 2 }]] as const) {
    it(`${mechanism}: certifies an ε-equilibrium with every re-checked upper bound below the tolerance`, () => {
      const c = certify(arena, mechanism, inst, { seed: 3, mechanismParams: extra });
      expect(c.verdict).to.equal('epsilon-equilibrium');
      expect(c.epsilon).to.be.a('number').and.below(c.tolerance);
      expect(c.agents[0].ci[1]).to.be.below(c.tolerance);
      const searched = c.agents[0].searched;
      expect(Array.isArray(searched) && searched.length).to.be.at.least(15);
    });
  }

  it('c3d at m = 5 (the smallest corrupting m): still an ε-equilibrium', () => {
    const c = certify(arena, 'c3d', makeInstance(5, 1, 1 / (5 * 49)), { seed: 4 });
    expect(c.verdict).to.equal('epsilon-equilibrium');
  });

  it('never reports a constant estimator profitable, with theory or by Monte Carlo alone (spec/002 D5)', () => {
    for (const useTheory of [true, false]) {
      const c = certify(arena, 'pool', inst, { seed: 3, families: ['constant-estimator'], useTheory, rounds: 200, maxRounds: 2000 });
      expect(c.verdict, `useTheory=${useTheory}`).to.equal('epsilon-equilibrium');
      const searched = c.agents[0].searched;
      if (!Array.isArray(searched)) throw new Error('expected a search');
      expect(searched[0].penalty).to.be.at.least(1e5);
    }
  });

  it('finds free-riding under pool by Monte Carlo alone (no closed forms)', () => {
    const c = certify(arena, 'pool', inst, { seed: 3, families: ['under-collect', 'constant-estimator', 'add-noise'], useTheory: false, rounds: 300 });
    expect(c.verdict).to.equal('profitable-deviation');
    expect(c.agents[0].bestDeviation?.params.n).to.equal(0);
  });

  it('prints the documented JSON and shares the symmetric search', async () => {
    const r = await runCli(['search', 'c3d', '--m', '6', '--sigma', '1', '--cost', String(1 / (6 * 16)), '--families', 'under-collect,shift', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).to.include.members(['mechanism', 'instance', 'agents', 'maxGain', 'verdict', 'epsilon']);
    expect(j.agents).to.have.length(6);
    expect(Object.keys(j.agents[0])).to.include.members(['agent', 'bestDeviation', 'gain', 'ci', 'searched']);
    expect(j.agents[0].searched.map((f: { family: string }) => f.family)).to.deep.equal(['under-collect', 'under-collect+shift']);
    expect(j.agents[3].searched.sharedWith).to.equal(0);
    expect(r.err).to.equal('');
  });

  it('rejects an unknown family, naming the flag', async () => {
    const r = await runCli(['search', 'c3d', '--families', 'teleport']);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/--families/);
  });
});
