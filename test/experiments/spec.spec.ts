import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { expandCells } from '../../src/experiments/cells.js';
import { expand, loadSpec, parseSpec } from '../../src/experiments/spec.js';
import { runCli } from '../helpers.js';

const minimal = {
  name: 'tiny',
  description: 'a test',
  seed: 1,
  grid: { m: [5, 6], nStar: [4] },
  mechanisms: ['pool', 'c3d'],
  tasks: [{ kind: 'theory' }],
};

describe('experiment specs', () => {
  it('validates every preset in experiments/', () => {
    const files = readdirSync('experiments').filter((f) => f.endsWith('.json'));
    expect(files).to.include.members(['c3d-ratio.json', 'c3d-vs-pool.json', 'high-dim-gap.json', 'pool-free-riding.json', 'headline.json']);
    for (const f of files) expect(() => loadSpec(`experiments/${f}`), f).to.not.throw();
  });

  it('names the path of a bad field', () => {
    expect(() => parseSpec({ ...minimal, grid: { m: [5], nStar: [4], cost: [0.1] } })).to.throw(/grid/);
    expect(() => parseSpec({ ...minimal, tasks: [{ kind: 'evaluate', rounds: 'many' }] })).to.throw(/tasks\.0\.rounds/);
    expect(() => parseSpec({ ...minimal, seed: 1.5 })).to.throw(/seed/);
    expect(() => parseSpec({ ...minimal, name: 'Has Spaces' })).to.throw(/name/);
    expect(() => parseSpec({ ...minimal, extra: true })).to.throw(/extra|unrecognized/i);
  });

  it('expands ranges', () => {
    expect(expand({ from: 0, to: 1, step: 0.25 })).to.deep.equal([0, 0.25, 0.5, 0.75, 1]);
    expect(expand({ from: 5, to: 1000, steps: 3, scale: 'log', integer: true })).to.deep.equal([5, 71, 1000]);
  });

  it('derives cell seeds from the instance and task, not from the mechanism or the other cells', () => {
    const spec = parseSpec(minimal);
    const cells = expandCells(spec);
    expect(cells).to.have.length(4);
    expect(cells[0].seed).to.equal(cells[1].seed); // pool and c3d at m = 5 share random numbers
    const more = expandCells(parseSpec({ ...minimal, grid: { m: [4, 5, 6], nStar: [4] } }));
    const bykey = new Map(more.map((c) => [c.key, c.seed]));
    for (const c of cells) expect(bykey.get(c.key)).to.equal(c.seed);
  });

  it('gives a CLI error naming the file and field', async () => {
    const r = await runCli(['run', 'test/experiments/fixtures/bad.json']);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/bad\.json: tasks\.0\.kind/);
  });
});
