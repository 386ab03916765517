/**
 * spec/004 W9: the 3-agent star with effort (Q = 16, c = (e/2)⁴), exact and approx, ρ = 0, 0.2, 0.4,
 * by 48×48 tensor Gauss–Legendre; and the seeded Monte Carlo rule on the same game, within a
 * tolerance justified by its standard error.
 */
import { expect } from 'chai';
import {
  benefitMStandardError,
  bracketEquilibria,
  makeEffortGame,
  maximiseEffortPayoff,
  othersStatistic,
} from '../../src/effort/index.js';
import { expectOracle } from '../theory/oracle.js';
import { POWER4, Q, game, star } from './helpers.js';

// spec/004 W9: ρ, model, agent 1 (central), agents 2 and 3
const TABLE = [
  [0, 'approx', '0.30257737', '0.30257737'],
  [0, 'exact', '0.30257737', '0.30257737'],
  [0.2, 'approx', '0.30296625', '0.30276649'],
  [0.2, 'exact', '0.30297133', '0.30277356'],
  [0.4, 'approx', '0.30446267', '0.30340408'],
  [0.4, 'exact', '0.30457922', '0.30355888'],
] as const;

describe('effort game W9 (3-agent star)', () => {
  for (const [rho, model, centre, leaf] of TABLE) {
    it(`ρ = ${rho}, ${model}: unique equilibrium (${centre}, ${leaf}, ${leaf}) by tensor quadrature`, () => {
      const g = game(star(rho), model);
      expect(g.rule.kind).to.equal('tensor-gauss-legendre');
      const b = bracketEquilibria(g);
      expect(b.unique).to.equal(true);
      expect(b.monotone).to.deep.equal({ top: true, bottom: true });
      expectOracle(b.highest![0], centre, 'agent 1');
      expectOracle(b.highest![1], leaf, 'agent 2');
      expectOracle(b.highest![2], leaf, 'agent 3');
      if (rho > 0) expect(b.highest![0]).to.be.greaterThan(b.highest![1]); // the central agent exerts the most effort
    });
  }

  it('Gauss–Seidel reaches the Jacobi fixed point (ρ = 0.4, exact)', () => {
    const g = game(star(0.4), 'exact');
    const j = bracketEquilibria(g);
    const s = bracketEquilibria(g, { update: 'gauss-seidel' });
    for (let i = 0; i < 3; i++) {
      expect(s.highest![i]).to.be.closeTo(j.highest![i], 1e-12);
      expect(s.lowest![i]).to.be.closeTo(j.lowest![i], 1e-12);
    }
  });

  it('Monte Carlo (16384 draws, CRN) agrees with quadrature within 4 standard errors, and is reproducible from the seed', () => {
    const R = star(0.4);
    const spec = { correlation: R, Q, costs: [POWER4, POWER4, POWER4], model: 'exact' as const };
    const mc = makeEffortGame({ ...spec, rule: { integration: 'monte-carlo', samples: 16384, seed: 11 } });
    const gl = makeEffortGame(spec);
    const bMc = bracketEquilibria(mc);
    const bGl = bracketEquilibria(gl);
    expect(bMc.unique).to.equal(true);
    expect(bMc.monotone).to.deep.equal({ top: true, bottom: true });
    const ctx = { correlation: R, Q, model: 'exact' as const, rule: mc.rule };
    for (let i = 0; i < 3; i++) {
      // SE of M_i at the MC equilibrium, propagated to the best response through the FOC
      const se = benefitMStandardError(ctx, othersStatistic(ctx, i, bMc.highest!))!;
      const M = mc.payoffOf(i, bMc.highest!).M!;
      const br = (m: number) =>
        maximiseEffortPayoff({ value: (e) => m / (Q - e) - POWER4Value(e), derivative: (e) => m / (Q - e) ** 2 - e ** 3 / 4 }, 0, 2).e;
      const seE = Math.abs(br(M + se) - br(M));
      expect(seE).to.be.greaterThan(0).and.lessThan(1e-4);
      expect(Math.abs(bMc.highest![i] - bGl.highest![i]), `agent ${i}: MC ${bMc.highest![i]} vs GL ${bGl.highest![i]}, SE ${seE}`).to.be.at.most(4 * seE);
    }
    const again = bracketEquilibria(makeEffortGame({ ...spec, rule: { integration: 'monte-carlo', samples: 16384, seed: 11 } }));
    expect(again.highest).to.deep.equal(bMc.highest);
    const other = bracketEquilibria(makeEffortGame({ ...spec, rule: { integration: 'monte-carlo', samples: 16384, seed: 12 } }));
    expect(other.highest![0]).to.not.equal(bMc.highest![0]);
  });
});

function POWER4Value(e: number): number {
  return (e / 2) ** 4;
}
