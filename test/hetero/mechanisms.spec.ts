import { expect } from 'chai';
import { bindHeteroStrategy } from '../../src/hetero/agent-strategy.js';
import { HeteroOutcome, HeteroRoundPlayer } from '../../src/hetero/round-player.js';
import { StreamFactory } from '../../src/random/index.js';
import { cblCaseCPenalty } from '../../src/theory/heterogeneous/cbl.js';
import { FIG1, H52, H54, H55, heteroArena, setting, within4 } from './helpers.js';

const arena = heteroArena();

/** Mean and SE over rounds of the per-round average of `agents`' squared errors at a fixed μ. */
function errorAt(s: typeof H55, mechanism: string, mu: number[], rounds: number, agents: number[], seed = 11, deviation?: { strategy: string; params: Record<string, number> }) {
  const run = arena.setup(mechanism, s);
  const profile = arena.profile(s.instance, run, deviation, agents[0]);
  const player = new HeteroRoundPlayer(s.instance, run, profile, new StreamFactory(seed), 'mc');
  const out = new HeteroOutcome(s.instance.m);
  let sum = 0;
  let sumSq = 0;
  for (let r = 0; r < rounds; r++) {
    player.play(r, Float64Array.from(mu), out);
    let v = 0;
    for (const i of agents) v += out.sqErr[i];
    v /= agents.length;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / rounds;
  return { mean, se: Math.sqrt((sumSq / rounds - mean * mean) / (rounds - 1)) };
}

describe('sm: pool everything (seed 001, Fact 2)', () => {
  it('has E(μ̂_k − μ_k)² = σ²/N_k with compliant agents (Monte Carlo, Fig. 1 at the integer allocation)', () => {
    const run = arena.setup('sm', FIG1);
    const N = run.nRecommended.reduce((s, row) => s + row[0], 0);
    expect(run.nRecommended.map((r) => r[0])).to.deep.equal([72, 7, 0]); // ⌈n^OPT⌉ of spec/001 §5.1
    const e = errorAt(FIG1, 'sm', [-4.2], 20000, [0]);
    expect(within4(e.mean, 100 / N, e.se), `${e.mean} ± ${e.se} vs ${100 / N}`).to.equal(true);
  });

  it('reports the closed form beside each agent, and the free-riding deviation of §5.1', () => {
    const r = arena.evaluate('sm', FIG1, { rounds: 8000, seed: 5, deviation: { strategy: 'collect', params: { k: 0, n: 0 } }, deviator: 1 });
    const a = r.agents[1];
    expect(a.theory).to.be.closeTo(100 / 72, 1e-12); // σ²/(N − n_2) at the integer amounts
    expect(within4(a.penalty, a.theory as number, a.stderr)).to.equal(true);
    const run = arena.setup('sm', FIG1);
    const paper = (p: ReturnType<typeof run.theory.penalty>) => p as number;
    const gain = paper(run.theory.penalty({ strategy: 'recommended', params: {} }, 1, { continuous: true })) - paper(run.theory.penalty({ strategy: 'collect', params: { k: 0, n: 0 } }, 1, { continuous: true }));
    expect(gain).to.be.closeTo(0.320244, 1e-6); // spec/001 §5.1 and §8 item 10
    expect(paper(run.theory.penalty({ strategy: 'collect', params: { k: 0, n: 0 } }, 1, { continuous: true }))).to.be.closeTo(1.405058, 1e-6);
  });

  it('spec/001 erratum 5: de-biasing her own fakes with N counting them recovers the honest pooled mean, round by round', () => {
    // Under M_SM, h = (N·I − ΣY_i)/(N − |Y_i|) with N the total submitted count including her fakes is the others' mean
    // exactly; pooled with her real X it is the estimate of an honest agent. With N = Σ_{j≠i} n_j (as printed) it is not.
    const honest = errorAt(FIG1, 'sm', [2.5], 300, [1], 31, { strategy: 'collect', params: { k: 0, n: 7 } });
    const debiased = errorAt(FIG1, 'sm', [2.5], 300, [1], 31, { strategy: 'debias', params: { k: 0, n: 7, extra: 30 } });
    expect(debiased.mean).to.be.closeTo(honest.mean, 1e-9 * honest.mean);
    const padded = errorAt(FIG1, 'sm', [2.5], 300, [1], 31, { strategy: 'pad', params: { k: 0, n: 7, extra: 30 } });
    expect(padded.mean).to.be.greaterThan(honest.mean); // accepting the contaminated mean instead costs her
  });

  it('handles d = 2 with infinite costs (the Thm 4 instance, m = 4), with uniform noise too', () => {
    const inst = { sigma: 1, costs: [[1, Infinity], [Infinity, 1], [Infinity, 1], [Infinity, 1]] };
    const n = [[2, 0], [0, 1], [0, 1], [0, 2]];
    for (const noise of ['gaussian', 'uniform'] as const) {
      const s = setting(inst, n, 'thm4', noise);
      const r = arena.evaluate('sm', s, { rounds: 6000, seed: 9 });
      for (const a of r.agents) expect(within4(a.penalty, a.theory as number, a.stderr), `${noise} agent ${a.agent}: ${a.penalty} ± ${a.stderr} vs ${a.theory}`).to.equal(true);
      expect(r.agents[0].theory).to.be.closeTo(1 / 2 + 1 / 4 + 2, 1e-12); // Fact 2: σ²/N_1 + σ²/N_2 + c·n
    }
  });
});

describe('cbl: Algorithm 2 point by point (seed 001)', () => {
  it('matches spec/001 §8: σ = 10, c = .01, m = 25, n* = 20, μ = −4.2, expected error 0.538147', () => {
    const e = errorAt(H55, 'cbl', [-4.2], 3000, Array.from({ length: 25 }, (_, i) => i));
    expect(within4(e.mean, 0.5381474, e.se), `${e.mean} ± ${e.se}`).to.equal(true);
    expect(e.se).to.be.lessThan(0.01); // enough rounds that a 2% bug fails
  });

  it('matches the case-C penalty curve p(n) of spec/001 §8 for a deviator collecting n', () => {
    // p(n) = 5.0 / 1.01895 / 0.80969 / 0.75076 / 0.73815 / 0.82112 at n = 0, 5, 10, 15, 20, 40 (spec/001 §8)
    const expected: [number, number][] = [[0, 5.0], [5, 1.01895], [10, 0.80969], [15, 0.75076], [20, 0.73815], [40, 0.82112]];
    const run = arena.setup('cbl', H55);
    for (const [n, p] of expected) {
      const exact = run.theory.penalty({ strategy: 'collect', params: { k: 0, n } }, 0) as number;
      expect(exact, `n = ${n}`).to.be.closeTo(p, 5e-5 * Math.max(1, p));
      const e = errorAt(H55, 'cbl', [3], 6000, [0], 13, { strategy: 'collect', params: { k: 0, n } });
      expect(within4(e.mean + 0.01 * n, exact, e.se), `n = ${n}: ${e.mean + 0.01 * n} ± ${e.se} vs ${exact}`).to.equal(true);
    }
    expect(cblCaseCPenalty(20, { z: 20, Dprime: 460, alpha: 5.3228952, c: 0.01, sigma: 10 })).to.be.closeTo(0.7381474, 1e-6);
  });

  it('runs the mixed instance of §5.4 (cases A, B, C on d = 2) at its integer amounts', () => {
    const run = arena.setup('cbl', H54);
    // n* of spec/001 §5.4 is [[100, 50], [50, 100], [16.129, 0]]: agent 3 is asked for 16, which her case-C penalty prefers to 17
    expect(run.nRecommended).to.deep.equal([[100, 50], [50, 100], [16, 0]]);
    const r = arena.evaluate('cbl', H54, { rounds: 6000, seed: 21 });
    for (const a of r.agents) expect(within4(a.penalty, a.theory as number, a.stderr), `agent ${a.agent}: ${a.penalty} ± ${a.stderr} vs ${a.theory}`).to.equal(true);
    expect(r.agents[0].theory).to.be.closeTo(6, 1e-9); // case A on both: 2σ√c per k, spec/001 §5.4
  });

  it('runs the no-leverage branch of §5.2: the cheapest collect alone, the others take their data', () => {
    const run = arena.setup('cbl', H52);
    expect(run.theory.summary().agentPenalties.map((p) => +p.toFixed(9))).to.deep.equal([3, 3]);
    const r = arena.evaluate('cbl', H52, { rounds: 20000, seed: 2 });
    for (const a of r.agents) expect(within4(a.penalty, a.theory as number, a.stderr), `agent ${a.agent}: ${a.penalty} ± ${a.stderr} vs ${a.theory}`).to.equal(true);
  });

  it('punishes fabrication around a guess in the sup over μ, though it looks good at μ = 0 (spec/001 §6)', () => {
    const fab = { strategy: 'fabricate', params: { k: 0, n: 0, count: 20, guess: 0 } };
    const at0 = errorAt(H55, 'cbl', [0], 3000, [0], 17, fab);
    expect(within4(at0.mean, 0.538, at0.se + 0.0005), `${at0.mean} ± ${at0.se}`).to.equal(true); // spec/001 §6 table: 0.538 at μ = 0
    const r = arena.evaluate('cbl', H55, { rounds: 200, seed: 3, deviation: fab });
    expect(r.agents[0].penalty).to.be.greaterThan(100 * 0.7381474); // the worst μ of the grid
    expect(r.agents[0].worstMu).to.not.equal('(0)');
  });

  it('reproduces the deviation table of spec/001 §6 (σ = 10, c = .01, m = 25, case C, penalty at given μ)', () => {
    // [deviation, μ, printed penalty, printed digits' half-unit]: spec/001 §6, 1e6 reps each
    const table: [{ strategy: string; params: Record<string, number> }, number, number, number][] = [
      [{ strategy: 'pad', params: { k: 0, n: 20, extra: 20 } }, 0, 0.98, 0.005],
      [{ strategy: 'pad', params: { k: 0, n: 10, extra: 10 } }, 0, 1.136, 0.0005],
      [{ strategy: 'collect', params: { k: 0, n: 10 } }, 0, 0.8097, 0.00005],
      [{ strategy: 'shift', params: { k: 0, delta: 0.1 } }, 0, 0.78, 0.0005], // "shift +1" with σ = 10
      [{ strategy: 'fabricate', params: { k: 0, n: 0, count: 20, guess: 0 } }, 1, 0.58, 0.0005],
      [{ strategy: 'fabricate', params: { k: 0, n: 0, count: 20, guess: 0 } }, 3, 1.003, 0.0005],
      [{ strategy: 'fabricate', params: { k: 0, n: 0, count: 20, guess: 0 } }, 10, 13.93, 0.005],
      [{ strategy: 'shrink', params: { k: 0, lambda: 0.5 } }, 0, 0.646, 0.0005],
      [{ strategy: 'shrink', params: { k: 0, lambda: 0.5 } }, 10, 1.74, 0.0005],
    ];
    for (const [dev, mu, printed, half] of table) {
      const e = errorAt(H55, 'cbl', [mu], 4000, [0], 29, dev);
      const n = 'n' in dev.params ? dev.params.n : 20;
      const p = e.mean + 0.01 * n; // seed 001, eq. (3): error + c·n
      expect(Math.abs(p - printed) <= 4 * e.se + half, `${dev.strategy} ${JSON.stringify(dev.params)} at μ = ${mu}: ${p} ± ${e.se} vs ${printed}`).to.equal(true);
    }
  });

  it('scores an equivariant profile at one μ (the probe passes: allocations replay exactly)', () => {
    const run = arena.setup('cbl', H55);
    const profile = arena.profile(H55.instance, run);
    const a = new HeteroRoundPlayer(H55.instance, run, profile, new StreamFactory(1), 'x');
    const o1 = new HeteroOutcome(25);
    const o2 = new HeteroOutcome(25);
    a.play(7, [0], o1);
    a.play(7, [0], o2);
    expect(Array.from(o2.sqErr)).to.deep.equal(Array.from(o1.sqErr));
    const dev = bindHeteroStrategy(arena.registry.heteroStrategy('recommended'), {}, H55.instance, run, 0);
    expect(dev.meta.equivariant).to.equal(true);
  });
});
