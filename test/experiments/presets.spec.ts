/**
 * The seed-000 presets show their claims (issue 4): each runs from its file
 * and the rows it writes carry the claim, checked here number by number.
 */
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment } from '../../src/experiments/runner.js';
import type { CellRow } from '../../src/experiments/run-cell.js';
import { loadSpec } from '../../src/experiments/spec.js';

async function run(name: string): Promise<CellRow[]> {
  const file = `experiments/${name}.json`;
  const dir = mkdtempSync(join(tmpdir(), `arena-${name}-`));
  const s = await runExperiment(loadSpec(file), { specFile: file, outDir: dir });
  expect(s.errors).to.equal(0);
  return [...s.rows];
}

describe('presets show their claims', function () {
  this.timeout(300_000);

  it('c3d-ratio: PR(m) stays below 2 and rises towards it (spec/000 §4)', async () => {
    const rows = (await run('c3d-ratio')).sort((a, b) => a.m - b.m);
    expect(rows.length).to.be.at.least(30);
    for (let j = 0; j < rows.length; j++) {
      expect(rows[j].ratio as number).to.be.below(2);
      if (j > 0) expect(rows[j].ratio as number).to.be.above(rows[j - 1].ratio as number);
    }
    expect(rows.at(-1)!.ratio as number).to.be.above(1.99);
  });

  it('c3d-vs-pool: pool equilibria win for 5 ≤ m ≤ 9, C3D from m = 10 on', async () => {
    const rows = await run('c3d-vs-pool');
    for (let m = 5; m <= 20; m++) {
      const c3d = rows.find((r) => r.m === m && r.mechanism === 'c3d')!.equilibriumRatio as number;
      const pool = rows.find((r) => r.m === m && r.mechanism === 'pool')!.equilibriumRatio as number;
      expect(c3d < pool, `m = ${m}: c3d ${c3d}, pool ${pool}`).to.equal(m >= 10);
    }
  });

  it('high-dim-gap: 0 < E(m) < 5/m for m = 5 … 500 (spec/000 §6)', async () => {
    const rows = await run('high-dim-gap');
    for (const r of rows) {
      expect(r.E as number).to.be.above(0);
      expect(r.E as number).to.be.below(r.bound as number);
    }
  });

  it('pool-free-riding: the gain is largest at n = 0 and matches the closed form', async () => {
    const rows = await run('pool-free-riding');
    const best = rows.reduce((a, b) => ((b.gain as number) > (a.gain as number) ? b : a));
    expect(best.value).to.equal(0);
    for (const r of rows) {
      const diff = Math.abs((r.gain as number) - (r.theoryGain as number));
      // At n = n* the deviation is the baseline itself: zero gain, zero spread.
      if (r.gainStderr === 0) expect(diff, `n = ${r.value}`).to.be.below(1e-15);
      else expect(diff / (r.gainStderr as number), `n = ${r.value}`).to.be.at.most(4);
    }
  });
});
