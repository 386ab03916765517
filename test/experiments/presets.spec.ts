/**
 * The presets show their claims (issues 4 and 5): each runs from its file
 * and the rows it writes carry the claim, checked here number by number.
 * Seed-001 oracles are asserted to half a unit in their last printed digit
 * as spec/001 prints them (test/theory/oracle.ts).
 */
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment } from '../../src/experiments/runner.js';
import type { CellRow } from '../../src/experiments/run-cell.js';
import { loadSpec } from '../../src/experiments/spec.js';
import { expectOracle } from '../theory/oracle.js';

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
  it('heterogeneous-fig1: the allocations of Fig. 1 and M_CBL at n^OPT (spec/001 §5.1)', async () => {
    const rows = await run('heterogeneous-fig1');
    const allocation = (rule: string) => rows.find((r) => r.task === 'allocations' && r.rule === rule)!;
    // spec/001 §5.1 table: n, p_i (M_SM, compliant; alone: p^IND), social
    const table: Record<string, { n: string[]; p: string[]; social: string; ir: boolean[] }> = {
      alone: { n: ['55.0482', '38.9249', '31.6228'], p: ['3.63318', '5.13809', '6.32456'], social: '15.0958', ir: [true, true, true] },
      social: { n: ['95.3463', '0', '0'], p: ['4.19524', '1.04881', '1.04881'], social: '6.29285', ir: [false, true, true] },
      opt: { n: ['71.17143', '6.67847', '0'], p: ['3.63318', '1.72530', '1.28452'], social: '6.64301', ir: [true, true, true] },
      nash: { n: ['35.3182', '23.4181', '15.7315'], p: ['2.50836', '2.88846', '2.91602'], social: '8.31283', ir: [true, true, true] },
      egalitarian: { n: ['40.6928', '20.3464', '13.4286'], p: ['2.68572', '2.68572', '2.68572'], social: '8.05717', ir: [true, true, true] },
      ks: { n: ['27.9353', '24.5506', '21.9819'], p: ['2.26473', '2.96320', '3.54106'], social: '8.76898', ir: [true, true, true] },
    };
    expect(rows.filter((r) => r.task === 'allocations').map((r) => r.rule)).to.deep.equal(Object.keys(table));
    for (const [rule, want] of Object.entries(table)) {
      const r = allocation(rule);
      want.n.forEach((v, i) => (v === '0' ? expect((r.nPerAgent as number[])[i], `${rule} n[${i}]`).to.equal(0) : expectOracle((r.nPerAgent as number[])[i]!, v, `${rule} n[${i}]`)));
      want.p.forEach((v, i) => expectOracle((r.agentPenalties as number[])[i]!, v, `${rule} p[${i}]`));
      expectOracle(r.socialPenalty as number, want.social, `${rule} social`);
      expect(r.individuallyRational, `${rule} IR`).to.deep.equal(want.ir);
      (r.soloPenalties as number[]).forEach((v, i) => expectOracle(v, table.alone!.p[i]!, `${rule} p^IND[${i}]`));
    }
    const cbl = rows.find((r) => r.task === 'heterogeneous-theory' && r.mechanism === 'cbl')!;
    ['3.63318', '5.13809', '1.06413'].forEach((v, i) => expectOracle((cbl.agentPenalties as number[])[i]!, v, `M_CBL p[${i}]`));
    expectOracle(cbl.socialPenalty as number, '9.83541', 'M_CBL social');
    expectOracle(cbl.ratio as number, '1.48057', 'M_CBL ratio to OPT');
    const sm = rows.find((r) => r.task === 'heterogeneous-theory' && r.mechanism === 'sm')!;
    expectOracle(sm.socialPenalty as number, '6.64301', 'M_SM social = OPT');
    expect(cbl.baseline).to.equal(sm.socialPenalty);
  });

  it('price-of-stability: M_CBL/OPT on the Thm 4 instance is 1.41667, 2.94167, 7.47525 at m = 4, 16, 100 and within [√m/4, √m] (spec/001 §5.6)', async () => {
    const rows = (await run('price-of-stability')).sort((a, b) => a.m - b.m);
    expect(rows.length).to.be.at.least(15);
    expect(rows[0]!.m).to.equal(2);
    expect(rows.at(-1)!.m).to.equal(100);
    for (const [m, ratio] of [[4, '1.41667'], [16, '2.94167'], [100, '7.47525']] as const) {
      const r = rows.find((x) => x.m === m);
      expect(r, `m = ${m} on the grid`).to.not.equal(undefined);
      expectOracle(r!.ratio as number, ratio, `ratio at m = ${m}`);
    }
    for (const r of rows) {
      expect(r.sqrtMOver4).to.equal(Math.sqrt(r.m) / 4);
      expect(r.sqrtM).to.equal(Math.sqrt(r.m));
      expect(r.ratio as number, `m = ${r.m}`).to.be.within(r.sqrtMOver4 as number, r.sqrtM as number);
      expect(Math.abs((r.baseline as number) - (r.opt as number)), `m = ${r.m}: P(M_SM, n^OPT) = 4σ√(mγ)`).to.be.below(1e-12 * (r.opt as number));
    }
    for (let j = 1; j < rows.length; j++) expect(rows[j]!.ratio as number).to.be.above(rows[j - 1]!.ratio as number);
  });

  it('market-profit-bound: M* earns exactly OPT − (c₂ − c₁) at every gap; naive and single leave fabrication open (seed 003, Thm 4; spec/003 §4)', async () => {
    const rows = await run('market-profit-bound');
    const gaps = [...new Set(rows.map((r) => r.costGap as number))].sort((a, b) => a - b);
    expect(gaps.length).to.equal(9);
    for (const gap of gaps) {
      const at = (mech: string) => rows.find((r) => r.mechanism === mech && r.costGap === gap)!;
      const [mstar, naive, single] = [at('market'), at('market-naive'), at('market-single')];
      expect(mstar.nPlus, 'Algorithm 1 depends on c_1 only').to.equal(17);
      expect(mstar.opt as number).to.be.closeTo(1.335915, 1e-6); // spec/003 §7 oracle 3
      expect(mstar.bound as number).to.be.closeTo((mstar.opt as number) - gap, 1e-12);
      expect(mstar.profit as number, `W at gap ${gap}`).to.be.closeTo(mstar.bound as number, 1e-12);
      expect(naive.profit as number).to.be.closeTo(mstar.profit as number, 1e-12);
      expect(single.profit as number).to.be.closeTo(mstar.opt as number, 1e-12); // Lemma 2
      expect(mstar.incentiveCompatible).to.equal(true);
      expect(mstar.fabricationGain).to.equal(null);
      const split = naive.split as number[];
      // spec/003 §2.5: fabrication gains c_iN_i*; at gap 0 the tied costs split N+ evenly (9, 8)
      expect(naive.fabricationGain as number).to.be.closeTo(Math.max(0.01 * split[0]!, (0.01 + gap) * split[1]!), 1e-12);
      expect(split).to.deep.equal(gap === 0 ? [9, 8, 0] : [16, 1, 0]);
      expect(single.fabricationGain as number).to.be.closeTo(0.01 * 17, 1e-12); // Claim 6: c_1N+
    }
  });
});
