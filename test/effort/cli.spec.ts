/**
 * thresholdDynamics (src/cli/threshold-dynamics.ts) on parsed seed-004 instances: the JSON record of
 * `arena dynamics threshold-pricing`, and InputErrors for instances the effort theory cannot take.
 */
import { expect } from 'chai';
import { InputError } from '../../src/core/instance.js';
import { thresholdDynamics } from '../../src/cli/threshold-dynamics.js';
import { parseBayesInstance } from '../../src/theory/bayes/instance-file.js';
import { expectOracle } from '../theory/oracle.js';
import { kinked } from './helpers.js';
import { expectInputError } from './helpers.js';

const unif = (high = 16, low = 0) => ({ kind: 'uniform', low, high });
const W7 = {
  correlation: [
    [1, 0.5],
    [0.5, 1],
  ],
  priors: [unif(), unif()],
  effortCost: [
    { kind: 'power', scale: 0.5, exponent: 4 },
    { kind: 'power', scale: 0.5, exponent: 4 },
  ],
  model: 'exact',
};

describe('thresholdDynamics (arena dynamics threshold-pricing)', () => {
  it('W7 exact, r = 0.5: JSON fields, unique equilibrium 0.3040322897, supermodular', () => {
    const out = thresholdDynamics(parseBayesInstance(W7, 'w7.json'), { from: 'both' });
    expect(out).to.include.keys('highest', 'lowest', 'unique', 'supermodular', 'traces', 'model', 'box', 'iterations', 'update');
    expect(out.model).to.equal('exact');
    expect(out.update).to.equal('jacobi');
    expect(out.box).to.deep.equal([0, 2]);
    expect(out.unique).to.equal(true);
    for (const x of [...(out.highest as number[]), ...(out.lowest as number[])]) expectOracle(x, '0.3040322897', 'equilibrium');
    expect((out.supermodular as { pass: boolean }).pass).to.equal(true);
    const traces = out.traces as { top: number[][]; bottom: number[][] };
    expect(traces.top[0]).to.deep.equal([2, 2]);
    expect(traces.bottom[0]).to.deep.equal([0, 0]);
    expect(JSON.parse(JSON.stringify(out))).to.deep.equal(out); // plain JSON
  });

  it('from top only: lowest and the bottom trace are null; approx model and Gauss–Seidel pass through', () => {
    const out = thresholdDynamics(parseBayesInstance({ ...W7, model: 'approx' }, 'w7.json'), { from: 'top', update: 'gauss-seidel' });
    expect(out.lowest).to.equal(null);
    expect(out.unique).to.equal(null);
    expect((out.traces as { bottom: unknown }).bottom).to.equal(null);
    expect(out.update).to.equal('gauss-seidel');
    expect(out.model).to.equal('approx');
    for (const x of out.highest as number[]) expectOracle(x, '0.3039675121', 'approx equilibrium');
  });

  it('W8 kinked: highest (1,1), lowest (0,0), not unique', () => {
    const inst = parseBayesInstance({ ...W7, effortCost: [kinked(0.0072127025), kinked(0.0072127025)] }, 'w8.json');
    const out = thresholdDynamics(inst, { from: 'both' });
    expect(out.highest).to.deep.equal([1, 1]);
    expect(out.lowest).to.deep.equal([0, 0]);
    expect(out.unique).to.equal(false);
  });

  it('free sharing: equilibrium 0.47850827 and supermodular.pass = false', () => {
    const out = thresholdDynamics(parseBayesInstance(W7, 'w7.json'), { from: 'both', mechanism: 'free-sharing' });
    expect(out.mechanism).to.equal('free-sharing');
    for (const x of out.highest as number[]) expectOracle(x, '0.47850827', 'free-sharing equilibrium');
    const sm = out.supermodular as { pass: boolean; worstViolation: number };
    expect(sm.pass).to.equal(false);
    expect(sm.worstViolation).to.be.greaterThan(0);
  });

  it('more than 4 agents: seeded Monte Carlo, reproducible', () => {
    const n = 5;
    const R = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0.1)));
    const inst = parseBayesInstance({ correlation: R, priors: R.map(() => unif()), effortCost: R.map(() => W7.effortCost[0]) }, 'eq.json');
    const a = thresholdDynamics(inst, { from: 'both', seed: 3, samples: 1024 });
    const b = thresholdDynamics(inst, { from: 'both', seed: 3, samples: 1024 });
    expect(a.integration).to.deep.equal({ kind: 'monte-carlo', points: 1024, seed: 3 });
    expect(a.highest).to.deep.equal(b.highest);
    expect(a.unique).to.equal(true);
  });

  it('rejects instances outside the effort theory, naming the field', () => {
    expectInputError(() => thresholdDynamics(parseBayesInstance({ ...W7, effortCost: undefined }, 'x.json'), { from: 'both' }), 'effortCost');
    expectInputError(() => thresholdDynamics(parseBayesInstance({ ...W7, priors: [unif(), unif(16, 1)] }, 'x.json'), { from: 'both' }), 'priors[1].low');
    expectInputError(() => thresholdDynamics(parseBayesInstance({ ...W7, priors: [unif(), unif(10)] }, 'x.json'), { from: 'both' }), 'priors[1].high');
    expectInputError(() => thresholdDynamics(parseBayesInstance({ ...W7, priors: [unif(4), unif(4)] }, 'x.json'), { from: 'both' }), 'Q', /Q > 4/);
    const texp = { kind: 'truncated-exponential', rate: 0.2, low: 0, high: 16 };
    expectInputError(() => thresholdDynamics(parseBayesInstance({ ...W7, priors: [unif(), texp] }, 'x.json'), { from: 'both' }), 'priors[1].kind', /uniform/);
    expectInputError(() => thresholdDynamics(parseBayesInstance(W7, 'x.json'), { from: 'middle' as 'top' }), 'from');
    expectInputError(
      () => thresholdDynamics(parseBayesInstance({ ...W7, effortCost: [W7.effortCost[0], { kind: 'power', scale: 0, exponent: 2 }] }, 'x.json'), { from: 'both' }),
      'effortCost[1].scale',
    );
  });
});
