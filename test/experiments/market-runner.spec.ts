/**
 * The experiment runner on seed-003 market files: spec validation (markets, cost-gap sweeps, task
 * kinds), cells and the market-search task.
 */
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandCells } from '../../src/experiments/cells.js';
import { runExperiment } from '../../src/experiments/runner.js';
import { parseSpec } from '../../src/experiments/spec.js';

const base = { name: 'm', description: 'd', seed: 1 };
const SPEC_FILE = 'experiments/x.json'; // market paths resolve against experiments/

describe('experiment runner: market files (seed 003)', function () {
  this.timeout(120_000);

  it('validates markets: one of grid/instances/markets, market tasks only on markets, gaps >= 0', () => {
    expect(() => parseSpec({ ...base, markets: ['markets/example-b.json'], grid: { m: [2], cost: [0.1] }, mechanisms: ['pool'], tasks: [{ kind: 'theory' }] })).to.throw(/exactly one of/);
    expect(() => parseSpec({ ...base, markets: ['markets/example-b.json'], tasks: [{ kind: 'theory' }] })).to.throw(/tasks\.0\.kind.*does not run on market files/);
    expect(() => parseSpec({ ...base, grid: { m: [2], cost: [0.1] }, mechanisms: ['pool'], tasks: [{ kind: 'market-theory' }] })).to.throw(/needs markets/);
    expect(() => parseSpec({ ...base, markets: [{ file: 'markets/example-b.json', costGap: [-0.01] }], tasks: [{ kind: 'market-theory' }] })).to.throw(/markets\.0\.costGap/);
  });

  it('a gap that reorders the contributors is an error naming markets.j.costGap', () => {
    const spec = parseSpec({ ...base, markets: [{ file: 'markets/example-b.json', costGap: [0.01, 0.05] }], tasks: [{ kind: 'market-theory' }] });
    expect(() => expandCells(spec, SPEC_FILE)).to.throw(/markets\.0\.costGap.*0\.05/);
  });

  it('expands one cell per (file, gap, mechanism); gaps set the second-cheapest cost; a missing file is named', () => {
    const spec = parseSpec({ ...base, markets: [{ file: 'markets/example-b.json', costGap: [0, 0.02] }, 'markets/example-a.json'], tasks: [{ kind: 'market-theory', mechanisms: ['market'] }] });
    const cells = expandCells(spec, SPEC_FILE);
    expect(cells.map((c) => (c.family === 'market' ? c.instance.costs : null))).to.deep.equal([
      [0.01, 0.01, 0.05],
      [0.01, 0.03, 0.05],
      [0.04, 0.1, 0.2],
    ]);
    const missing = parseSpec({ ...base, markets: ['markets/nosuch.json'], tasks: [{ kind: 'market-theory' }] });
    expect(() => expandCells(missing, SPEC_FILE)).to.throw(/markets\.0/);
  });

  it('market-search rows: M* an ε-equilibrium, market-naive a fabrication deviation', async () => {
    const spec = parseSpec({
      ...base,
      markets: ['markets/example-b.json'],
      tasks: [{ kind: 'market-search', mechanisms: ['market', 'market-naive'], families: ['fabricate', 'collect'] }],
    });
    const dir = mkdtempSync(join(tmpdir(), 'arena-market-search-'));
    const s = await runExperiment(spec, { specFile: SPEC_FILE, outDir: dir, workers: 1 });
    expect(s.errors).to.equal(0);
    const mstar = s.rows.find((r) => r.mechanism === 'market')!;
    const naive = s.rows.find((r) => r.mechanism === 'market-naive')!;
    expect(mstar.verdict).to.equal('epsilon-equilibrium');
    expect(naive.verdict).to.equal('profitable-deviation');
    expect(naive.bestFamily).to.equal('fabricate');
    // c_1N_1* = 0.16 (spec/003 §7 oracle 6) inside the re-check's 95% interval (payments are quantity-based, so it is tight)
    expect(naive.bestAgent).to.equal(0);
    expect(0.16).to.be.within(naive.gainLo as number, naive.gainHi as number);
    expect(naive.maxGain as number).to.be.closeTo(0.16, 1e-6);
  });
});
