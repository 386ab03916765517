/**
 * The plugin contract kit (after Axelrod's TestPlayer): every strategy and
 * mechanism, built-in or user-written, must pass these checks. Use it on
 * your own plugin with:
 *
 *   import { strategyContract } from '../test/contract/kit.js';
 *   strategyContract(myPlugin);
 */
import { expect } from 'chai';
import { AllocationBuffer } from '../../src/core/allocation-buffer.js';
import type { ReadonlyFloat64Array } from '../../src/core/data.js';
import { makeInstance, type Instance } from '../../src/core/instance.js';
import type { MechanismPlugin, MechanismRun } from '../../src/core/mechanism.js';
import { resolveParams, type ParamSpecs } from '../../src/core/params.js';
import type { StrategyPlugin } from '../../src/core/strategy.js';
import { SubmissionPool } from '../../src/core/submission-pool.js';
import { isSumsOnly } from '../../src/core/sufficient.js';
import { bindStrategy, type AgentStrategy } from '../../src/engine/agent-strategy.js';
import { createArena } from '../../src/engine/container.js';
import { evaluateProfile } from '../../src/engine/evaluator.js';
import { Rng, StreamFactory } from '../../src/random/index.js';

/** Instances the kit plays on: C3D's m ≥ 5 branch and its m ≤ 4 branch, non-integer n* included. */
export const CONTRACT_INSTANCES: readonly Instance[] = [
  makeInstance(6, 1.5, 1.5 ** 2 / (6 * 16)), // n* = 4
  makeInstance(3, 1, 0.02), // non-integer n*, C3D pools
];

function checkParamSpecs(owner: string, specs: ParamSpecs): void {
  for (const [key, s] of Object.entries(specs)) {
    expect(s.kind, `${owner}.${key}.kind`).to.be.oneOf(['int', 'real']);
    expect(s.description, `${owner}.${key}.description`).to.be.a('string').and.not.equal('');
    expect(typeof s.min === 'function' || Number.isFinite(s.min), `${owner}.${key}.min`).to.equal(true);
  }
}

function snapshot(a: ArrayLike<number>): number[] {
  return Array.from(a);
}

function mechanismsFor(): { inst: Instance; run: MechanismRun; name: string }[] {
  const arena = createArena();
  return CONTRACT_INSTANCES.flatMap((inst) => arena.registry.mechanisms.map((p) => ({ inst, name: p.name, run: arena.setup(p.name, inst).run })));
}

function agentsWith(plugin: StrategyPlugin, inst: Instance, run: MechanismRun): AgentStrategy[] {
  const arena = createArena();
  const rec = arena.registry.strategy('recommended');
  return Array.from({ length: inst.m }, (_, i) => bindStrategy(i === 0 ? plugin : rec, {}, inst, run, i));
}

/** Registers the strategy contract as a mocha suite. */
export function strategyContract(plugin: StrategyPlugin): void {
  describe(`strategy contract: ${plugin.name}`, () => {
    it('has metadata: kebab-case name, description, source, parameter specs', () => {
      expect(plugin.kind).to.equal('strategy');
      expect(plugin.name).to.match(/^[a-z0-9][a-z0-9-]*$/);
      expect(plugin.description).to.be.a('string').and.not.equal('');
      expect(plugin.source).to.be.a('string').and.not.equal('');
      checkParamSpecs(plugin.name, plugin.params);
    });

    for (const { inst, name, run } of mechanismsFor()) {
      const where = `${name} (m=${inst.m})`;
      it(`returns valid outputs and leaves its inputs untouched under ${where}`, () => {
        const s = agentsWith(plugin, inst, run)[0];
        expect(resolveParams(plugin.name, plugin.params, {}, s.info)).to.deep.equal(s.params);
        const meta = s.meta;
        for (const k of ['truthful', 'equivariant', 'stochastic'] as const) expect(meta[k], `meta.${k}`).to.be.a('boolean');
        const rng = new Rng(1, 2, 3, 4);
        const n = s.play.collect(s.info, rng);
        expect(Number.isInteger(n) && n >= 0, `collect returned ${n}`).to.equal(true);
        const x = new Float64Array(n);
        rng.fillNormal(x, 0, n, 3.7, inst.sigma);
        const xBefore = snapshot(x);
        const y = s.play.submit(x as ReadonlyFloat64Array, s.info, new Rng(5, 6, 7, 8));
        expect(snapshot(x), 'submit mutated X').to.deep.equal(xBefore);
        for (let k = 0; k < y.length; k++) expect(Number.isFinite(y[k]), `submit returned ${y[k]}`).to.equal(true);
        const yCopy = Float64Array.from(y);
        const alloc = new AllocationBuffer();
        const clean = alloc.reserveClean(7);
        const corrupted = alloc.reserveCorrupted(5);
        rng.fillNormal(clean, 0, 7, 3.7, inst.sigma);
        rng.fillNormal(corrupted, 0, 5, 3.7, 2 * inst.sigma);
        alloc.cleanLength = 7;
        alloc.corruptedLength = 5;
        alloc.cleanSum = snapshot(clean.subarray(0, 7)).reduce((u, v) => u + v, 0);
        alloc.corruptedSum = snapshot(corrupted.subarray(0, 5)).reduce((u, v) => u + v, 0);
        alloc.eta2 = 3 * inst.sigma * inst.sigma;
        const before = [snapshot(x), snapshot(yCopy), snapshot(clean.subarray(0, 7)), snapshot(corrupted.subarray(0, 5))];
        const est = s.play.estimate(x as ReadonlyFloat64Array, yCopy as ReadonlyFloat64Array, alloc.view(), s.info);
        expect(Number.isFinite(est), `estimate returned ${est}`).to.equal(true);
        if (isSumsOnly(s.play.estimate)) {
          // An estimator that declares it reads only sums must not change when the points are hidden.
          alloc.materialize = false;
          const fromSums = s.play.estimate(x as ReadonlyFloat64Array, yCopy as ReadonlyFloat64Array, alloc.view(), s.info);
          alloc.materialize = true;
          expect(fromSums).to.be.closeTo(est, 1e-12 * (1 + Math.abs(est)));
        }
        expect([snapshot(x), snapshot(yCopy), snapshot(clean.subarray(0, 7)), snapshot(corrupted.subarray(0, 5))]).to.deep.equal(before);
      });

      it(`is deterministic under a seed under ${where}`, () => {
        const run1 = evaluateProfile(inst, run, agentsWith(plugin, inst, run), { rounds: 20, seed: 99, cell: 'contract' });
        const run2 = evaluateProfile(inst, run, agentsWith(plugin, inst, run), { rounds: 20, seed: 99, cell: 'contract' });
        expect(JSON.stringify(run2)).to.equal(JSON.stringify(run1));
      });
    }
  });
}

/** Registers the mechanism contract as a mocha suite. */
export function mechanismContract(plugin: MechanismPlugin): void {
  describe(`mechanism contract: ${plugin.name}`, () => {
    it('has metadata and parameter specs', () => {
      expect(plugin.kind).to.equal('mechanism');
      expect(plugin.name).to.match(/^[a-z0-9][a-z0-9-]*$/);
      expect(plugin.description).to.be.a('string').and.not.equal('');
      expect(plugin.source).to.be.a('string').and.not.equal('');
      checkParamSpecs(plugin.name, plugin.params);
    });
    for (const inst of CONTRACT_INSTANCES) {
      it(`allocates deterministically without touching the submissions (m=${inst.m})`, () => {
        const run = plugin.setup(inst, resolveParams(plugin.name, plugin.params, {}));
        const pool = new SubmissionPool(inst.m);
        const rng = new Rng(11, 12, 13, 14);
        pool.reset();
        for (let j = 0; j < inst.m; j++) {
          const y = new Float64Array(j === 1 ? 0 : run.info.nRecommended + (j % 2));
          rng.fillNormal(y, 0, y.length, -2, inst.sigma);
          pool.append(j, y);
        }
        const before = snapshot(pool.values.subarray(0, pool.total));
        const streams = new StreamFactory(5);
        const key = streams.key('contract');
        for (let i = 0; i < inst.m; i++) {
          const outs = [new AllocationBuffer(), new AllocationBuffer()].map((out) => {
            out.reset();
            run.allocate(i, pool, streams.seed(key, i, new Rng()), out);
            return JSON.stringify({ c: snapshot(out.clean.subarray(0, out.cleanLength)), z: snapshot(out.corrupted.subarray(0, out.corruptedLength)), e: out.eta2, d: out.deployed });
          });
          expect(outs[1]).to.equal(outs[0]);
          const a = JSON.parse(outs[0]) as { c: number[]; z: number[]; d: number | null };
          for (const v of [...a.c, ...a.z]) expect(Number.isFinite(v)).to.equal(true);
          if (run.deploysEstimate) expect(Number.isFinite(a.d)).to.equal(true);
        }
        expect(snapshot(pool.values.subarray(0, pool.total))).to.deep.equal(before);
      });
      it(`publishes theory at the recommended profile (m=${inst.m})`, () => {
        const run = plugin.setup(inst, resolveParams(plugin.name, plugin.params, {}));
        const t = run.theory.recommended();
        for (const k of ['nStar', 'agentPenalty', 'socialPenalty', 'globalMinimum', 'ratio', 'soloPenalty'] as const) {
          expect(Number.isFinite(t[k]), k).to.equal(true);
        }
        expect(t.ratio).to.be.at.least(1 - 1e-12);
      });
    }
  });
}
