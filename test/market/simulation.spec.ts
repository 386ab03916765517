/**
 * The simulated data marketplace (seed 003): Monte Carlo against the closed forms of spec/003 §2.4,
 * §3, §5.1 and the MC oracles of spec/003 §7.
 */
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMarketArena } from '../../src/engine/container.js';
import { loadMarket } from '../../src/market/model.js';
import { mstarTheory } from '../../src/theory/market/mstar.js';
import { mstarInputOf } from '../../src/market/mechanism.js';

const B_FILE = 'experiments/markets/example-b.json';
const A_FILE = 'experiments/markets/example-a.json';
const arena = createMarketArena();
const evaluateMarket = arena.evaluate.bind(arena);

function within(x: number, target: number, se: number, what: string): void {
  expect(se, `${what}: stderr`).to.be.greaterThan(0);
  expect(Math.abs(x - target), `${what}: ${x} vs ${target} (se ${se})`).to.be.at.most(4 * se);
}

describe('market simulation (seed 003)', function () {
  this.timeout(60_000);
  const exB = loadMarket(B_FILE);
  const thB = mstarTheory(mstarInputOf(exB));

  it('Example B under s*: E[p_j] = q_j+, E[π_i] = c_iN_i* + W N_i*/N+, E[Δ²] = V at μ = 0 and μ = 37.5; BB ≤ 1e-12 every round', () => {
    const r = evaluateMarket('market', exB, { rounds: 20_000, seed: 3, mus: [0, 37.5] });
    expect(r.perMu.map((p) => p.mu)).to.deep.equal([0, 37.5]);
    for (const p of r.perMu) {
      thB.buyers.forEach((b, j) => within(p.price[j] as number, b.expectedPrice, p.priceStderr[j] as number, `E p_${j} at μ=${p.mu}`));
      [0, 1].forEach((i) => within(p.payment[i] as number, thB.contributors[i]!.expectedPayment, p.paymentStderr[i] as number, `E π_${i} at μ=${p.mu}`));
      expect(p.payment[2]).to.equal(0); // π_i = 0 for i ≥ 3 (eq. (15))
    }
    for (const d of r.deltaSquared!) within(d.mean, 1.0625, d.stderr, `E Δ² at μ=${d.mu}`); // spec/003 §4: V = 1.0625
    expect(r.budget.maxAbsResidual).to.be.at.most(1e-12);
    // the closed forms beside the MC: u^c = (1.247920, 0.077995, 0)
    expect(r.contributors.map((c) => c.theory)).to.satisfy((t: number[]) => Math.abs(t[0]! - 1.24792) < 1e-6 && Math.abs(t[1]! - 0.077995) < 1e-6 && t[2] === 0);
    r.contributors.slice(0, 2).forEach((c) => within(c.utility, c.theory as number, c.stderr, `u_${c.agent}`));
    // realised buyer values from actual subsets have mean v_j^d(m_j) (spec/003 §7)
    r.buyers.forEach((b) => within(b.simulatedValue as number, b.valueIfTruthful, b.simulatedValueStderr as number, `value of buyer ${b.buyer}`));
  });

  it('off path the residual Σπ − Σp is the derived constant of spec/003 §3 in every round', () => {
    // Contributor 1 submits 15 of 17 points: I = (0, 1), residual +N_1*N_2*(c_2 − c_1)/N+ = +0.009412.
    const a = evaluateMarket('market', exB, { rounds: 500, seed: 4, deviation: { name: 'truncate', params: { n: 16, keep: 15 } } });
    expect(a.budget.minResidual).to.be.closeTo(thB.budget.i01, 1e-12);
    expect(a.budget.maxResidual).to.be.closeTo(thB.budget.i01, 1e-12);
    expect(thB.budget.i01).to.be.closeTo((16 * 1 * 0.01) / 17, 1e-12);
    // Contributor 2 submits 2 points: I = (1, 0), residual −0.009412 (broker surplus).
    const b = evaluateMarket('market', exB, { rounds: 500, seed: 4, deviator: 1, deviation: { name: 'collect', params: { n: 2 } } });
    expect(b.budget.minResidual).to.be.closeTo(thB.budget.i10, 1e-12);
    expect(b.budget.maxResidual).to.be.closeTo(-(16 * 1 * 0.01) / 17, 1e-12);
  });

  it('naive payments: fabricating N_i* points at n = 0 gains exactly c_iN_i*; under M* it loses in the worst case over μ', () => {
    for (const [agent, gain] of [[0, 0.16], [1, 0.02]] as const) {
      const rec = evaluateMarket('market-naive', exB, { rounds: 1000, seed: 5, deviator: agent });
      const fab = evaluateMarket('market-naive', exB, { rounds: 1000, seed: 5, deviator: agent, deviation: { name: 'fabricate', params: { n: 0 } } });
      expect(fab.mus.length).to.be.greaterThan(1); // not equivariant: scored on the ±10³σ grid
      const d = fab.contributors[agent]!.utility - rec.contributors[agent]!.utility;
      // Payments depend on sizes only, so the MC difference is exact up to rounding (SE ~ 1e-9).
      expect(Math.abs(d - gain)).to.be.at.most(4 * fab.contributors[agent]!.stderr + 1e-9);
      expect(fab.contributors[agent]!.theory).to.be.closeTo(rec.contributors[agent]!.theory! + gain, 1e-12);
    }
    // market-single: the lone collector fabricates N+ points and gains c_1N+ = 0.17 (Claim 6).
    const single = evaluateMarket('market-single', exB, { rounds: 500, seed: 5, deviation: { name: 'fabricate', params: { n: 0 } } });
    expect(single.contributors[0]!.utility).to.be.closeTo(1.335915 + 0.17, 1e-6);
    // Under M* the same fabrication looks good at its guess μ = 0 but is ruinous on the grid.
    const mstar = evaluateMarket('market', exB, { rounds: 2000, seed: 5, deviation: { name: 'fabricate', params: { n: 0 } } });
    const c = mstar.contributors[0]!;
    expect(c.utility + 4 * c.stderr).to.be.lessThan(1.24792);
    expect(Math.abs(c.worstMu)).to.equal(1000);
    expect(c.theory).to.equal(null);
  });

  it('under M* collecting fewer points or shrinking lowers the inf-over-μ utility (spec/003 §5.1)', () => {
    const rec = evaluateMarket('market', exB, { rounds: 4000, seed: 6 }).contributors[0]!;
    const few = evaluateMarket('market', exB, { rounds: 4000, seed: 6, deviation: { name: 'collect', params: { n: 8 } } }).contributors[0]!;
    // wrong size: −d_1(σ²/8 + σ²/1) − 8c_1 = −2.96
    expect(few.theory).to.be.closeTo(-2.96, 1e-12);
    within(few.utility, -2.96, few.stderr, 'collect 8');
    expect(few.utility + 4 * few.stderr).to.be.lessThan(rec.utility - 4 * rec.stderr);
    // f_b: 8 real points padded with 8 copies of their mean: u* − c_1(8 − 16)²/8 = 1.167920
    const pad = evaluateMarket('market', exB, { rounds: 4000, seed: 6, deviation: { name: 'pad', params: { n: 8, extra: 8 } } }).contributors[0]!;
    expect(pad.theory).to.be.closeTo(1.16792, 1e-6);
    within(pad.utility, pad.theory as number, pad.stderr, 'pad 8+8');
    const shrink = evaluateMarket('market', exB, { rounds: 1000, seed: 6, deviation: { name: 'shrink', params: { lambda: 0.9 } } }).contributors[0]!;
    expect(shrink.utility + 4 * shrink.stderr).to.be.lessThan(rec.utility - 4 * rec.stderr);
  });

  it('is deterministic: the same seed gives identical JSON, another seed does not', () => {
    const run = (seed: number) => JSON.stringify(evaluateMarket('market', exB, { rounds: 300, seed, deviation: { name: 'fabricate', params: { guess: 0.1 } } }));
    expect(run(9)).to.equal(run(9));
    expect(run(9)).to.not.equal(run(10));
  });

  it('keeps the file order with unsorted costs, and a closed market asks for nothing and pays nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-market-sim-'));
    const shuffled = join(dir, 'shuffled.json');
    writeFileSync(shuffled, JSON.stringify({ sigma: 1, costs: [0.2, 0.04, 0.1], buyers: [{ kind: 'gaussian', a: 1, r: 1 }] }));
    const s = evaluateMarket('market', loadMarket(shuffled), { rounds: 4000, seed: 1 });
    expect(s.split).to.deep.equal([0, 2, 1]);
    expect(s.contributors[1]!.theory).to.be.closeTo(0.45735, 1e-6);
    within(s.contributors[1]!.utility, 0.45735, s.contributors[1]!.stderr, 'cheapest, second in file');
    const poor = join(dir, 'poor.json');
    writeFileSync(poor, JSON.stringify({ sigma: 1, costs: [0.5, 0.9], buyers: [{ kind: 'gaussian', a: 0.3, r: 1 }] }));
    const c = evaluateMarket('market', loadMarket(poor), { rounds: 50, seed: 1, deviation: { name: 'collect', params: { n: 3 } } });
    expect(c.marketOpen).to.equal(false);
    expect(c.split).to.deep.equal([0, 0]);
    expect(c.buyers[0]!.expectedPrice).to.equal(0);
    expect(c.contributors[0]!.utility).to.be.closeTo(-1.5, 1e-12); // collects 3 at 0.5, is paid 0
    expect(c.contributors[1]!.utility).to.equal(0);
  });
});

describe('arena evaluate market (CLI)', function () {
  this.timeout(60_000);
  it('prints the report as JSON', async () => {
    const { runCli } = await import('../helpers.js');
    const r = await runCli(['evaluate', 'market', '--instance', A_FILE, '--rounds', '2000', '--seed', '1', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    for (const k of ['mechanism', 'split', 'contributors', 'buyers', 'budget', 'mus', 'deltaSquared', 'perMu']) expect(j, k).to.have.property(k);
    expect(j.split).to.deep.equal([2, 1, 0]);
    expect(j.contributors[0].theory).to.be.closeTo(0.45735, 1e-6);
    within(j.contributors[0].utility, 0.45735, j.contributors[0].stderr, 'Example A u_1');
    expect(j.buyers[0].theoryPrice).to.be.closeTo(Math.sqrt(3 / 4), 1e-12);
    expect(j.buyers[0].valueAssumesTruthful).to.equal(true);
    expect(j.budget.maxAbsResidual).to.be.at.most(1e-12);
  });

  it('exits 2 naming --deviation for an unknown strategy or parameter', async () => {
    const { runCli } = await import('../helpers.js');
    for (const dev of ['nosuch', 'collect:m=3', 'collect:n=-1']) {
      const r = await runCli(['evaluate', 'market', '--instance', A_FILE, '--rounds', '10', '--seed', '1', '--deviation', dev]);
      expect(r.code, dev).to.equal(2);
      expect(r.err, dev).to.include('--deviation');
    }
    const agent = await runCli(['evaluate', 'market', '--instance', A_FILE, '--rounds', '10', '--seed', '1', '--agent', '3']);
    expect(agent.code).to.equal(2);
    expect(agent.err).to.include('--agent');
  });
});

describe('fit-and-resample (spec/003 §5.1)', function () {
  this.timeout(60_000);
  const arena = createMarketArena();
  const exB = arena.load('experiments/markets/example-b.json');
  it('collect 16, submit 16 draws from N(μ̂, σ²): u_1 − u_1* = −c_1(n² − nN + N²)/n = −0.16, closed form and Monte Carlo', () => {
    const r = arena.evaluate('market', exB, { rounds: 20_000, seed: 11, deviation: { name: 'resample', params: { n: 16, count: 16 } } });
    const c = r.contributors[0]!;
    expect(c.theory!).to.be.closeTo(1.24792 - 0.16, 1e-6); // spec/003 §5.1 table: n = 16 gives −0.16
    expect(Math.abs(c.utility - c.theory!)).to.be.below(4 * c.stderr);
  });
});
