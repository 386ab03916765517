/**
 * Threshold mechanisms and their ex-post outcomes (src/theory/bayes/mechanisms.ts): W4 (every listed
 * misreport) and W5 of spec/004 §4, oracle 10 (ex-post IC and IR), and the baselines of spec/004 §5.
 */
import { expect } from 'chai';
import { rhoExact } from '../../../src/theory/bayes/correlation.js';
import {
  blindThreshold,
  freeSharing,
  fullAllocation,
  MECHANISM_NAMES,
  mechanismByName,
  outcome,
  thresholdPricing,
} from '../../../src/theory/bayes/mechanisms.js';
import { uniformPrior } from '../../../src/theory/bayes/priors.js';
import { expectInputError, mulberry32, randomCorrelation, star } from './helpers.js';

const R2 = [[1, 0.5], [0.5, 1]];
const P2 = [uniformPrior(0, 10), uniformPrior(0, 10)];
const P3 = [0, 1, 2].map(() => uniformPrior(0, 10));
const Q4 = [4, 2 / 3];

describe('bayes/mechanisms: W4 (two agents, spec/004 §4)', () => {
  const truth = outcome(thresholdPricing, R2, P2, Q4);
  it('truthful: agent 1 allocated at 0.7 with v = 0.8043478, U = 0.1043478; agent 2 not (q̄ = 2.1041020, p = 0.7018576); revenue 0.7', () => {
    const [a1, a2] = truth.agents;
    expect(rhoExact(R2, 0, Q4)).to.be.closeTo(0.1, 1e-15);
    expect(rhoExact(R2, 1, Q4)).to.be.closeTo(0.2, 1e-15);
    expect(a1.threshold).to.be.closeTo(2.2222222, 1e-7);
    expect(a1.price).to.be.closeTo(0.7, 1e-7);
    expect(a1.allocated).to.equal(true);
    expect(a1.value).to.be.closeTo(0.8043478, 1e-7);
    expect(a1.utility).to.be.closeTo(0.1043478, 1e-7);
    expect(a2.threshold).to.be.closeTo(2.104102, 1e-7);
    expect(a2.price).to.be.closeTo(0.7018576, 1e-7);
    expect(a2.allocated).to.equal(false);
    expect(a2.value).to.be.closeTo(0.4782609, 1e-7);
    expect(a2.utility).to.equal(0);
    expect(a2.payment).to.equal(0);
    expect(truth.revenue).to.be.closeTo(0.7, 1e-7);
  });
  it('agent 1 misreports: 2 → not allocated; 2.3, 3, 8 → listed v and U, all ≤ the truthful 0.1043478', () => {
    const no = outcome(thresholdPricing, R2, P2, Q4, [2, 2 / 3]).agents[0];
    expect(no.allocated).to.equal(false);
    expect(no.utility).to.equal(0);
    for (const [r, v, u] of [[2.3, 0.7908492, 0.0908492], [3, 0.8011322, 0.1011322], [8, 0.7938727, 0.0938727]]) {
      const a = outcome(thresholdPricing, R2, P2, Q4, [r, 2 / 3]).agents[0];
      expect(a.allocated).to.equal(true);
      expect(a.value).to.be.closeTo(v, 1e-7);
      expect(a.utility).to.be.closeTo(u, 1e-7);
      expect(a.utility).to.be.at.most(truth.agents[0].utility);
    }
  });
  it('agent 2 misreports: q̂_2 = 3 → allocated at 0.7018576 with v = 0.1833910, U = −0.5184666; q̂_2 = 1, 0.3 → v = 0.4567901, 0.4235172', () => {
    const o = outcome(thresholdPricing, R2, P2, Q4, [4, 3]);
    expect(o.agents[1].allocated).to.equal(true);
    expect(o.agents[1].price).to.be.closeTo(0.7018576, 1e-7);
    expect(o.agents[1].value).to.be.closeTo(0.183391, 1e-7);
    expect(o.agents[1].utility).to.be.closeTo(-0.5184666, 1e-7);
    expect(o.agents[0].threshold).to.be.closeTo(2.120465, 1e-6); // agent 2's report moves agent 1's threshold
    const o1 = outcome(thresholdPricing, R2, P2, Q4, [4, 1]);
    expect(o1.agents[1].value).to.be.closeTo(0.4567901, 1e-7);
    expect(o1.agents[0].threshold).to.be.closeTo(2.195235, 1e-6);
    expect(outcome(thresholdPricing, R2, P2, Q4, [4, 0.3]).agents[1].value).to.be.closeTo(0.4235172, 1e-7);
  });
});

describe('bayes/mechanisms: W5 (Example-1 star at ρ = 0.5, q = (2, 3, 5))', () => {
  it('ρ_i, q̄_i, prices, allocations, values and the revenue', () => {
    const R = star(0.5);
    const q = [2, 3, 5];
    const o = outcome(thresholdPricing, R, P3, q);
    const rows = [
      [0.3958333, 1.7587948, 0.7070856, 0.7264151],
      [6 / 31, 2.1126109, 0.701725, 0.7641509],
      [4 / 21, 2.1166149, 0.7016625, 0.8396226],
    ];
    rows.forEach(([rho, t, p, v], i) => {
      expect(rhoExact(R, i, q)).to.be.closeTo(rho, 1e-7);
      expect(o.agents[i].threshold).to.be.closeTo(t, 1e-7);
      expect(o.agents[i].price).to.be.closeTo(p, 1e-7);
      expect(o.agents[i].allocated).to.equal(true);
      expect(o.agents[i].value).to.be.closeTo(v, 1e-7);
    });
    // spec/004 prints 2.1104731, the sum of the three rounded prices; the exact sum is 2.11047320…,
    // so the oracle is met within the rounding of three 7-decimal numbers (1.5e-7).
    expect(o.revenue).to.be.closeTo(o.agents.reduce((s, a) => s + a.price, 0), 1e-15);
    expect(o.revenue).to.be.closeTo(2.1104731, 1.5e-7);
  });
});

describe('bayes/mechanisms: oracle 10 — ex-post IC and IR of every threshold rule', () => {
  it('truthful utility ≥ the utility of every report on a grid, and ≥ 0, for random instances', () => {
    const rand = mulberry32(8);
    const reports = Array.from({ length: 41 }, (_, k) => k * 0.25);
    for (let rep = 0; rep < 12; rep++) {
      const n = 2 + (rep % 3);
      const R = randomCorrelation(n, rand, 0.8);
      const P = Array.from({ length: n }, () => uniformPrior(0, 10));
      const q = Array.from({ length: n }, () => 10 * rand());
      for (const name of MECHANISM_NAMES) {
        const mech = mechanismByName(name);
        const truth = outcome(mech, R, P, q);
        for (let i = 0; i < n; i++) {
          const ui = truth.agents[i].utility;
          expect(ui).to.be.at.least(-1e-12); // ex-post IR (B.8)
          for (const r of reports) {
            const qHat = q.map((x, j) => (j === i ? r : x));
            expect(outcome(mech, R, P, q, qHat).agents[i].utility).to.be.at.most(ui + 1e-12);
          }
        }
      }
    }
  });
});

describe('bayes/mechanisms: baselines (spec/004 §5)', () => {
  it('blind threshold posts √(Q+1) − 1 at v_i(q̄₀, q̂_{−i}); full allocation posts ρ_i; free sharing posts 0', () => {
    const q = [2, 3, 5];
    const R = star(0.5);
    const ctx = { R, priors: P3, model: 'exact' as const };
    for (let i = 0; i < 3; i++) {
      const b = blindThreshold.allocate(i, q, ctx);
      expect(b.threshold).to.be.closeTo(Math.sqrt(11) - 1, 1e-14);
      const w = 1 - rhoExact(R, i, q);
      expect(b.price).to.be.closeTo(1 - w / (1 + w * b.threshold), 1e-15);
      const f = fullAllocation.allocate(i, q, ctx);
      expect(f.threshold).to.equal(0);
      expect(f.price).to.be.closeTo(rhoExact(R, i, q), 1e-15);
      expect(freeSharing.allocate(i, q, ctx)).to.deep.equal({ threshold: 0, price: 0 });
    }
    const o = outcome(freeSharing, R, P3, [0, 0.1, 9]);
    expect(o.agents.every((a) => a.allocated)).to.equal(true);
    expect(o.revenue).to.equal(0);
  });
  it('approx model: thresholds g⁻¹(S_i), prices v̂(q̄); values stay exact', () => {
    const o = outcome(thresholdPricing, R2, P2, Q4, Q4, 'approx');
    expect(o.agents[0].threshold).to.be.closeTo(2.227757, 1e-6); // S_1 = 0.1 (W3)
    expect(o.agents[0].value).to.be.closeTo(0.8043478, 1e-7);
  });
  it('rejects bad input naming it', () => {
    expectInputError(() => mechanismByName('vcg'), 'mechanism');
    expectInputError(() => outcome(thresholdPricing, R2, P2, [1, 2, 3]), 'q');
    expectInputError(() => outcome(thresholdPricing, R2, P2, [1, 2], [1, -1]), 'qHat[1]');
    expectInputError(() => outcome(thresholdPricing, R2, [P2[0]], [1, 2]), 'priors');
  });
});
