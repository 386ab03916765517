import { expect } from 'chai';
import type { ReadonlyFloat64Array } from '../../src/core/data.js';
import { bindHeteroStrategy } from '../../src/hetero/agent-strategy.js';
import { HeteroAllocationBuffer } from '../../src/hetero/allocation.js';
import { Rng } from '../../src/random/index.js';
import { H54, heteroArena } from './helpers.js';

const arena = heteroArena();

/**
 * The contract every d-distribution strategy keeps (after the seed-000 kit in
 * test/contract/kit.ts): valid amounts, one submission and one estimate per
 * distribution, determinism under a seed, and inputs left untouched.
 */
describe('d-distribution strategy contract (every built-in, on the §5.4 instance, d = 2)', () => {
  const run = arena.setup('cbl', H54);
  const inst = H54.instance;
  for (const plugin of arena.registry.heteroStrategies) {
    it(`${plugin.name}: valid, deterministic, leaves its inputs alone`, () => {
      expect(plugin.description.length, 'description').to.be.greaterThan(0);
      expect(plugin.source.length, 'source').to.be.greaterThan(0);
      for (let agent = 0; agent < inst.m; agent++) {
        const s = bindHeteroStrategy(plugin, {}, inst, run, agent);
        const n = Array.from(s.play.collect(s.info, new Rng(1, 2, 3, 4)));
        expect(n).to.have.length(inst.d);
        n.forEach((x, k) => {
          expect(Number.isInteger(x) && x >= 0, `n[${k}] = ${x}`).to.equal(true);
          if (inst.costs[agent][k] === Infinity) expect(x).to.equal(0);
        });
        const x = n.map((nk, k) => Float64Array.from({ length: nk }, (_, j) => 3 * k + Math.sin(j + agent)));
        const xCopy = x.map((a) => a.slice());
        const view = x as unknown as ReadonlyFloat64Array[];
        const y1 = s.play.submit(view, s.info, new Rng(5, 6, 7, 8)).map((a) => Array.from(a));
        const y2 = s.play.submit(view, s.info, new Rng(5, 6, 7, 8)).map((a) => Array.from(a));
        expect(y2, 'same seed, same submission').to.deep.equal(y1);
        expect(y1).to.have.length(inst.d);
        y1.flat().forEach((v) => expect(Number.isFinite(v)).to.equal(true));
        const alloc = new HeteroAllocationBuffer(inst.d);
        alloc.reset();
        for (let k = 0; k < inst.d; k++) alloc.setMean(k, 10 * (k + 1), 10);
        const before = Array.from(alloc.estimate);
        const y = y1.map((a) => Float64Array.from(a)) as unknown as ReadonlyFloat64Array[];
        const e1 = Array.from(s.play.estimate(view, y, alloc.view(), s.info));
        const e2 = Array.from(s.play.estimate(view, y, alloc.view(), s.info));
        expect(e2, 'estimate is a function of its inputs').to.deep.equal(e1);
        expect(e1).to.have.length(inst.d);
        e1.forEach((v) => expect(Number.isFinite(v)).to.equal(true));
        x.forEach((a, k) => expect(Array.from(a), `X_${k} unchanged`).to.deep.equal(Array.from(xCopy[k])));
        expect(Array.from(alloc.estimate), 'allocation unchanged').to.deep.equal(before);
      }
    });
  }
});
