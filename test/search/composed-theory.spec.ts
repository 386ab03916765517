/**
 * The closed forms the search uses for composed families (an amount n with
 * a submission or estimator change) agree with Monte Carlo within 4
 * standard errors.
 */
import { expect } from 'chai';
import { makeInstance } from '../../src/core/instance.js';
import { bindStrategy } from '../../src/engine/agent-strategy.js';
import { createArena } from '../../src/engine/container.js';
import { evaluateProfile } from '../../src/engine/evaluator.js';
import { compose } from '../../src/search/compose.js';
import { theoryRef } from '../../src/search/families.js';

const arena = createArena();
const S10 = makeInstance(10, 1, 0.001);

const cases: [string, string, Record<string, number>, Record<string, number>?][] = [
  ['c3d', 'add-noise', { n: 6, tau: 1 }],
  ['c3d', 'plain-mean', { n: 15 }],
  ['c3d', 'subset', { n: 12, fraction: 0.5 }],
  ['c3d', 'pad-fit', { n: 4, count: 8 }],
  ['c3d', 'fixed-weight', { n: 8, tau2: 3 }],
  ['cded', 'shift', { n: 7, delta: 0.2 }, { k: 2 }],
  ['cded', 'duplicate', { n: 12, copies: 2 }],
  ['pool', 'subset', { n: 20, fraction: 0.3 }],
  ['pcs', 'duplicate', { n: 5, copies: 2 }],
];

describe('closed forms of composed families agree with Monte Carlo', function () {
  this.timeout(120_000);
  for (const [mechanism, inner, params, mech] of cases) {
    it(`${mechanism}: under-collect+${inner} ${JSON.stringify(params)}`, () => {
      const components = [arena.registry.strategy('under-collect'), arena.registry.strategy(inner)];
      const plugin = compose(components);
      const { run } = arena.setup(mechanism, S10, mech ?? {});
      const profile = arena.profile(S10, run);
      profile[0] = bindStrategy(plugin, params, S10, run, 0);
      const theory = run.theory.penalty(theoryRef({ name: plugin.name, plugin, components }, params), 0);
      expect(theory).to.be.a('number');
      const a = evaluateProfile(S10, run, profile, { rounds: 40_000, seed: 21 }).agents[0];
      expect(Math.abs(a.penalty - (theory as number)) / a.stderr, `MC ${a.penalty} ± ${a.stderr} vs ${theory}`).to.be.at.most(4);
      expect(a.stderr / (theory as number)).to.be.below(0.02);
    });
  }
});
