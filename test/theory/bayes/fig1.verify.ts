/**
 * Heavy check of Fig. 1 (spec/004 §4 W6; run by `npm run verify`): the quadrature at 400 nodes per
 * dimension (the spec's 400² Gauss–Legendre) equals the default 64-node result to 1e-9, and seeded
 * Monte Carlo with 1e5 draws over whole profiles agrees within 4 standard errors (and ±0.002).
 */
import { expect } from 'chai';
import { expectedOutcome } from '../../../src/theory/bayes/expected.js';
import { thresholdPricing } from '../../../src/theory/bayes/mechanisms.js';
import { uniformPrior } from '../../../src/theory/bayes/priors.js';
import { star } from './helpers.js';

const P3 = [0, 1, 2].map(() => uniformPrior(0, 10));

describe('bayes Fig. 1 (verify)', () => {
  for (const rho of [-0.7, -0.35, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, Math.SQRT1_2 - 1e-9]) {
    it(`ρ = ${rho.toFixed(4)}: 400 nodes == 64 nodes (1e-9); MC 1e5 within 4 SE`, () => {
      const a = expectedOutcome(thresholdPricing, star(rho), P3, 'exact', { nodes: 64 });
      const b = expectedOutcome(thresholdPricing, star(rho), P3, 'exact', { nodes: 400 });
      const m = expectedOutcome(thresholdPricing, star(rho), P3, 'exact', { method: 'montecarlo', samples: 100000, seed: 2024 });
      for (let i = 0; i < 3; i++) {
        expect(a.agents[i].payment).to.be.closeTo(b.agents[i].payment, 1e-9);
        expect(a.agents[i].utility).to.be.closeTo(b.agents[i].utility, 1e-9);
        expect(a.agents[i].allocationProbability).to.be.closeTo(b.agents[i].allocationProbability, 1e-9);
        const se = m.agents[i].standardErrors!;
        expect(Math.abs(m.agents[i].payment - b.agents[i].payment)).to.be.below(Math.min(0.002, 4 * se.payment + 1e-12));
        expect(Math.abs(m.agents[i].utility - b.agents[i].utility)).to.be.below(Math.min(0.002, 4 * se.utility + 1e-12));
      }
    });
  }
});
