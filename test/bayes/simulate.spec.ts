/**
 * The seed-004 Monte Carlo engine (src/bayes/simulate.ts) against the closed forms: the project's
 * standard is MC within 4 standard errors of the closed form at a fixed seed, with enough rounds that
 * a real bug fails. Standard errors at the round counts used here (realised value 1 − e², e ~ N(0, 1 − v),
 * has sd √2·(1 − v)):
 *   - W4 truthful, 200 000 rounds: SE(v_1) ≈ 0.00062, SE(v_2) ≈ 0.0017;
 *   - W4 with q̂_2 = 3, 200 000 rounds: SE(v_2) ≈ 0.0026. Using the true q instead of q̂ in the
 *     estimator gives v_2 = 0.478 (≈ 115 SE off); drawing the noise with 1/q̂ gives v(q̂) = 0.765;
 *   - star ρ = 0.5, drawn types, 200 000 rounds: SE(payment) ≈ 0.00062, SE(utility) ≈ 0.00048,
 *     SE(value) ≈ 0.0009; e.g. charging the price without allocation would be off by ≈ 200 SE;
 *   - q_2 = 0 (signal dropped), 100 000 rounds: v = (0.8, 0.2) with SE ≈ 0.0009, 0.0025; a signal
 *     that is not dropped gives NaN.
 */
import { expect } from 'chai';
import { bayesEvaluate, renderBayesEvaluate } from '../../src/cli/bayes-evaluate.js';
import { type SimStat, simulateBayes } from '../../src/bayes/simulate.js';
import { exAnteGain } from '../../src/bayes/evaluate.js';
import { bayesInfoOf, bindReportStrategy, defineReportStrategy, type ReportStrategyPlugin } from '../../src/bayes/strategy.js';
import type { BayesInstance } from '../../src/theory/bayes/instance-file.js';
import { expectedOutcome } from '../../src/theory/bayes/expected.js';
import { thresholdPricing } from '../../src/theory/bayes/mechanisms.js';
import { valueMisreport } from '../../src/theory/bayes/value.js';
import constant from '../../strategies/bayes/constant.js';
import shade from '../../strategies/bayes/shade.js';
import truthful from '../../strategies/bayes/truthful.js';
import { bayesFile, expectInputError, Q4, STAR, W4 } from './helpers.js';

const plugin = (p: unknown): ReportStrategyPlugin => p as ReportStrategyPlugin;
const truthfulProfile = (inst: BayesInstance) => Array.from({ length: inst.n }, (_, i) => bindReportStrategy(plugin(truthful), {}, bayesInfoOf(inst, i)));

/** |MC − theory| ≤ 4 SE (a zero SE, e.g. a constant payment, needs agreement to rounding). */
function within4(stat: SimStat, theory: number | null, what: string): void {
  expect(theory, `${what}: theory`).to.be.a('number');
  const t = theory as number;
  expect(stat.mean, `${what}: mean`).to.be.finite;
  if (stat.standardError === 0) {
    expect(stat.mean, what).to.be.closeTo(t, 1e-12);
    return;
  }
  expect(stat.standardError, `${what}: SE`).to.be.greaterThan(0);
  const z = (stat.mean - t) / stat.standardError;
  expect(Math.abs(z), `${what}: MC ${stat.mean} ± ${stat.standardError} vs ${t} (z = ${z.toFixed(2)})`).to.be.at.most(4);
}

describe('bayes Monte Carlo engine (simulateBayes, spec/004 §8)', () => {
  it('(a) W4 fixed types q = (4, 2/3), truthful: MC values match v_i(q) = (0.8043478, 0.4782609)', () => {
    const r = simulateBayes(W4, thresholdPricing, truthfulProfile(W4), { rounds: 200_000, seed: 4, types: Q4 });
    expect(r.types).to.equal('fixed');
    expect(r.agents[0].theoryValue).to.be.closeTo(0.8043478, 1e-7); // spec/004 §4 W4
    expect(r.agents[1].theoryValue).to.be.closeTo(0.4782609, 1e-7);
    within4(r.agents[0].value, 0.8043478, 'v_1');
    within4(r.agents[1].value, 0.4782609, 'v_2');
    expect(r.agents[0].value.standardError).to.be.below(0.001);
    expect(r.agents[1].value.standardError).to.be.below(0.002);
    // agent 1 allocated at 0.7, agent 2 not: U = (0.1043478, 0), revenue 0.7   (spec/004 §4 W4)
    within4(r.agents[0].utility, 0.1043478, 'U_1');
    expect(r.agents[1].utility).to.deep.equal({ mean: 0, standardError: 0 });
    expect(r.agents[0].allocation.mean).to.equal(1);
    expect(r.agents[1].allocation.mean).to.equal(0);
    expect(r.revenue.mean).to.be.closeTo(0.7, 1e-12);
    within4(r.accuracy, r.theoryAccuracy, 'accuracy');
    expect(r.theoryAccuracy).to.be.closeTo(0.8043478 + 0.4782609 - 2, 1e-6);
  });

  it('(b) W4, agent 2 reports q̂_2 = 3: MC value 0.1833910 and utility −0.5184666 (spec/004 §4 W4)', () => {
    const profile = [bindReportStrategy(plugin(truthful), {}, bayesInfoOf(W4, 0)), bindReportStrategy(plugin(constant), { value: 3 }, bayesInfoOf(W4, 1))];
    const r = simulateBayes(W4, thresholdPricing, profile, { rounds: 200_000, seed: 5, types: Q4 });
    expect(r.reports).to.deep.equal([4, 3]);
    const a = r.agents[1];
    expect(a.theoryValue).to.be.closeTo(0.183391, 1e-6);
    expect(a.theoryUtility).to.be.closeTo(-0.5184666, 1e-6);
    within4(a.value, 0.183391, 'v_2(q, q̂)');
    within4(a.utility, -0.5184666, 'U_2');
    expect(a.value.standardError).to.be.below(0.003);
    expect(a.payment.mean).to.be.closeTo(0.7018576, 1e-6);
    // agent 1 is hurt by the mis-weighted signal too: v_1(q, q̂) by the matrix formula   (spec/004 §1.3)
    within4(r.agents[0].value, valueMisreport(W4.correlation, 0, Q4, [4, 3]), 'v_1(q, q̂)');
    within4(r.agents[0].utility, r.agents[0].theoryUtility, 'U_1');
    within4(r.accuracy, r.theoryAccuracy, 'accuracy');
  });

  it('drops a q̂ = 0 signal: W4 with q = (4, 0) truthful gives v = (α_1, 0.25 α_1) = (0.8, 0.2)', () => {
    const r = simulateBayes(W4, thresholdPricing, truthfulProfile(W4), { rounds: 100_000, seed: 6, types: [4, 0] });
    expect(r.agents[0].theoryValue).to.be.closeTo(0.8, 1e-12); // ρ = 0: v = α   (spec/004 §1.3)
    expect(r.agents[1].theoryValue).to.be.closeTo(0.2, 1e-12); // v_2 = σ_12² α_1 (n = 2 example)
    within4(r.agents[0].value, 0.8, 'v_1');
    within4(r.agents[1].value, 0.2, 'v_2');
  });

  it('(c) star ρ = 0.5, drawn types, truthful: payments and utilities match expectedOutcome', () => {
    const e = expectedOutcome(thresholdPricing, STAR.correlation, STAR.priors, STAR.model);
    const r = simulateBayes(STAR, thresholdPricing, truthfulProfile(STAR), { rounds: 200_000, seed: 8 });
    expect(r.types).to.equal('drawn');
    expect(r.theory).to.equal('expected-outcome');
    expect(e.agents[0].payment).to.be.closeTo(0.580882, 1e-6); // spec/004 §4 W6, ρ = 0.5
    expect(e.agents[1].payment).to.be.closeTo(0.557483, 1e-6);
    r.agents.forEach((a, i) => {
      expect(a.payment.standardError).to.be.below(0.001);
      within4(a.payment, e.agents[i].payment, `E p_${i + 1}`);
      within4(a.utility, e.agents[i].utility, `E U_${i + 1}`);
      within4(a.allocation, e.agents[i].allocationProbability, `P(x_${i + 1})`);
      within4(a.value, a.theoryValue, `E v_${i + 1}`);
    });
    // E[v_i] under free sharing (spec/004 §5: 0.802983, 0.783300)
    expect(r.agents[0].theoryValue).to.be.closeTo(0.802983, 1e-6);
    expect(r.agents[1].theoryValue).to.be.closeTo(0.7833, 1e-6);
    within4(r.revenue, e.revenue, 'revenue');
    within4(r.accuracy, r.theoryAccuracy, 'accuracy');
  });

  it('drawn types, agent 1 shading by 0.5: MC utility matches the ex-ante deviation utility', () => {
    const profile = truthfulProfile(STAR);
    profile[0] = bindReportStrategy(plugin(shade), { factor: 0.5 }, bayesInfoOf(STAR, 0));
    const r = simulateBayes(STAR, thresholdPricing, profile, { rounds: 100_000, seed: 9 });
    expect(r.theory).to.equal('ex-ante-deviation');
    within4(r.agents[0].utility, exAnteGain(thresholdPricing, STAR, profile[0]).deviation, 'E U_1 (shade 0.5)');
    expect(r.agents[1].theoryUtility).to.equal(null);
  });

  it('(d) the same seed gives byte-identical JSON; another seed differs', () => {
    const run = (seed: number, types?: number[]) => JSON.stringify(simulateBayes(STAR, thresholdPricing, truthfulProfile(STAR), { rounds: 3000, seed, types }));
    expect(run(11)).to.equal(run(11));
    expect(run(11)).to.not.equal(run(12));
    expect(run(11, [2, 3, 5])).to.equal(run(11, [2, 3, 5]));
    expect(run(11, [2, 3, 5])).to.not.equal(run(12, [2, 3, 5]));
  });

  it('(e) a report strategy returning NaN or a negative number is an InputError naming the plugin', () => {
    for (const [name, out] of [['nan-report', NaN], ['negative-report', -1]] as const) {
      const bad = defineReportStrategy({ name, description: 'broken', source: 'test', params: {}, report: () => out });
      const profile = truthfulProfile(W4);
      profile[1] = bindReportStrategy(plugin(bad), {}, bayesInfoOf(W4, 1));
      expectInputError(() => simulateBayes(W4, thresholdPricing, profile, { rounds: 10, seed: 1 }), name, /returned/);
      expectInputError(() => simulateBayes(W4, thresholdPricing, profile, { rounds: 10, seed: 1, types: Q4 }), name, /returned/);
    }
  });

  it('rejects bad options with InputErrors', () => {
    const p = truthfulProfile(W4);
    expectInputError(() => simulateBayes(W4, thresholdPricing, p, { rounds: 1, seed: 1 }), 'rounds');
    expectInputError(() => simulateBayes(W4, thresholdPricing, p, { rounds: 10, seed: NaN }), 'seed');
    expectInputError(() => simulateBayes(W4, thresholdPricing, p, { rounds: 10, seed: 1, types: [4] }), 'types');
    expectInputError(() => simulateBayes(W4, thresholdPricing, p, { rounds: 10, seed: 1, types: [4, 11] }), 'types[1]');
    expectInputError(() => simulateBayes(W4, thresholdPricing, [p[0]], { rounds: 10, seed: 1 }), 'profile');
    expectInputError(() => simulateBayes(W4, thresholdPricing, [p[1], p[0]], { rounds: 10, seed: 1 }), 'profile[0]');
  });
});

describe('bayesEvaluate / renderBayesEvaluate (arena evaluate for seed-004 files)', () => {
  it('reports the W4 misreport with z-scores and renders a table', () => {
    const rep = bayesEvaluate(bayesFile('two-agent'), 'threshold-pricing', { rounds: 20_000, seed: 3, types: Q4, deviation: { name: 'constant', params: { value: 3 } }, agent: 1 });
    const agents = rep.agents as { theoryValue: number; z: { value: number } }[];
    expect(agents[1].theoryValue).to.be.closeTo(0.183391, 1e-6);
    expect(Math.abs(agents[1].z.value)).to.be.at.most(4);
    expect(rep.deviation).to.deep.equal({ agent: 1, name: 'constant', params: { value: 3 } });
    expect(JSON.parse(JSON.stringify(rep))).to.deep.equal(rep); // JSON-safe
    const text = renderBayesEvaluate(rep);
    expect(text).to.match(/Monte Carlo evaluation: threshold-pricing/);
    expect(text).to.match(/constant/);
    expect(text).to.match(/revenue/);
  });

  it('validates names and options', () => {
    const f = bayesFile('two-agent');
    expectInputError(() => bayesEvaluate(f, 'nope', { rounds: 10, seed: 1 }), 'mechanism');
    expectInputError(() => bayesEvaluate(f, 'threshold-pricing', { rounds: 10, seed: 1, deviation: { name: 'nope' } }), '--deviation');
    expectInputError(() => bayesEvaluate(f, 'threshold-pricing', { rounds: 10, seed: 1, deviation: { name: 'shade' }, agent: 2 }), '--agent');
    expectInputError(() => bayesEvaluate(f, 'threshold-pricing', { rounds: 10, seed: 1, types: [1, 2, 3] }), '--types');
    expectInputError(() => bayesEvaluate(f, 'threshold-pricing', { rounds: 0, seed: 1 }), '--rounds');
    expectInputError(() => bayesEvaluate(f, 'threshold-pricing', { rounds: 10, seed: 1, deviation: { name: 'shade', params: { factor: 9 } } }), 'shade.factor');
  });
});
