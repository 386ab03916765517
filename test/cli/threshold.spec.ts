/**
 * `arena theory|dynamics threshold-pricing --instance FILE` (seed 004): the CLI wiring of the
 * threshold-pricing theory and the effort game's lattice dynamics, against spec/004 §4.
 */
import { expect } from 'chai';
import { runCli } from '../helpers.js';

describe('arena theory / dynamics threshold-pricing (seed 004)', function () {
  this.timeout(120_000);

  it('theory --types reproduces W4 (thresholds 20/9 and 2.1041020, prices 0.7 and 0.7018576, revenue 0.7)', async () => {
    const r = await runCli(['theory', 'threshold-pricing', '--instance', 'experiments/bayes/two-agent.json', '--types', '4,0.6666666666666666', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.thresholds[0]).to.be.closeTo(20 / 9, 1e-9);
    expect(j.thresholds[1]).to.be.closeTo(2.104102, 1e-6);
    expect(j.prices[0]).to.be.closeTo(0.7, 1e-9);
    expect(j.prices[1]).to.be.closeTo(0.7018576, 1e-7);
    expect(j.allocated).to.deep.equal([true, false]);
    expect(j.values[1]).to.be.closeTo(0.4782609, 1e-7); // reported although not allocated
    expect(j.revenue).to.be.closeTo(0.7, 1e-9);
  });

  it('theory without --types gives expectations over the priors (W6, ρ = 0.5)', async () => {
    const r = await runCli(['theory', 'threshold-pricing', '--instance', 'experiments/bayes/star-rho05.json', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.expectedPayments[0]).to.be.closeTo(0.580882, 1e-6);
    expect(j.expectedPayments[1]).to.be.closeTo(0.557483, 1e-6);
    expect(j.expectedUtilities[0]).to.be.closeTo(0.118334, 1e-6);
    expect(j.expectedRevenue).to.be.closeTo(1.695848, 1e-6);
  });

  it('dynamics: the kinked cost has distinct lowest (0,0) and highest (1,1) equilibria (W8)', async () => {
    const r = await runCli(['dynamics', 'threshold-pricing', '--instance', 'experiments/bayes/effort-kinked.json', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.highest).to.deep.equal([1, 1]);
    expect(j.lowest).to.deep.equal([0, 0]);
    expect(j.unique).to.equal(false);
    expect(j.supermodular.pass).to.equal(true);
    expect(j.traces.top[0]).to.deep.equal([2, 2]);
  });

  it('dynamics: the power cost has a unique equilibrium 0.3040322897 (W7, r = 0.5, exact), both updates', async () => {
    for (const update of ['jacobi', 'gauss-seidel']) {
      const r = await runCli(['dynamics', 'threshold-pricing', '--instance', 'experiments/bayes/effort-power-r05.json', '--update', update, '--json']);
      expect(r.code, r.err).to.equal(0);
      const j = JSON.parse(r.out);
      expect(j.unique, update).to.equal(true);
      for (const e of [...j.highest, ...j.lowest]) expect(e, update).to.be.closeTo(0.3040322897, 1e-8);
    }
  });

  it('free sharing fails the increasing-differences check (Prop C.1: submodular)', async () => {
    const r = await runCli(['dynamics', 'free-sharing', '--instance', 'experiments/bayes/effort-power-r05.json', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.supermodular.pass).to.equal(false);
    expect(j.supermodular.worstViolation).to.be.above(0);
  });

  it('dynamics --vary 0,1 --values: the highest equilibrium rises with r (W7: 0.3025773663, 0.3030250248, 0.3040322897)', async () => {
    const r = await runCli(['dynamics', 'threshold-pricing', '--instance', 'experiments/bayes/effort-power-r05.json', '--vary', '0,1', '--values', '0,0.3,0.5', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.monotone).to.equal(true);
    [0.3025773663, 0.3030250248, 0.3040322897].forEach((e, k) => expect(j.rows[k].highest[0]).to.be.closeTo(e, 1e-8));
    const bad = await runCli(['dynamics', 'threshold-pricing', '--instance', 'experiments/bayes/effort-power-r05.json', '--vary', '0,1']);
    expect(bad.code).to.equal(2);
    expect(bad.err).to.include('--values');
  });

  it('evaluate: the Monte Carlo engine (signals, posterior mean with the reports) meets v_i(q, q̂) within 4 SE (W4)', async () => {
    const r = await runCli(['evaluate', 'threshold-pricing', '--instance', 'experiments/bayes/two-agent.json', '--types', '4,0.6666666666666666', '--deviation', 'constant:value=3', '--agent', '1', '--rounds', '100000', '--seed', '7', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    const misreporter = j.agents[1];
    expect(misreporter.theoryValue).to.be.closeTo(0.183391, 1e-6); // spec/004 §4 W4: q̂_2 = 3
    expect(misreporter.theoryUtility).to.be.closeTo(-0.5184666, 1e-6);
    for (const a of j.agents) expect(Math.abs(a.value.mean - a.theoryValue), `agent ${a.agent}`).to.be.below(4 * a.value.standardError);
  });

  it('a bad instance names the file and the entry (R symmetric with unit diagonal, bounded support, increasing cost)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'bayes-bad-'));
    const U = (high: number | string) => ({ kind: 'uniform', low: 0, high });
    const cases: [object, string][] = [
      [{ correlation: [[1, 0.5], [0.4, 1]], priors: [U(10), U(10)] }, 'correlation[1][0]'],
      [{ correlation: [[0.9, 0.5], [0.5, 1]], priors: [U(10), U(10)] }, 'correlation[0][0]'],
      [{ correlation: [[1, 0.5], [0.5, 1]], priors: [U('inf'), U(10)] }, 'priors[0].high'],
      [{ correlation: [[1, 0.5], [0.5, 1]], priors: [U(16), U(16)], effortCost: [{ kind: 'power', scale: -1, exponent: 4 }, { kind: 'power', scale: 0.5, exponent: 4 }] }, 'effortCost[0].scale'],
    ];
    for (const [json, field] of cases) {
      const f = join(dir, `${field.replace(/\W/g, '_')}.json`);
      writeFileSync(f, JSON.stringify(json));
      const r = await runCli(['dynamics', 'threshold-pricing', '--instance', f]);
      expect(r.code, field).to.equal(2);
      expect(r.err, field).to.include(`${f}: ${field}`);
    }
  });

  it('bad --types and --from are named', async () => {
    const t = await runCli(['theory', 'threshold-pricing', '--instance', 'experiments/bayes/two-agent.json', '--types', '4']);
    expect(t.code).to.equal(2);
    expect(t.err).to.include('--types');
    const f = await runCli(['dynamics', 'threshold-pricing', '--instance', 'experiments/bayes/effort-kinked.json', '--from', 'middle']);
    expect(f.code).to.equal(2);
    expect(f.err).to.include('--from');
    const x = await runCli(['theory', 'pool', '--types', '1,2']);
    expect(x.code).to.equal(2);
    expect(x.err).to.include('--types');
  });
});

describe('arena search on report functions (seed 004)', function () {
  this.timeout(120_000);
  it('threshold-pricing: ex-post equilibrium; pay-as-reported: shading pays (√11 − 1)²/(10√11) at q = (10, 0)', async () => {
    const ok = await runCli(['search', 'threshold-pricing', '--instance', 'experiments/bayes/two-agent.json', '--json']);
    expect(ok.code, ok.err).to.equal(0);
    expect(JSON.parse(ok.out).verdict).to.equal('ex-post-equilibrium');
    const bad = await runCli(['search', 'pay-as-reported', '--instance', 'experiments/bayes/two-agent.json', '--families', 'shade', '--json']);
    expect(bad.code, bad.err).to.equal(0);
    const j = JSON.parse(bad.out);
    expect(j.verdict).to.equal('profitable-misreport');
    // spec/004 §2.2 (w = 1): the best report is √11 − 1 and the gain (√11 − 1)²/(10√11)
    const best = (j.agents as { bestDeviation: { gain: number; report: number } | null }[]).find((a) => a.bestDeviation !== null)!.bestDeviation!;
    expect(best.gain).to.be.closeTo((Math.sqrt(11) - 1) ** 2 / (10 * Math.sqrt(11)), 1e-9);
    expect(best.report).to.be.closeTo(Math.sqrt(11) - 1, 1e-6);
  });
});
