/**
 * Market files of seed 003 (src/theory/market/instance-file.ts): valid files parse to plain spec
 * objects, and every invalid input is an InputError whose field names the offending path.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../src/core/instance.js';
import { type BuyerKindParser, loadMarketFile, parseMarketFile } from '../../../src/theory/market/instance-file.js';

/** Example B of spec/003 §4 as a market file. */
const EXAMPLE_B = {
  name: 'Example B',
  description: 'spec/003 §4',
  $comment: 'ignored',
  sigma: 1,
  costs: [0.01, 0.02, 0.05],
  buyers: [
    { kind: 'gaussian', a: 0.4, r: 1 },
    { kind: 'gaussian', a: 0.7, r: 4 },
    { kind: 'gaussian', a: 1, r: 16, name: 'big buyer', $note: 'ignored' },
  ],
};

/** Parse `json` expecting an InputError on `field` whose message matches `message`. */
function expectInputError(json: unknown, field: string, message?: RegExp): void {
  let err: unknown;
  try {
    parseMarketFile(json, 'm.json');
  } catch (e) {
    err = e;
  }
  expect(err, `expected an InputError on ${field}`).to.be.instanceOf(InputError);
  const e = err as InputError;
  expect(e.field).to.equal(field);
  if (message) expect(e.message).to.match(message);
}

const withBuyer = (b: unknown) => ({ sigma: 1, costs: [0.01, 0.02], buyers: [{ kind: 'gaussian', a: 0.5, r: 1 }, { kind: 'gaussian', a: 0.5, r: 1 }, b] });

describe('theory/market/instance-file', () => {
  describe('valid files', () => {
    it('parses Example B: sigma, costs in file order, buyer specs without ignored keys, default pricing exact', () => {
      const f = parseMarketFile(EXAMPLE_B, 'b.json');
      expect(f.sigma).to.equal(1);
      expect(f.costs).to.deep.equal([0.01, 0.02, 0.05]);
      expect(f.buyers).to.deep.equal([
        { kind: 'gaussian', a: 0.4, r: 1 },
        { kind: 'gaussian', a: 0.7, r: 4 },
        { kind: 'gaussian', a: 1, r: 16 },
      ]);
      expect(f.pricing).to.equal('exact');
      expect(f.epsilon).to.equal(undefined);
      expect(f.name).to.equal('Example B');
      expect(f.description).to.equal('spec/003 §4');
    });

    it('parses every built-in kind, unsorted costs, and approximate pricing with epsilon', () => {
      const f = parseMarketFile(
        {
          sigma: 2.5,
          costs: [0.05, 0.01, 0.02],
          pricing: 'approximate',
          epsilon: 0.01,
          buyers: [
            { kind: 'threshold', a: 1, tau: 0.5 },
            { kind: 'exponential', a: 0, lambda: 2 },
            { kind: 'table', values: [0, 0.2, 0.2, 1] },
            { kind: 'gaussian', a: 1, r: 0 },
          ],
        },
        'x.json',
      );
      expect(f.costs).to.deep.equal([0.05, 0.01, 0.02]);
      expect(f.buyers).to.deep.equal([
        { kind: 'threshold', a: 1, tau: 0.5 },
        { kind: 'exponential', a: 0, lambda: 2 },
        { kind: 'table', values: [0, 0.2, 0.2, 1] },
        { kind: 'gaussian', a: 1, r: 0 },
      ]);
      expect(f.pricing).to.equal('approximate');
      expect(f.epsilon).to.equal(0.01);
    });

    it('accepts registered kinds through their parser, which may itself raise field errors', () => {
      const step: BuyerKindParser = (raw, field) => {
        if (typeof raw.at !== 'number') throw new InputError(`${field}.at`, 'must be a number');
        return { kind: 'step', at: raw.at };
      };
      const f = parseMarketFile({ sigma: 1, costs: [1, 2], buyers: [{ kind: 'step', at: 3, name: 'x' }] }, 's.json', { kinds: { step } });
      expect(f.buyers).to.deep.equal([{ kind: 'step', at: 3 }]);
      expect(() => parseMarketFile({ sigma: 1, costs: [1, 2], buyers: [{ kind: 'step' }] }, 's.json', { kinds: { step } }))
        .to.throw(InputError, 's.json: buyers[0].at');
      expect(() => parseMarketFile({ sigma: 1, costs: [1, 2], buyers: [{ kind: 'step', at: 1 }] }, 's.json')).to.throw(InputError, /unknown kind "step"/);
      expect(() => parseMarketFile(EXAMPLE_B, 'b.json', { kinds: { gaussian: step } })).to.throw(Error, /cannot be re-registered/);
    });

    it('loadMarketFile reads a file; bad JSON and missing files are InputErrors naming the path', () => {
      const dir = mkdtempSync(join(tmpdir(), 'market-file-'));
      try {
        const good = join(dir, 'good.json');
        writeFileSync(good, JSON.stringify(EXAMPLE_B));
        expect(loadMarketFile(good).buyers).to.have.length(3);
        const bad = join(dir, 'bad.json');
        writeFileSync(bad, '{ "sigma": 1, ');
        expect(() => loadMarketFile(bad)).to.throw(InputError).with.property('field', bad);
        expect(() => loadMarketFile(join(dir, 'missing.json'))).to.throw(InputError).with.property('field', join(dir, 'missing.json'));
        const badField = join(dir, 'field.json');
        writeFileSync(badField, JSON.stringify({ ...EXAMPLE_B, sigma: -1 }));
        expect(() => loadMarketFile(badField)).to.throw(InputError).with.property('field', `${badField}: sigma`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('errors name the field', () => {
    it('top level: not an object, unknown key, missing sigma / costs / buyers', () => {
      expectInputError([1, 2], 'm.json: (top level)');
      expectInputError({ ...EXAMPLE_B, allocation: 'opt' }, 'm.json: allocation', /unknown key/);
      expectInputError({ costs: [1, 2], buyers: [] }, 'm.json: sigma', /missing/);
      expectInputError({ sigma: 1, buyers: [] }, 'm.json: costs', /missing/);
      expectInputError({ sigma: 1, costs: [1, 2] }, 'm.json: buyers', /missing/);
      expectInputError({ ...EXAMPLE_B, name: 3 }, 'm.json: name', /string/);
    });

    it('sigma must be finite and > 0', () => {
      expectInputError({ ...EXAMPLE_B, sigma: 0 }, 'm.json: sigma', /> 0/);
      expectInputError({ ...EXAMPLE_B, sigma: -2 }, 'm.json: sigma', /> 0/);
      expectInputError({ ...EXAMPLE_B, sigma: '1' }, 'm.json: sigma');
      expectInputError({ ...EXAMPLE_B, sigma: null }, 'm.json: sigma');
    });

    it('costs: at least two contributors, each finite and > 0', () => {
      expectInputError({ ...EXAMPLE_B, costs: [0.01] }, 'm.json: costs', /at least two/);
      expectInputError({ ...EXAMPLE_B, costs: [] }, 'm.json: costs', /at least two/);
      expectInputError({ ...EXAMPLE_B, costs: 0.01 }, 'm.json: costs');
      expectInputError({ ...EXAMPLE_B, costs: [0.01, -0.02, 0.05] }, 'm.json: costs[1]', /negative/);
      expectInputError({ ...EXAMPLE_B, costs: [0.01, 0.02, null] }, 'm.json: costs[2]', /finite/);
      expectInputError({ ...EXAMPLE_B, costs: [0.01, 0.02, 'inf'] }, 'm.json: costs[2]');
      expectInputError({ ...EXAMPLE_B, costs: [0, 0.02] }, 'm.json: costs[0]', /B\/c_1/);
    });

    it('buyers: an array with at least one buyer', () => {
      expectInputError({ ...EXAMPLE_B, buyers: [] }, 'm.json: buyers', /at least one buyer/);
      expectInputError({ ...EXAMPLE_B, buyers: { kind: 'gaussian', a: 1, r: 1 } }, 'm.json: buyers', /array/);
      expectInputError(withBuyer('gaussian'), 'm.json: buyers[2]', /object/);
    });

    it('valuation scales outside [0, 1] (buyers[2].a)', () => {
      expectInputError(withBuyer({ kind: 'gaussian', a: 1.2, r: 1 }), 'm.json: buyers[2].a', /\[0, 1\]/);
      expectInputError(withBuyer({ kind: 'threshold', a: -0.1, tau: 1 }), 'm.json: buyers[2].a', /\[0, 1\]/);
      expectInputError(withBuyer({ kind: 'exponential', a: '0.5', lambda: 1 }), 'm.json: buyers[2].a');
      expectInputError(withBuyer({ kind: 'gaussian', a: 0.5, r: -1 }), 'm.json: buyers[2].r', />= 0/);
      expectInputError(withBuyer({ kind: 'threshold', a: 0.5, tau: -1 }), 'm.json: buyers[2].tau', />= 0/);
      expectInputError(withBuyer({ kind: 'exponential', a: 0.5, lambda: null }), 'm.json: buyers[2].lambda');
    });

    it('tables: non-empty, entries in [0, 1], non-decreasing', () => {
      expectInputError(withBuyer({ kind: 'table', values: [] }), 'm.json: buyers[2].values', /non-empty/);
      expectInputError(withBuyer({ kind: 'table', values: 0.3 }), 'm.json: buyers[2].values');
      expectInputError(withBuyer({ kind: 'table', values: [0.1, 1.5] }), 'm.json: buyers[2].values[1]', /\[0, 1\]/);
      expectInputError(withBuyer({ kind: 'table', values: [-0.1, 0.5] }), 'm.json: buyers[2].values[0]', /\[0, 1\]/);
      expectInputError(withBuyer({ kind: 'table', values: [0.1, 0.4, 0.3, 0.9] }), 'm.json: buyers[2].values[2]', /non-decreasing/);
    });

    it('unknown kind, missing and extra parameters', () => {
      expectInputError(withBuyer({ kind: 'linear', a: 1 }), 'm.json: buyers[2].kind', /unknown kind "linear".*gaussian, threshold, exponential, table/);
      expectInputError(withBuyer({ a: 1, r: 1 }), 'm.json: buyers[2].kind');
      expectInputError(withBuyer({ kind: 'gaussian', a: 1 }), 'm.json: buyers[2].r', /missing/);
      expectInputError(withBuyer({ kind: 'threshold', tau: 1 }), 'm.json: buyers[2].a', /missing/);
      expectInputError(withBuyer({ kind: 'gaussian', a: 1, r: 1, tau: 2 }), 'm.json: buyers[2].tau', /unknown parameter/);
      expectInputError(withBuyer({ kind: 'table', values: [0.5], a: 1 }), 'm.json: buyers[2].a', /unknown parameter/);
    });

    it('pricing and epsilon', () => {
      expectInputError({ ...EXAMPLE_B, pricing: 'greedy' }, 'm.json: pricing', /exact, approximate/);
      expectInputError({ ...EXAMPLE_B, epsilon: 0.1 }, 'm.json: epsilon', /approximate/);
      expectInputError({ ...EXAMPLE_B, pricing: 'exact', epsilon: 0.1 }, 'm.json: epsilon', /approximate/);
      expectInputError({ ...EXAMPLE_B, pricing: 'approximate', epsilon: 0 }, 'm.json: epsilon', /> 0/);
      expectInputError({ ...EXAMPLE_B, pricing: 'approximate', epsilon: 'small' }, 'm.json: epsilon');
      expect(parseMarketFile({ ...EXAMPLE_B, pricing: 'approximate' }, 'm.json').epsilon).to.equal(undefined);
    });
  });
});
