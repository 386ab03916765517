/**
 * Report-strategy plugins of seed 004 (src/bayes/strategy.ts, strategies/bayes/): the info an agent
 * sees (information hiding), clipping to the support, params, and bad reports naming the plugin.
 */
import { expect } from 'chai';
import { bayesInfo, bayesInfoOf, bindReportStrategy, defineReportStrategy } from '../../src/bayes/strategy.js';
import { builtinReportStrategies } from '../../strategies/bayes/index.js';
import { expectInputError, Q4, W4 } from './helpers.js';

const byName = (name: string) => builtinReportStrategies.find((p) => p.name === name)!;

describe('bayes/strategy: report functions (spec/004 §8)', () => {
  it('lists truthful, shade, constant, shift', () => {
    expect(builtinReportStrategies.map((p) => p.name)).to.deep.equal(['truthful', 'shade', 'constant', 'shift']);
    for (const p of builtinReportStrategies) {
      expect(p.kind).to.equal('report-strategy');
      expect(p.description).to.be.a('string').that.is.not.empty;
      expect(p.source).to.be.a('string').that.is.not.empty;
    }
  });

  it("the info holds her index, support, n and model only: no other agent's type", () => {
    const info = bayesInfoOf(W4, 1);
    expect(info).to.deep.equal({ agent: 1, n: 2, low: 0, high: 10, model: 'exact' });
    expect(Object.isFrozen(info)).to.equal(true);
    // A plugin that records everything it is given sees q_i and this info, nothing else.
    const seen: unknown[][] = [];
    const spy = defineReportStrategy({ name: 'spy', description: 'records its inputs', source: 'test', params: {}, report: (...args: unknown[]) => (seen.push(args), args[1] as number) });
    bindReportStrategy(spy, {}, info).report(Q4[1]);
    expect(seen).to.have.length(1);
    const [params, q, got] = seen[0];
    expect(params).to.deep.equal({});
    expect(q).to.equal(Q4[1]);
    expect(JSON.stringify(got)).to.not.include(String(Q4[0]));
    expect(Object.keys(got as object).sort()).to.deep.equal(['agent', 'high', 'low', 'model', 'n']);
  });

  it('truthful, shade, constant, shift report as declared, clipped to the support', () => {
    const info = bayesInfo(2, 0, { low: 1, high: 10 }, 'exact');
    expect(bindReportStrategy(byName('truthful'), {}, info).report(4)).to.equal(4);
    expect(bindReportStrategy(byName('shade'), { factor: 0.5 }, info).report(4)).to.equal(2);
    expect(bindReportStrategy(byName('shade'), { factor: 3 }, info).report(4)).to.equal(10); // 12 clipped to high
    expect(bindReportStrategy(byName('shade'), { factor: 0 }, info).report(4)).to.equal(1); // 0 clipped to low
    expect(bindReportStrategy(byName('constant'), { value: 2.3 }, info).report(8)).to.equal(2.3);
    expect(bindReportStrategy(byName('constant'), {}, info).params).to.deep.equal({ value: 5.5 }); // default: mid-support
    expect(bindReportStrategy(byName('shift'), { delta: -5 }, info).report(4)).to.equal(1);
    expect(bindReportStrategy(byName('shift'), { delta: 1.5 }, info).report(4)).to.equal(5.5);
    expect(bindReportStrategy(byName('shift'), { delta: 9 }, info).report(4)).to.equal(10);
  });

  it('param ranges: shade factor ∈ [0, 3], constant value ∈ the support, errors name plugin.param', () => {
    const info = bayesInfoOf(W4, 0);
    expectInputError(() => bindReportStrategy(byName('shade'), { factor: 3.5 }, info), 'shade.factor');
    expectInputError(() => bindReportStrategy(byName('constant'), { value: 11 }, info), 'constant.value');
    expectInputError(() => bindReportStrategy(byName('shift'), { nope: 1 }, info), 'shift.nope');
  });

  it('a NaN or negative report is an InputError naming the plugin', () => {
    const info = bayesInfoOf(W4, 0);
    const nan = defineReportStrategy({ name: 'broken-nan', description: 'x', source: 'test', params: {}, report: () => NaN });
    const neg = defineReportStrategy({ name: 'broken-neg', description: 'x', source: 'test', params: {}, report: (_p, q) => -q - 1 });
    expectInputError(() => bindReportStrategy(nan, {}, info).report(3), 'broken-nan', /broken-nan.*NaN/);
    expectInputError(() => bindReportStrategy(neg, {}, info).report(3), 'broken-neg', /-4/);
    expectInputError(() => bayesInfoOf(W4, 2), 'agent');
  });
});
