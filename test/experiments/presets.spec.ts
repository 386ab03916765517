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
import { W6 } from '../theory/bayes/helpers.js'; // spec/004 §4 W6

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

  it('threshold-fig1: Fig. 1 of seed 004, expected payments of the star against ρ and the baselines (spec/004 §4 W6, §5)', async () => {
    const rows = await run('threshold-fig1');
    const at = (mechanism: string, rho: number, agent: number) => {
      const r = rows.filter((x) => x.mechanism === mechanism && x.rho === rho && x.agent === agent);
      expect(r, `${mechanism} ρ = ${rho} agent ${agent}`).to.have.length(1);
      return r[0]!;
    };
    const num = (v: unknown) => v as number;
    expect(rows.filter((r) => r.mechanism === 'threshold-pricing').map((r) => [r.rho, r.agent])).to.deep.equal(W6.flatMap(([rho]) => [[rho, 1], [rho, 2], [rho, 3]]));
    const TOL = 1e-6; // spec/004 prints 6 decimals
    for (const [rho, p1, p2, total, u1, u2, x1] of W6) {
      const [a1, a2, a3] = [1, 2, 3].map((i) => at('threshold-pricing', rho, i));
      expect(num(a1!.expectedPayment), `E p_1 at ρ = ${rho}`).to.be.closeTo(p1, TOL);
      expect(num(a2!.expectedPayment), `E p_2 at ρ = ${rho}`).to.be.closeTo(p2, TOL);
      expect(num(a3!.expectedPayment), `E p_3 = E p_2 at ρ = ${rho}`).to.be.closeTo(num(a2!.expectedPayment), 1e-12);
      expect(num(a1!.expectedRevenue), `total at ρ = ${rho}`).to.be.closeTo(total, TOL);
      expect(num(a1!.expectedUtility), `E U_1 at ρ = ${rho}`).to.be.closeTo(u1, TOL);
      expect(num(a2!.expectedUtility), `E U_2 at ρ = ${rho}`).to.be.closeTo(u2, TOL);
      expect(num(a1!.allocationProbability), `P(x_1) at ρ = ${rho}`).to.be.closeTo(x1, TOL);
      // the central agent pays most (Fig. 1)
      expect(num(a1!.expectedPayment)).to.be.at.least(num(a2!.expectedPayment));
    }
    // all payments rise with ρ (Fig. 1; spec/004 §7 oracle 11)
    for (let k = 1; k < W6.length; k++) {
      for (const i of [1, 2, 3]) expect(num(at('threshold-pricing', W6[k]![0], i).expectedPayment)).to.be.above(num(at('threshold-pricing', W6[k - 1]![0], i).expectedPayment));
    }
    // ρ = 0: the Myerson posted price with v = q/(1+q), (12 − 2√11)/10 (spec/004 §4 W1)
    expect(num(at('threshold-pricing', 0, 1).expectedPayment)).to.be.closeTo((12 - 2 * Math.sqrt(11)) / 10, 1e-12);
    // spec/004 §5 baselines (revenue / utility per agent): ρ = 0, and ρ = 0.5 for agents 1 and 2
    const baselines: [string, number, number, number, number][] = [
      ['blind-threshold', 0, 1, 0.536675, 0.111768],
      ['blind-threshold', 0.5, 1, 0.573301, 0.086878],
      ['blind-threshold', 0.5, 2, 0.555579, 0.098747],
      ['full-allocation', 0, 1, 0, 0.76021],
      ['full-allocation', 0.5, 1, 0.380105, 0.422878],
      ['full-allocation', 0.5, 2, 0.224918, 0.558382],
      ['free-sharing', 0, 1, 0, 0.76021],
      ['free-sharing', 0.5, 1, 0, 0.802983],
      ['free-sharing', 0.5, 2, 0, 0.7833],
    ];
    for (const [mech, rho, agent, pay, util] of baselines) {
      const r = at(mech, rho, agent);
      expect(num(r.expectedPayment), `${mech} ρ = ${rho} agent ${agent}: E p`).to.be.closeTo(pay, TOL);
      expect(num(r.expectedUtility), `${mech} ρ = ${rho} agent ${agent}: E U`).to.be.closeTo(util, TOL);
    }
  });

  it('effort-lattice: equilibrium effort rises with r under threshold pricing and falls under free sharing; best responses rise vs fall (spec/004 §4 W7, W10)', async () => {
    const rows = await run('effort-lattice');
    const num = (v: unknown) => v as number;
    const eq = (mechanism: string, model: string, r: number) => {
      const x = rows.filter((row) => row.task === 'effort-dynamics' && row.mechanism === mechanism && row.model === model && row.r === r);
      expect(x, `${mechanism} ${model} r = ${r}`).to.have.length(1);
      return x[0]!;
    };
    const br = (mechanism: string, model: string, r: number, ej: number) => {
      const x = rows.filter((row) => row.task === 'best-response-curve' && row.mechanism === mechanism && row.model === model && row.r === r && row.otherEffort === ej);
      expect(x, `${mechanism} ${model} r = ${r} e_j = ${ej}`).to.have.length(1);
      return num(x[0]!.bestResponse);
    };
    const TOL = 1e-8;
    const rs = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
    // W7 table: equilibrium (highest = lowest), BR(0), BR(2)
    const W7: [string, number, number, number, number][] = [
      ['exact', 0, 0.3025773663, 0.3025773663, 0.3025773663],
      ['approx', 0, 0.3025773663, 0.3025773663, 0.3025773663],
      ['approx', 0.3, 0.3030184083, 0.3030112639, 0.3030401246],
      ['exact', 0.3, 0.3030250248, 0.3030177584, 0.3030472503],
      ['approx', 0.5, 0.3039675121, 0.3039446135, 0.3040408071],
      ['exact', 0.5, 0.3040322897, 0.3040081916, 0.3041108011],
    ];
    for (const [model, r, e, br0, br2] of W7) {
      const row = eq('threshold-pricing', model, r);
      for (const x of [...(row.highest as number[]), ...(row.lowest as number[])]) expect(x, `W7 equilibrium ${model} r = ${r}`).to.be.closeTo(e, TOL);
      expect(row.unique).to.equal(true);
      expect(br('threshold-pricing', model, r, 0), `W7 BR(0) ${model} r = ${r}`).to.be.closeTo(br0, TOL);
      expect(br('threshold-pricing', model, r, 2), `W7 BR(2) ${model} r = ${r}`).to.be.closeTo(br2, TOL);
    }
    // W10 (exact): free sharing's BR falls with e_j; r = 0 gives BR ≡ 0.5077112932, the equilibrium and first-best
    for (const [ej, want] of [[0, 0.4792641039], [1, 0.47793327], [2, 0.4771844107]] as const) expect(br('free-sharing', 'exact', 0.5, ej), `W10 BR_free(${ej})`).to.be.closeTo(want, TOL);
    for (const ej of [0, 1, 2]) expect(br('free-sharing', 'exact', 0, ej)).to.be.closeTo(0.5077112932, TOL);
    expect(num((eq('free-sharing', 'exact', 0.5).highest as number[])[0])).to.be.closeTo(0.47850827, TOL);
    expect(num((eq('free-sharing', 'exact', 0).highest as number[])[0])).to.be.closeTo(0.5077112932, TOL);
    const others = [...new Set(rows.filter((r) => r.task === 'best-response-curve').map((r) => num(r.otherEffort)))].sort((a, b) => a - b);
    expect(others).to.deep.equal([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    for (const model of ['exact', 'approx']) {
      for (let k = 1; k < rs.length; k++) {
        // Thm 3(iii): the highest equilibrium rises with r² under threshold pricing; free sharing's falls (free-riding)
        const [lo, hi] = [eq('threshold-pricing', model, rs[k - 1]!), eq('threshold-pricing', model, rs[k]!)];
        expect(num((hi.highest as number[])[0]), `${model} r = ${rs[k]}`).to.be.above(num((lo.highest as number[])[0]));
        const [flo, fhi] = [eq('free-sharing', model, rs[k - 1]!), eq('free-sharing', model, rs[k]!)];
        expect(num((fhi.highest as number[])[0]), `free ${model} r = ${rs[k]}`).to.be.below(num((flo.highest as number[])[0]));
      }
      for (const r of rs) {
        // Thm 3(i): supermodular under the mechanism (exactly flat at r = 0); Prop C.1: submodular under free sharing
        expect(eq('threshold-pricing', model, r).supermodular, `${model} r = ${r}`).to.equal(true);
        expect(eq('free-sharing', model, r).supermodular, `free ${model} r = ${r}`).to.equal(r === 0);
        if (r === 0) continue;
        for (let k = 1; k < others.length; k++) {
          expect(br('threshold-pricing', model, r, others[k]!), `BR rises: ${model} r = ${r}`).to.be.above(br('threshold-pricing', model, r, others[k - 1]!));
          expect(br('free-sharing', model, r, others[k]!), `BR_free falls: ${model} r = ${r}`).to.be.below(br('free-sharing', model, r, others[k - 1]!));
        }
      }
    }
  });

  it('effort-multiplicity: the W8 band (M(0)/240, M(1)/240] of two equilibria at r = 0.5, none at r = 0, moving up with r (spec/004 §4 W8)', async () => {
    const rows = await run('effort-multiplicity');
    const at = (r: number) => rows.filter((x) => x.r === r).sort((a, b) => (a.kappa as number) - (b.kappa as number));
    const first = (xs: CellRow[], k: 'highest' | 'lowest') => (xs.find((x) => (x[k] as number[])[0] === 0)!.kappa as number);
    for (const row of at(0.5)) {
      const k = row.kappa as number;
      expect((row.highest as number[])[0], `highest at κ = ${k}`).to.equal(k <= 0.0072149586 ? 1 : 0);
      expect((row.lowest as number[])[0], `lowest at κ = ${k}`).to.equal(k <= 0.0072104464 ? 1 : 0);
    }
    for (const row of at(0)) {
      // r = 0: M ≡ H(0) = 1.7064990, so BR = 1 iff κ ≤ H(0)/240 for both selections
      const k = row.kappa as number;
      expect(row.unique, `κ = ${k}`).to.equal(true);
      expect((row.highest as number[])[0]).to.equal(k <= 1.706499 / 240 ? 1 : 0);
    }
    const switches = [0, 0.3, 0.5].map((r) => first(at(r), 'highest'));
    expect(switches[1]!).to.be.above(switches[0]!);
    expect(switches[2]!).to.be.above(switches[1]!); // Thm 3(iii)
    expect(at(0.3).some((x) => x.unique === false), 'a band at r = 0.3 too').to.equal(true);
  });
});
