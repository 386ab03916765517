import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment } from '../../src/experiments/runner.js';
import { loadSpec } from '../../src/experiments/spec.js';
import { runCli } from '../helpers.js';

describe('a plugin that never returns', function () {
  this.timeout(120_000);

  it('is stopped by `arena evaluate --timeout`, with an error naming it', async () => {
    const r = await runCli([
      'evaluate', 'c3d', '--m', '6', '--sigma', '1', '--cost', '0.01', '--rounds', '10', '--seed', '1',
      '--plugin', 'test/fixtures/never-returns.ts', '--deviation', 'never-returns', '--timeout', '2',
    ]);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/plugin "never-returns".*did not finish within 2 s/);
  });

  it('is stopped on d-distribution instances too (`arena evaluate cbl --instance F --timeout`)', async () => {
    const r = await runCli([
      'evaluate', 'cbl', '--instance', 'experiments/instances/fig1.json', '--rounds', '10', '--seed', '1',
      '--plugin', 'test/fixtures/hetero-never-returns.ts', '--deviation', 'hetero-never-returns', '--agent', '2', '--timeout', '3',
    ]);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/plugin "hetero-never-returns" \(agent 2\) under cbl.*did not finish within 3 s/);
    const ok = await runCli(['evaluate', 'cbl', '--instance', 'experiments/instances/fig1.json', '--rounds', '10', '--seed', '1', '--timeout', '60', '--json']);
    expect(ok.code, ok.err).to.equal(0);
    expect(JSON.parse(ok.out).agents).to.have.length(3);
  });

  it('is stopped on market files and seed-004 instances too, naming the plugin', async () => {
    const m = await runCli([
      'evaluate', 'market', '--instance', 'experiments/markets/example-b.json', '--rounds', '10', '--seed', '1',
      '--plugin', 'test/fixtures/market-never-returns.ts', '--deviation', 'market-never-returns', '--agent', '1', '--timeout', '3',
    ]);
    expect(m.code).to.equal(2);
    expect(m.err).to.match(/plugin "market-never-returns" \(contributor 1\) under market.*did not finish within 3 s/);
    const b = await runCli([
      'evaluate', 'threshold-pricing', '--instance', 'experiments/bayes/two-agent.json', '--rounds', '10', '--seed', '1',
      '--plugin', 'test/fixtures/bayes-never-returns.ts', '--deviation', 'bayes-never-returns', '--timeout', '3',
    ]);
    expect(b.code).to.equal(2);
    expect(b.err).to.match(/report strategy "bayes-never-returns" \(agent 0\) under threshold-pricing.*did not finish within 3 s/);
    const ok = await runCli(['evaluate', 'market', '--instance', 'experiments/markets/example-b.json', '--rounds', '10', '--seed', '1', '--timeout', '60', '--json']);
    expect(ok.code, ok.err).to.equal(0);
    expect(JSON.parse(ok.out).contributors).to.have.length(3);
  });

  it('costs a run only its own cells: the others finish and are kept (--cell-timeout)', async () => {
    const file = 'test/experiments/fixtures/stuck.json';
    const dir = mkdtempSync(join(tmpdir(), 'arena-stuck-'));
    const summary = await runExperiment(loadSpec(file), { specFile: file, outDir: dir, workers: 2, cellTimeout: 10 }); // generous: a worker thread boots the TypeScript loader first
    expect(summary.errors).to.equal(2);
    expect(summary.computed).to.equal(4);
    const rows = readFileSync(join(dir, 'cells.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.task)).to.deep.equal(['theory', 'theory', 'evaluate', 'evaluate']);
    const errors = readFileSync(join(dir, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    for (const e of errors) expect(e.error).to.match(/never-returns.*did not finish within 10 s/);
  });
});
