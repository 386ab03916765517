/**
 * Best-response search in the data marketplace (seed 003; issue #6 item 4): M* is an ε-equilibrium on
 * Example B, the naive quantity payment and the single-collector baseline are not (spec/003 §2.5, §5).
 */
import { expect } from 'chai';
import { marketCertify, type MarketAgentCertificate, type MarketCertificate } from '../../src/market/certificate.js';
import { loadMarket } from '../../src/market/model.js';
import { createMarketArena } from '../../src/engine/container.js';
import { runCli } from '../helpers.js';

const B_FILE = 'experiments/markets/example-b.json';
const arena = createMarketArena();
const FAMILIES = ['collect', 'fabricate', 'pad', 'bias', 'truncate'];

function agent(c: MarketCertificate, i: number): MarketAgentCertificate {
  const a = c.agents.find((x) => x.agent === i);
  expect(a, `contributor ${i} searched`).to.not.equal(undefined);
  return a as MarketAgentCertificate;
}

function covers(ci: readonly [number, number], x: number, what: string): void {
  // 1e-9 only absorbs floating-point sums of a deterministic gain (zero-variance differences)
  expect(ci[0], `${what}: lower bound ${ci[0]} ≤ ${x}`).to.be.at.most(x + 1e-9);
  expect(ci[1], `${what}: upper bound ${ci[1]} ≥ ${x}`).to.be.at.least(x - 1e-9);
}

describe('market best-response search (seed 003)', function () {
  this.timeout(60_000);
  const exB = loadMarket(B_FILE);

  it('M* on Example B: ε-equilibrium; nobody gains, fabrication is judged at its worst μ', () => {
    const c = marketCertify(arena, 'market', exB, { seed: 1, families: FAMILIES });
    expect(c.split).to.deep.equal([16, 1, 0]);
    expect(c.agents.map((a) => a.agent)).to.deep.equal([0, 1, 2]); // both collectors and contributor 3
    expect(c.verdict).to.equal('epsilon-equilibrium');
    // u^c = (1.247920, 0.077995, 0): ε must be small even against the smaller collector's utility
    expect(agent(c, 0).baselineUtility).to.be.closeTo(1.24792, 1e-6);
    expect(agent(c, 1).baselineUtility).to.be.closeTo(0.077995, 1e-6);
    expect(c.epsilon).to.be.a('number').and.to.be.at.most(0.01 * 0.077995);
    expect(c.agents.flatMap((a) => a.searched.map((f) => f.family))).to.include.members(FAMILIES);
    for (const a of c.agents) {
      expect(a.ci[0], `contributor ${a.agent}: no significant gain`).to.be.at.most(0);
      for (const f of a.searched) expect(f.gain, `${a.agent}/${f.family}`).to.be.at.most(0.01 * 0.077995);
    }
    // fabrication has no closed form under M* (sup_μ MSE = ∞): Monte Carlo on the μ grid ruins the fabricator
    for (const i of [0, 1]) {
      const fab = agent(c, i).searched.find((f) => f.family === 'fabricate')!;
      expect(fab.source).to.equal('monte-carlo');
      expect(fab.gain).to.be.below(-1);
    }
    // contributor 3 is paid nothing: the best she can do is collect nothing
    expect(agent(c, 2).gain).to.equal(0);
    expect(agent(c, 2).searched.find((f) => f.family === 'collect')!.params).to.deep.equal({ n: 0 });
  });

  it('market-naive on Example B: contributor 1 fabricates (n = 0) and gains c_1N_1* = 0.16', () => {
    const c = marketCertify(arena, 'market-naive', exB, { seed: 2, families: FAMILIES });
    expect(c.verdict).to.equal('profitable-deviation');
    expect(c.epsilon).to.equal(null);
    const a = agent(c, 0);
    expect(a.bestDeviation?.family).to.equal('fabricate');
    expect(a.bestDeviation?.params['n']).to.equal(0);
    expect(a.bestDeviation?.params['count']).to.equal(16); // the size check |Y_1| = N_1* is all that is paid for
    expect(a.gain).to.be.closeTo(0.16, 1e-6);
    expect(a.estimatedGain).to.be.closeTo(0.16, 1e-12);
    covers(a.ci, 0.16, 'contributor 1');
    expect(a.ci[0]).to.be.above(0);
    expect(agent(c, 1).gain).to.be.closeTo(0.02, 1e-6); // c_2N_2* = 0.02 · 1
    expect(agent(c, 2).ci[0]).to.be.at.most(0);
  });

  it('market-single on Example B: the collector is paid whatever she submits, gain c_1N+ = 0.17', () => {
    const c = marketCertify(arena, 'market-single', exB, { seed: 3, families: FAMILIES });
    expect(c.split).to.deep.equal([17, 0, 0]);
    expect(c.verdict).to.equal('profitable-deviation');
    const a = agent(c, 0);
    expect(a.bestDeviation?.params['n']).to.equal(0); // collects nothing
    expect(a.gain).to.be.closeTo(0.17, 1e-6);
    covers(a.ci, 0.17, 'collector');
    const fab = a.searched.find((f) => f.family === 'fabricate')!;
    expect(fab.params['n']).to.equal(0);
    expect(fab.gain).to.be.closeTo(0.17, 1e-12);
    // collect n = 0 ties with fabrication and is listed first; searched alone, fabrication is the certificate
    const only = marketCertify(arena, 'market-single', exB, { seed: 3, families: ['fabricate'], agents: [0] });
    expect(only.verdict).to.equal('profitable-deviation');
    expect(only.agents[0]!.bestDeviation?.family).to.equal('fabricate');
    expect(only.agents[0]!.gain).to.be.closeTo(0.17, 1e-6);
    covers(only.agents[0]!.ci, 0.17, 'fabricating collector');
    expect(agent(c, 1).ci[0]).to.be.at.most(0);
  });

  it('CLI: arena search market-naive --instance FILE --json', async () => {
    const r = await runCli(['search', 'market-naive', '--instance', B_FILE, '--families', 'collect,fabricate', '--agents', '0,2', '--seed', '4', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out) as MarketCertificate;
    expect(j.verdict).to.equal('profitable-deviation');
    expect(j.agents.map((a) => a.agent)).to.deep.equal([0, 2]);
    expect(j.agents[0]!.bestDeviation).to.deep.include({ family: 'fabricate' });
    expect(j.agents[0]!.gain).to.be.closeTo(0.16, 1e-6);
    covers(j.agents[0]!.ci, 0.16, 'CLI contributor 1');
    expect(j.agents[1]!.gain).to.equal(0);
    const text = await runCli(['search', 'market', '--instance', B_FILE, '--families', 'collect,bias', '--agents', '1']);
    expect(text.code, text.err).to.equal(0);
    expect(text.out).to.match(/verdict: epsilon-equilibrium/);
    const bad = await runCli(['search', 'market', '--instance', B_FILE, '--agents', '3']);
    expect(bad.code).to.not.equal(0);
    expect(bad.err).to.match(/--agents/);
  });
});
