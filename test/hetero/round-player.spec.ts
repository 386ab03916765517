import { expect } from 'chai';
import { PluginError } from '../../src/engine/plugin-error.js';
import { bindHeteroStrategy } from '../../src/hetero/agent-strategy.js';
import { HeteroOutcome, HeteroRoundPlayer } from '../../src/hetero/round-player.js';
import { defineHeteroStrategy, type HeteroPlay } from '../../src/hetero/strategy.js';
import { StreamFactory } from '../../src/random/index.js';
import { FIG1, H54, heteroArena, setting } from './helpers.js';

const arena = heteroArena();

function broken(name: string, part: Partial<HeteroPlay>) {
  return defineHeteroStrategy({ name, description: '', source: 'test', params: {}, meta: { truthful: false, equivariant: true, stochastic: false }, build: () => part });
}

function playOnce(s: typeof FIG1, plugin: ReturnType<typeof broken>, deviator = 0) {
  const run = arena.setup('sm', s);
  const profile = arena.profile(s.instance, run).map((p, i) => (i === deviator ? bindHeteroStrategy(plugin, {}, s.instance, run, i) : p));
  const player = new HeteroRoundPlayer(s.instance, run, profile, new StreamFactory(1), 'test');
  player.play(0, new Float64Array(s.instance.d), new HeteroOutcome(s.instance.m));
}

describe('d-distribution round player (seed 001 §1)', () => {
  it('gives byte-identical evaluations for the same seed', () => {
    const dev = { strategy: 'fabricate', params: { k: 1, n: 3, count: 7, guess: 0.5 } };
    const a = arena.evaluate('cbl', H54, { rounds: 40, seed: 3, deviation: dev, deviator: 2 });
    const b = arena.evaluate('cbl', H54, { rounds: 40, seed: 3, deviation: dev, deviator: 2 });
    expect(JSON.stringify(b)).to.equal(JSON.stringify(a));
    const c = arena.evaluate('cbl', H54, { rounds: 40, seed: 4, deviation: dev, deviator: 2 });
    expect(c.agents[2].penalty).to.not.equal(a.agents[2].penalty);
  });

  it('shares random numbers: an estimator-only deviation leaves every other agent unchanged', () => {
    const base = arena.evaluate('sm', FIG1, { rounds: 50, seed: 2 });
    const dev = arena.evaluate('sm', FIG1, { rounds: 50, seed: 2, deviation: { strategy: 'combine-own', params: { k: 0, w: 0.5 } }, deviator: 1 });
    expect(dev.agents[0].penalty).to.equal(base.agents[0].penalty);
    expect(dev.agents[2].penalty).to.equal(base.agents[2].penalty);
    expect(dev.agents[1].penalty).to.not.equal(base.agents[1].penalty);
  });

  it('a one-distribution estimator deviation leaves the other coordinates as recommended (c3d-hd, d = 3)', () => {
    const hd = setting({ sigma: 1, costs: Array.from({ length: 10 }, () => [0.001, 0.001, 0.001]) }, 'alone');
    const base = arena.evaluate('c3d-hd', hd, { rounds: 60, seed: 5 });
    const same = arena.evaluate('c3d-hd', hd, { rounds: 60, seed: 5, deviation: { strategy: 'combine-own', params: { k: 1, w: 0 } } });
    expect(same.agents[0].penalty).to.equal(base.agents[0].penalty); // w = 0: exactly h*
    const own = arena.evaluate('c3d-hd', hd, { rounds: 60, seed: 5, deviation: { strategy: 'combine-own', params: { k: 1, w: 1 } } });
    expect(own.agents[0].penalty).to.be.greaterThan(base.agents[0].penalty);
    expect(own.agents[0].penalty).to.be.lessThan(2 * base.agents[0].penalty); // the other two coordinates stay h*, not 0
  });

  it('charges Σ_k c n only where n > 0 (0·∞ = 0) and refuses n > 0 at an infinite cost', () => {
    const inf = setting({ sigma: 1, costs: [[1, Infinity], [Infinity, 1]] }, [[1, 0], [0, 1]]);
    const r = arena.evaluate('sm', inf, { rounds: 20, seed: 1 });
    expect(r.agents.every((a) => Number.isFinite(a.penalty))).to.equal(true);
    const greedy = broken('greedy', { collect: () => [1, 1] });
    expect(() => playOnce(inf, greedy)).to.throw(PluginError, /cannot sample distribution 1/);
  });

  it('names the plugin and the call when a plugin misbehaves', () => {
    const cases: [string, Partial<HeteroPlay>, RegExp][] = [
      ['short', { collect: () => [] }, /"short" collect: must return 1 amounts/],
      ['negative', { collect: () => [-1] }, /"negative" collect: amount for distribution 0 must be an integer/],
      ['fraction', { collect: () => [2.5] }, /"fraction" collect/],
      ['thrower', { submit: () => { throw new Error('boom'); } }, /"thrower" submit: threw: boom/],
      ['nan-submit', { submit: () => [[Number.NaN]] }, /"nan-submit" submit: returned a value that is not a finite number/],
      ['nan-estimate', { estimate: () => [Number.NaN] }, /"nan-estimate" estimate: entry 0 must be a finite number/],
      ['wrong-d', { estimate: () => [1, 2] }, /"wrong-d" estimate: must return 1 numbers/],
    ];
    for (const [name, part, msg] of cases) expect(() => playOnce(FIG1, broken(name, part)), name).to.throw(PluginError, msg);
  });
});
