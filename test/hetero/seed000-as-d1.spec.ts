import { expect } from 'chai';
import { makeInstance } from '../../src/core/instance.js';
import { createArena } from '../../src/engine/container.js';
import { heteroCertify } from '../../src/hetero/certificate.js';
import { heteroArena, setting, within4 } from './helpers.js';

/** spec/000 §8 set S10 (m = 10, σ = 1, c = 0.001, n* = 10) written as a d = 1, equal-cost instance of seed 001. */
const S10 = setting({ sigma: 1, costs: Array.from({ length: 10 }, () => [0.001]) }, 'alone', 'S10');

describe('seed 000 as the d = 1, equal-cost case of the d-distribution family', () => {
  const arena = heteroArena();
  const seed000 = createArena();

  for (const mech of ['pool', 'pcs', 'c3d', 'cded']) {
    it(`${mech}: Monte Carlo in the d-distribution engine matches the seed-000 closed form`, () => {
      const closed = seed000.theory(mech, makeInstance(10, 1, 0.001)).agentPenalty;
      const r = arena.evaluate(mech, S10, { rounds: 6000, seed: 4 });
      for (const a of r.agents) {
        expect(a.theory as number).to.be.closeTo(closed, 1e-12);
        expect(within4(a.penalty, closed, a.stderr), `${mech} agent ${a.agent}: ${a.penalty} ± ${a.stderr} vs ${closed}`).to.equal(true);
      }
    });
  }

  it('c3d under-collection: the d = 1 "collect" deviation has seed 000\'s p(n) (spec/000 §8 item 4)', () => {
    const r = arena.evaluate('c3d', S10, { rounds: 6000, seed: 6, deviation: { strategy: 'collect', params: { k: 0, n: 5 } } });
    expect(r.agents[0].theory as number).to.be.closeTo(0.03661101, 1e-8); // p(0.5 n*) of spec/000 §8 item 4
    expect(within4(r.agents[0].penalty, 0.03661101, r.agents[0].stderr)).to.equal(true);
  });

  it('the d-distribution search finds free-riding under pool (spec/002 D1) and certifies c3d', () => {
    const pool = heteroCertify(arena, 'pool', S10, { seed: 1, families: ['collect'] });
    expect(pool.verdict).to.equal('profitable-deviation');
    expect(pool.agents[0].bestDeviation?.params.n).to.equal(0);
    const c3d = heteroCertify(arena, 'c3d', S10, { seed: 1, families: ['collect'] });
    expect(c3d.verdict).to.equal('epsilon-equilibrium');
  });

  it('refuses d > 1 or unequal costs with an error that names the field', () => {
    expect(() => arena.setup('c3d', setting({ sigma: 1, costs: [[1], [2], [1]] }, 'alone'))).to.throw(/costs\[1\]\[0\].*equal costs/);
    expect(() => arena.setup('pool', setting({ sigma: 1, costs: [[1, 1], [1, 1]] }, 'alone'))).to.throw(/needs d = 1/);
  });
});
