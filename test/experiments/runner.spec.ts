import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment } from '../../src/experiments/runner.js';
import { loadSpec } from '../../src/experiments/spec.js';

const SPEC = 'test/experiments/fixtures/small.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'arena-'));

describe('experiment runner', function () {
  this.timeout(300_000);
  const spec = loadSpec(SPEC);
  let reference = '';
  let refDir = '';

  before(async () => {
    refDir = tmp();
    await runExperiment(spec, { specFile: SPEC, outDir: refDir, workers: 1 });
    reference = readFileSync(join(refDir, 'cells.jsonl'), 'utf8');
  });

  it('writes cells.jsonl, summary.csv, the manifest, the report and a CSV per chart', () => {
    expect(reference.trim().split('\n')).to.have.length(2 * 2 * (1 + 4 + 1 + 1));
    for (const f of ['summary.csv', 'manifest.json', 'report.html', 'charts/ratio.csv', 'charts/gain.csv', 'charts/paths.csv']) {
      expect(existsSync(join(refDir, f)), f).to.equal(true);
    }
    const manifest = JSON.parse(readFileSync(join(refDir, 'manifest.json'), 'utf8'));
    expect(manifest).to.include.keys('spec', 'version', 'commit', 'seed', 'started', 'finished', 'machine');
    const html = readFileSync(join(refDir, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)).to.have.length(3);
    expect(html).to.include('data-series="pool|c3d"');
    expect(html).to.include('>bound<');
  });

  it('gives byte-identical cells.jsonl with 1 and 2 workers', async () => {
    const dir = tmp();
    await runExperiment(spec, { specFile: SPEC, outDir: dir, workers: 2 });
    expect(readFileSync(join(dir, 'cells.jsonl'), 'utf8')).to.equal(reference);
  });

  it('loses nothing when killed midway: --resume completes to the same cells.jsonl', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ['bin/arena.js', 'run', SPEC, '--out', dir], { stdio: 'ignore' });
    const file = join(dir, 'cells.jsonl');
    const lines = () => (existsSync(file) && statSync(file).size > 0 ? readFileSync(file, 'utf8').trim().split('\n').length : 0);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (lines() >= 6) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        resolve();
      });
      child.on('error', reject);
    });
    const partial = lines();
    expect(partial).to.be.at.least(6);
    expect(partial, 'killed before the end').to.be.below(28);
    const summary = await runExperiment(spec, { specFile: SPEC, outDir: dir, workers: 1, resume: true });
    expect(summary.resumed).to.equal(partial);
    expect(readFileSync(file, 'utf8')).to.equal(reference);
  });

  it('records the claim the sweep shows: under pool, the gain is largest at n = 0', () => {
    const rows = reference.trim().split('\n').map((l) => JSON.parse(l));
    const sweep = rows.filter((r) => r.task === 'sweep' && r.mechanism === 'pool' && r.m === 8);
    const best = sweep.reduce((a, b) => (b.gain > a.gain ? b : a));
    expect(best.value).to.equal(0);
  });
});
