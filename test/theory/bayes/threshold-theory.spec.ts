/**
 * `arena theory threshold-pricing|blind-threshold|full-allocation|free-sharing --instance FILE
 * [--types …]` backend (src/cli/threshold-theory.ts): W4 at given types, the star at ρ = 0.5 in
 * expectation (W6 / spec/004 §5), and input errors.
 */
import { expect } from 'chai';
import { thresholdTheory } from '../../../src/cli/threshold-theory.js';
import { expectInputError } from './helpers.js';

describe('cli/threshold-theory', () => {
  it('two-agent.json with --types 4,0.6666666667 reproduces W4', () => {
    const r = thresholdTheory('experiments/bayes/two-agent.json', [4, 0.6666666667]);
    expect(r.model).to.equal('exact');
    expect(r.n).to.equal(2);
    expect(r.instance).to.equal('experiments/bayes/two-agent.json');
    const [t, p, x, v] = [r.thresholds, r.prices, r.allocated, r.values] as [number[], number[], boolean[], number[]];
    expect(t[0]).to.be.closeTo(2.2222222, 1e-7);
    expect(t[1]).to.be.closeTo(2.104102, 1e-7);
    expect(p[0]).to.be.closeTo(0.7, 1e-7);
    expect(p[1]).to.be.closeTo(0.7018576, 1e-7); // posted even though agent 2 is not allocated
    expect(x).to.deep.equal([true, false]);
    expect(v[0]).to.be.closeTo(0.8043478, 1e-7);
    expect(v[1]).to.be.closeTo(0.4782609, 1e-7); // the value she would have had
    expect((r.utilities as number[])[0]).to.be.closeTo(0.1043478, 1e-7);
    expect(r.revenue).to.be.closeTo(0.7, 1e-7);
  });
  it('star-rho05.json without types: expected payments, utilities, revenue (W6 row ρ = 0.5)', () => {
    const r = thresholdTheory('experiments/bayes/star-rho05.json');
    expect(r.method).to.equal('quadrature');
    const ep = r.expectedPayments as number[];
    const eu = r.expectedUtilities as number[];
    expect(ep[0]).to.be.closeTo(0.580882, 1e-6);
    expect(ep[1]).to.be.closeTo(0.557483, 1e-6);
    expect(eu[0]).to.be.closeTo(0.118334, 1e-6);
    expect(eu[2]).to.be.closeTo(0.114882, 1e-6);
    expect(r.expectedRevenue).to.be.closeTo(1.695848, 1e-6);
    expect((r.allocationProbabilities as number[])[0]).to.be.closeTo(0.821887, 1e-6);
  });
  it('baselines via the mechanism argument (spec/004 §5, ρ = 0.5)', () => {
    const b = thresholdTheory('experiments/bayes/star-rho05.json', undefined, 'blind-threshold');
    expect(b.mechanism).to.equal('blind-threshold');
    expect((b.expectedPayments as number[])[0]).to.be.closeTo(0.573301, 1e-6);
    const f = thresholdTheory('experiments/bayes/star-rho05.json', undefined, 'full-allocation');
    expect((f.expectedUtilities as number[])[1]).to.be.closeTo(0.558382, 1e-6);
    const s = thresholdTheory('experiments/bayes/star-rho05.json', [2, 3, 5], 'free-sharing');
    expect(s.revenue).to.equal(0);
    expect(s.allocated).to.deep.equal([true, true, true]);
  });
  it('oracle3.json with types 2,3,5: oracle 3 thresholds and prices', () => {
    const r = thresholdTheory('experiments/bayes/oracle3.json', [2, 3, 5]);
    [2.0615473, 2.1357809, 2.2540852].forEach((t, i) => expect((r.thresholds as number[])[i]).to.be.closeTo(t, 1e-7));
    [0.7025179, 0.701363, 0.6994926].forEach((p, i) => expect((r.prices as number[])[i]).to.be.closeTo(p, 1e-7));
  });
  it('input errors: --types length and range, unknown mechanism', () => {
    expectInputError(() => thresholdTheory('experiments/bayes/two-agent.json', [4]), '--types', /one quality per agent/);
    expectInputError(() => thresholdTheory('experiments/bayes/two-agent.json', [4, -1]), '--types');
    expectInputError(() => thresholdTheory('experiments/bayes/two-agent.json', [4, 11]), '--types', /outside/);
    expectInputError(() => thresholdTheory('experiments/bayes/two-agent.json', [4, NaN]), '--types');
    expectInputError(() => thresholdTheory('experiments/bayes/two-agent.json', undefined, 'vcg'), 'mechanism');
  });
});
