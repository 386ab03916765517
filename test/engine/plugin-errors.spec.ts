import { expect } from 'chai';
import { makeInstance } from '../../src/core/instance.js';
import { defineStrategy } from '../../src/core/strategy.js';
import { createArena } from '../../src/engine/container.js';
import { PluginError } from '../../src/engine/plugin-error.js';

const inst = makeInstance(6, 1, 1 / (6 * 16));

function arenaWith(...plugins: ReturnType<typeof defineStrategy>[]) {
  return createArena({ plugins });
}

const bad = {
  thrower: defineStrategy({
    name: 'thrower',
    description: 'throws in estimate',
    source: 'test',
    params: {},
    meta: { truthful: true, equivariant: true, stochastic: false },
    build: () => ({
      estimate: () => {
        throw new Error('boom');
      },
    }),
  }),
  nan: defineStrategy({
    name: 'nan-estimate',
    description: 'returns NaN',
    source: 'test',
    params: {},
    meta: { truthful: true, equivariant: true, stochastic: false },
    build: () => ({ estimate: () => Number.NaN }),
  }),
  negative: defineStrategy({
    name: 'negative-amount',
    description: 'collects -3 points',
    source: 'test',
    params: {},
    meta: { truthful: true, equivariant: true, stochastic: false },
    build: () => ({ collect: () => -3 }),
  }),
  fractional: defineStrategy({
    name: 'fractional-amount',
    description: 'collects 2.5 points',
    source: 'test',
    params: {},
    meta: { truthful: true, equivariant: true, stochastic: false },
    build: () => ({ collect: () => 2.5 }),
  }),
  infiniteSubmit: defineStrategy({
    name: 'infinite-submit',
    description: 'submits Infinity',
    source: 'test',
    params: {},
    meta: { truthful: false, equivariant: true, stochastic: false },
    build: () => ({ submit: () => [1, Number.POSITIVE_INFINITY] }),
  }),
  badBuild: defineStrategy({
    name: 'bad-build',
    description: 'throws in build',
    source: 'test',
    params: {},
    meta: { truthful: true, equivariant: true, stochastic: false },
    build: () => {
      throw new Error('cannot build');
    },
  }),
};

describe('a plugin that misbehaves gets an error naming it', () => {
  const expectations: [keyof typeof bad, RegExp][] = [
    ['thrower', /plugin "thrower" estimate: threw: boom/],
    ['nan', /plugin "nan-estimate" estimate: must return a finite number \(got NaN\)/],
    ['negative', /plugin "negative-amount" collect: must return an integer .* \(got -3\)/],
    ['fractional', /plugin "fractional-amount" collect: .*got 2\.5/],
    ['infiniteSubmit', /plugin "infinite-submit" submit: .*not a finite number/],
    ['badBuild', /plugin "bad-build" build: cannot build/],
  ];
  for (const [key, pattern] of expectations) {
    it(bad[key].name, () => {
      const arena = arenaWith(bad[key]);
      expect(() => arena.evaluate('c3d', inst, { rounds: 5, seed: 1, deviation: { name: bad[key].name } }))
        .to.throw(PluginError)
        .with.property('message')
        .that.matches(pattern);
    });
  }

  it('refuses two plugins with the same name', () => {
    const clash = defineStrategy({ ...bad.thrower, name: 'shift' });
    expect(() => arenaWith(clash).registry).to.throw(/two strategy plugins are named "shift"/);
  });
});
