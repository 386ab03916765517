/**
 * Bayes instance files (src/theory/bayes/instance-file.ts): the shipped experiments/bayes files
 * parse; invalid input is an InputError whose field names "<source>: <path>".
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBayesFile, parseBayesInstance } from '../../../src/theory/bayes/instance-file.js';
import { expectInputError } from './helpers.js';

const OK = {
  name: 'two agents',
  $comment: 'ignored',
  correlation: [[1, 0.5], [0.5, 1]],
  priors: [{ kind: 'uniform', low: 0, high: 16 }, { kind: 'uniform', low: 0, high: 16, name: 'b' }],
  effortCost: [{ kind: 'power', scale: 0.5, exponent: 4 }, { kind: 'power', scale: 0.5, exponent: 4 }],
  model: 'approx',
};
const with_ = (patch: Record<string, unknown>) => ({ ...OK, ...patch });

describe('bayes/instance-file', () => {
  it('parses a valid instance (model default exact, effortCost optional and raw)', () => {
    const f = parseBayesInstance(OK, 'x.json');
    expect(f.n).to.equal(2);
    expect(f.model).to.equal('approx');
    expect(f.priors[1].high).to.equal(16);
    expect(f.priorSpecs[1]).to.deep.equal({ kind: 'uniform', low: 0, high: 16 });
    expect(f.effortCost).to.deep.equal(OK.effortCost);
    expect(f.name).to.equal('two agents');
    const g = parseBayesInstance(with_({ model: undefined, effortCost: undefined }), 'x.json');
    expect(g.model).to.equal('exact');
    expect(g.effortCost).to.equal(undefined);
  });
  it('names the offending entry', () => {
    expectInputError(() => parseBayesInstance([], 'x.json'), 'x.json: (top level)');
    expectInputError(() => parseBayesInstance(with_({ extra: 1 }), 'x.json'), 'x.json: extra', /unknown key/);
    expectInputError(() => parseBayesInstance(with_({ correlation: undefined }), 'x.json'), 'x.json: correlation');
    expectInputError(() => parseBayesInstance(with_({ correlation: [[1, 0.5], [0.4, 1]] }), 'x.json'), 'x.json: correlation[1][0]');
    expectInputError(() => parseBayesInstance(with_({ correlation: [[1, 2], [2, 1]] }), 'x.json'), 'x.json: correlation[1][0]');
    expectInputError(() => parseBayesInstance(with_({ priors: OK.priors.slice(0, 1) }), 'x.json'), 'x.json: priors', /one prior per agent/);
    expectInputError(() => parseBayesInstance(with_({ priors: [OK.priors[0], { kind: 'uniform', low: 0 }] }), 'x.json'), 'x.json: priors[1].high');
    expectInputError(() => parseBayesInstance(with_({ priors: [OK.priors[0], 3] }), 'x.json'), 'x.json: priors[1]');
    expectInputError(() => parseBayesInstance(with_({ priors: [OK.priors[0], { kind: 'nope' }] }), 'x.json'), 'x.json: priors[1].kind');
    expectInputError(() => parseBayesInstance(with_({ model: 'approximate' }), 'x.json'), 'x.json: model');
    expectInputError(() => parseBayesInstance(with_({ effortCost: {} }), 'x.json'), 'x.json: effortCost');
    expectInputError(() => parseBayesInstance(with_({ effortCost: [OK.effortCost[0]] }), 'x.json'), 'x.json: effortCost');
    expectInputError(() => parseBayesInstance(with_({ effortCost: [OK.effortCost[0], 1] }), 'x.json'), 'x.json: effortCost[1]');
    expectInputError(() => parseBayesInstance(with_({ effortCost: [OK.effortCost[0], { scale: 1 }] }), 'x.json'), 'x.json: effortCost[1].kind');
    expectInputError(() => parseBayesInstance(with_({ name: 3 }), 'x.json'), 'x.json: name');
  });
  it('accepts caller-whitelisted extra keys raw', () => {
    const f = parseBayesInstance(with_({ effort: { tol: 1e-10 } }), 'x.json', { extraKeys: ['effort'] });
    expect(f.extra).to.deep.equal({ effort: { tol: 1e-10 } });
  });
  it('loads every shipped experiments/bayes file; read and JSON errors name the file', () => {
    for (const name of ['two-agent', 'star-rho05', 'oracle3', 'effort-power-r05', 'effort-kinked', 'effort-star']) {
      const f = loadBayesFile(`experiments/bayes/${name}.json`);
      expect(f.priors.length).to.equal(f.n);
    }
    expect(loadBayesFile('experiments/bayes/effort-star.json').n).to.equal(3);
    expect(loadBayesFile('experiments/bayes/effort-kinked.json').effortCost![0].kind).to.equal('kinked');
    const dir = mkdtempSync(join(tmpdir(), 'bayes-'));
    try {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{ nope');
      expectInputError(() => loadBayesFile(bad), bad, /not valid JSON/);
      expectInputError(() => loadBayesFile(join(dir, 'missing.json')), join(dir, 'missing.json'), /cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
