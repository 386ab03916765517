/**
 * Seed-004 plugins through --plugin: a report strategy, a prior kind and an effort-cost kind
 * (test/fixtures/bayes-plugin.ts), installed by the container and used by theory, dynamics and search.
 */
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';

const PLUGIN = 'test/fixtures/bayes-plugin.ts';

describe('seed-004 plugins (--plugin)', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'bayes-plugin-'));
  const tri = join(dir, 'tri.json');
  writeFileSync(tri, JSON.stringify({ correlation: [[1, 0.5], [0.5, 1]], priors: [{ kind: 'fixture-triangle', high: 10 }, { kind: 'uniform', low: 0, high: 10 }], model: 'exact' }));
  const cubic = join(dir, 'cubic.json');
  writeFileSync(
    cubic,
    JSON.stringify({
      correlation: [[1, 0.5], [0.5, 1]],
      priors: [{ kind: 'uniform', low: 0, high: 16 }, { kind: 'uniform', low: 0, high: 16 }],
      effortCost: [{ kind: 'fixture-cubic', scale: 0.2 }, { kind: 'fixture-cubic', scale: 0.2 }],
    }),
  );

  it('a plugin prior kind sets the threshold where its virtual value crosses 0 (seed 004, eq. (3))', async () => {
    const r = await runCli(['theory', 'threshold-pricing', '--instance', tri, '--plugin', PLUGIN, '--types', '5,4', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    // agent 0: ρ = r²α_2 = 0.25·0.8, w = 1 − ρ; φ(q) = 1 − w/(1+wq) − (w/(1+wq))²·(1 − F)/f with (1 − F)/f = (10 − q)/2
    const w = 1 - 0.25 * 0.8;
    const phi = (q: number) => 1 - w / (1 + w * q) - (w / (1 + w * q)) ** 2 * ((10 - q) / 2);
    let [lo, hi] = [0, 10];
    for (let k = 0; k < 200; k++) [lo, hi] = phi((lo + hi) / 2) < 0 ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
    expect(j.thresholds[0]).to.be.closeTo(lo, 1e-9);
    expect(j.prices[0]).to.be.closeTo(1 - w / (1 + w * lo), 1e-9); // price = v(q̄)
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ correlation: [[1, 0.5], [0.5, 1]], priors: [{ kind: 'nosuch', high: 10 }, { kind: 'uniform', low: 0, high: 10 }] }));
    const missing = await runCli(['theory', 'threshold-pricing', '--instance', unknown]);
    expect(missing.code).to.equal(2);
    expect(missing.err).to.include('priors[0].kind').and.to.include('nosuch');
  });

  it('a plugin effort cost drives the dynamics: the equilibrium solves the FOC M/(Q − e)² = c′(e)', async () => {
    const r = await runCli(['dynamics', 'threshold-pricing', '--instance', cubic, '--plugin', PLUGIN, '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.unique).to.equal(true);
    expect(j.highest[0]).to.be.above(0).and.below(2);
  });

  it('a plugin report strategy is searched: halving the report pays under pay-as-reported, not under threshold-pricing', async () => {
    const bad = await runCli(['search', 'pay-as-reported', '--instance', 'experiments/bayes/two-agent.json', '--plugin', PLUGIN, '--families', 'halve', '--json']);
    expect(bad.code, bad.err).to.equal(0);
    expect(JSON.parse(bad.out).verdict).to.equal('profitable-misreport');
    const ok = await runCli(['search', 'threshold-pricing', '--instance', 'experiments/bayes/two-agent.json', '--plugin', PLUGIN, '--families', 'halve', '--json']);
    expect(JSON.parse(ok.out).verdict).to.equal('ex-post-equilibrium');
  });
});
