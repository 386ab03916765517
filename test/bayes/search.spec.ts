/**
 * Best-response search over report functions (src/bayes/best-response.ts, certificate.ts,
 * src/cli/bayes-search.ts): truthful reporting is an ex-post equilibrium of Algorithm 1 and of every
 * threshold rule priced at the threshold (seed 004, Thm 1; spec/004 §2.1), of full allocation and free
 * sharing (prices do not depend on the own report), and not of pay-as-reported, where the search finds
 * the closed-form gain max_q w²q̂(q_i − q̂)/(q_i(1 + wq̂)²), q̂ = max(q̄, q_i/(2 + wq_i))   [derived].
 */
import { expect } from 'chai';
import { bayesBestResponse, defaultGrid, profileGrid } from '../../src/bayes/best-response.js';
import { bayesCertify } from '../../src/bayes/certificate.js';
import { exPostUtility } from '../../src/bayes/evaluate.js';
import { searchMechanismByName } from '../../src/bayes/mechanisms.js';
import { bayesSearch, renderBayesSearch } from '../../src/cli/bayes-search.js';
import { rhoExact } from '../../src/theory/bayes/correlation.js';
import { payAsReported } from '../../src/theory/bayes/mechanisms.js';
import { builtinReportStrategies } from '../../strategies/bayes/index.js';
import { bayesFile, expectInputError, Q4, STAR, W4 } from './helpers.js';
import type { BayesGame } from '../../src/bayes/evaluate.js';

const IC = ['threshold-pricing', 'blind-threshold', 'full-allocation', 'free-sharing'];

/** sup over reports of pay-as-reported's ex-post gain at q (others truthful)   [derived, see the header]. */
function supGain(game: BayesGame, i: number, q: ArrayLike<number>): number {
  const { threshold } = payAsReported.allocate(i, q, { R: game.correlation, priors: game.priors, model: game.model });
  const qi = q[i];
  if (!(qi > threshold)) return 0;
  const w = 1 - rhoExact(game.correlation, i, q);
  const r = Math.max(threshold, qi / (2 + w * qi)); // argmax of w²r(q − r)/(q(1 + wr)²) on r ≥ q̄
  return (w * w * r * (qi - r)) / (qi * (1 + w * r) ** 2);
}

describe('bayes/search: IC mechanisms are ex-post equilibria (seed 004, Thm 1)', () => {
  for (const [label, game, profiles] of [['two-agent (W4)', W4, [Q4]], ['star ρ = 0.5', STAR, []]] as const) {
    for (const name of IC) {
      it(`${name} on ${label}: 'ex-post-equilibrium'`, () => {
        const c = bayesCertify(searchMechanismByName(name), game, builtinReportStrategies, { profiles, exAnte: false });
        expect(c.verdict).to.equal('ex-post-equilibrium');
        expect(c.deviation).to.equal(null);
        expect(c.agents).to.have.length(game.correlation.length);
        for (const a of c.agents) {
          expect(a.searched.map((f) => f.family)).to.deep.equal(['truthful', 'shade', 'constant', 'shift']);
          for (const f of a.searched) expect(f.gain).to.be.at.most(1e-9);
          expect(a.bestDeviation).to.equal(null);
        }
      });
    }
  }
});

describe('bayes/search: pay-as-reported has a profitable misreport', () => {
  const sup = (Math.sqrt(11) - 1) ** 2 / (10 * Math.sqrt(11)); // at q_i = 10, q_{−i} = 0: w = 1, q̂ = q̄ = √11 − 1
  it(`W4: gain ${sup.toFixed(7)} = (√11 − 1)²/(10√11) at q = (10, 0) by reporting √11 − 1; shade, constant and shift all find it`, () => {
    const c = bayesCertify(payAsReported, W4, builtinReportStrategies, { profiles: [Q4] });
    expect(c.verdict).to.equal('profitable-misreport');
    const d = c.deviation!;
    expect(d.agent).to.equal(0);
    expect(d.profile).to.deep.equal([10, 0]);
    expect(d.report).to.be.closeTo(Math.sqrt(11) - 1, 1e-8);
    expect(d.gain).to.be.closeTo(sup, 1e-9);
    // The grid optimum is the closed form's: the largest sup over the profiles.
    const grid = profileGrid(W4, 9, [Q4]);
    expect(grid).to.have.length(82);
    for (const a of c.agents) {
      const best = Math.max(...grid.map((q) => supGain(W4, a.agent, q)));
      expect(best).to.be.closeTo(sup, 1e-15);
      for (const f of a.searched) {
        if (f.family === 'truthful') {
          expect(f.gain).to.equal(0);
          continue;
        }
        expect(f.gain, f.family).to.be.closeTo(best, 1e-9);
        expect(f.gain!).to.be.at.most(best + 1e-15);
        // The reported gain is the closed form at the reported profile and report.
        expect(f.gain!).to.be.closeTo(exPostUtility(payAsReported, W4, a.agent, f.profile, f.report), 1e-15);
        expect(f.truthfulUtility).to.be.closeTo(0, 1e-15);
      }
      const shade = a.searched.find((f) => f.family === 'shade')!;
      expect(shade.params.factor).to.be.closeTo((Math.sqrt(11) - 1) / 10, 1e-8);
      expect(shade.exAnteGain!).to.be.above(0); // shading also pays in expectation
      expect(a.searched.find((f) => f.family === 'constant')!.exAnteGain).to.equal(null); // −∞: types near 0 reporting √11 − 1
    }
  });

  it('on the W4 profile alone, the search shades agent 1 to the threshold: factor 5/9, gain 4/45 = 0.0888889', () => {
    const shade = builtinReportStrategies.filter((f) => f.name === 'shade');
    const s = bayesBestResponse(payAsReported, W4, 0, shade, { exAnte: false }, [Float64Array.from(Q4)]);
    const f = s.searched[0];
    expect(f.params.factor).to.be.closeTo(5 / 9, 1e-9); // q̂ = q̄ = 20/9 at q = 4
    expect(f.report).to.be.closeTo(20 / 9, 1e-8);
    expect(f.gain).to.be.closeTo(4 / 45, 1e-9);
    expect(f.gain).to.be.at.most(supGain(W4, 0, Q4) + 1e-15);
    expect(supGain(W4, 0, Q4)).to.be.closeTo(4 / 45, 1e-15);
    expect(s.best).to.equal(f);
  });

  it('star: agent 1 (the centre) and the leaves all gain the same sup at (10, 0, 0)-type profiles', () => {
    const c = bayesCertify(payAsReported, STAR, builtinReportStrategies, { exAnte: false });
    expect(c.verdict).to.equal('profitable-misreport');
    expect(c.deviation!.gain).to.be.closeTo(sup, 1e-9);
    for (const a of c.agents) expect(a.bestDeviation!.gain).to.be.closeTo(sup, 1e-9);
  });
});

describe('bayes/search: certificate, CLI functions and bad input', () => {
  it('bayesSearch is deterministic, JSON-safe and renders a table', () => {
    const file = bayesFile('two-agent');
    const a = bayesSearch(file, 'pay-as-reported', { agents: [0], families: ['shade', 'constant'], grid: 5 });
    const b = bayesSearch(file, 'pay-as-reported', { agents: [0], families: ['shade', 'constant'], grid: 5 });
    expect(a).to.deep.equal(b);
    expect(JSON.parse(JSON.stringify(a))).to.deep.equal(a);
    expect(a.verdict).to.equal('profitable-misreport');
    const text = renderBayesSearch(a);
    expect(text).to.match(/pay-as-reported/);
    expect(text).to.match(/shade\s+factor=0\.231662/);
    expect(text).to.match(/verdict: profitable-misreport \(agent 0, /);
    const eq = renderBayesSearch(bayesSearch(file, 'threshold-pricing', { grid: 3, types: [4, 2 / 3] }));
    expect(eq).to.match(/verdict: ex-post-equilibrium/);
    expect(eq).to.match(/plus extra profiles/);
  });

  it('default grid: 9 points per agent, fewer when 9^n exceeds the budget', () => {
    expect(defaultGrid(2)).to.equal(9);
    expect(defaultGrid(4)).to.equal(9);
    expect(defaultGrid(5)).to.equal(7);
    expect(profileGrid(W4, 9)).to.have.length(81);
  });

  it('rejects bad input naming it', () => {
    const file = bayesFile('two-agent');
    expectInputError(() => bayesSearch(file, 'vcg'), 'mechanism');
    expectInputError(() => bayesSearch(file, 'threshold-pricing', { families: ['lie'] }), '--families');
    expectInputError(() => bayesSearch(file, 'threshold-pricing', { agents: [2] }), '--agents');
    expectInputError(() => bayesSearch(file, 'threshold-pricing', { grid: 1 }), '--grid');
    expectInputError(() => bayesSearch(file, 'threshold-pricing', { types: [4] }), '--types');
    expectInputError(() => bayesSearch('/nonexistent.json', 'threshold-pricing'), '/nonexistent.json');
    expectInputError(() => profileGrid(W4, 9, [[4, 11]]), 'profiles[0][1]');
    expectInputError(() => profileGrid(W4, 1000), 'grid');
  });
});
