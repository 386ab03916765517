/**
 * The instance files shipped in experiments/instances/ (issue #5) reproduce the worked examples of
 * spec/001 §5: each file is loaded as `arena` loads it, its allocation resolved, and the printed
 * numbers checked through allocate / smTheory / cblTheory. Printed oracles are asserted to half a
 * unit in their last printed digit (test/theory/oracle.ts), exact values to 1e-12 relative.
 * Each file's description must quote the headline numbers that are checked here.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { allocate, soloPenalties, type AllocationRule } from '../../src/theory/heterogeneous/allocations.js';
import { cblTheory, smTheory, type CblTheory, type SmTheory } from '../../src/theory/heterogeneous/cbl.js';
import { loadInstanceFile } from '../../src/theory/heterogeneous/instance-file.js';
import type { Allocation, HeteroInstance } from '../../src/theory/heterogeneous/types.js';
import { expectExact, expectOracle, expectRel } from '../theory/oracle.js';

const DIR = 'experiments/instances';

interface Loaded {
  instance: HeteroInstance;
  n: Allocation;
  allocation: string | number[][];
  description: string;
  cbl: CblTheory;
  sm: SmTheory;
}

function load(file: string): Loaded {
  const path = `${DIR}/${file}`;
  const { instance, allocation } = loadInstanceFile(path);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; description?: unknown };
  expect(raw.name, `${file}: name`).to.be.a('string').and.not.equal('');
  expect(raw.description, `${file}: description`).to.be.a('string');
  const n = typeof allocation === 'string' ? allocate(instance, allocation as AllocationRule) : allocation;
  return { instance, allocation, n, description: raw.description as string, cbl: cblTheory(instance, n), sm: smTheory(instance, n) };
}

/** The description cites its spec section and quotes each headline number it promises. */
function expectDescribed(l: Loaded, section: string, headlines: string[]): void {
  expect(l.description).to.include(`spec/001 ${section}`);
  for (const h of headlines) expect(l.description, `description quotes ${h}`).to.include(h);
}

function expectAll(actual: readonly number[], printed: readonly string[], label: string): void {
  expect(actual).to.have.length(printed.length);
  actual.forEach((a, i) => expectOracle(a, printed[i] as string, `${label}[${i}]`));
}

const col = (n: Allocation, k = 0) => n.map((row) => row[k] as number);

const CASES: Record<string, (l: Loaded) => void> = {
  'fig1.json': (l) => {
    expectDescribed(l, '§5.1', ['9.83541', '1.48057', '6.64301']);
    expect(l.allocation).to.equal('opt');
    expectAll(col(allocate(l.instance, 'alone')), ['55.0482', '38.9249', '31.6228'], 'n^IND');
    expectAll(soloPenalties(l.instance), ['3.63318', '5.13809', '6.32456'], 'p^IND');
    expectAll(col(l.n).slice(0, 2), ['71.17143', '6.67847'], 'n^OPT');
    expect(l.n[2]).to.deep.equal([0]);
    expectAll(l.sm.agentPenalties, ['3.63318', '1.72530', '1.28452'], 'p(M_SM, n^OPT)');
    expectOracle(l.sm.socialPenalty, '6.64301', 'P(M_SM, n^OPT)');
    expect(l.cbl.branch).to.equal('leverage');
    expect(l.cbl.V).to.deep.equal([[0, 1]]);
    expectAll(col(l.cbl.nStar).slice(0, 2), ['55.04819', '38.92495'], 'n*');
    expect(l.cbl.nStar[2]).to.deep.equal([0]);
    expectOracle(l.cbl.T[0] as number, '93.97314', 'T');
    expect(l.cbl.cases).to.deep.equal([['A'], ['A'], ['B']]);
    expectAll(l.cbl.agentPenalties, ['3.63318', '5.13809', '1.06413'], 'p(M_CBL)');
    expectOracle(l.cbl.socialPenalty, '9.83541', 'P(M_CBL)');
    expectOracle(l.cbl.ratio, '1.48057', 'ratio');
    expect(l.cbl.individuallyRational).to.deep.equal([true, true, true]);
  },
  'm2-d2-no-leverage.json': (l) => {
    expectDescribed(l, '§5.2', ['5.65685', '1.06066']);
    soloPenalties(l.instance).forEach((p) => expectExact(p, 6, 'p^IND'));
    expectRel(l.n[0]![0]!, Math.SQRT2, 1e-9, 'n^OPT_{1,1}'); // spec/001 §5.2: n^OPT = diag(√2, √2)
    expectRel(l.n[1]![1]!, Math.SQRT2, 1e-9, 'n^OPT_{2,2}');
    expect([l.n[0]![1], l.n[1]![0]]).to.deep.equal([0, 0]);
    l.sm.agentPenalties.forEach((p) => expectRel(p, 2 * Math.SQRT2, 1e-9, 'p(M_SM)'));
    expectOracle(l.sm.socialPenalty, '5.65685', 'P(M_SM)');
    expect(l.cbl.favorableCondition).to.equal(false);
    expect(l.cbl.branch).to.equal('no-leverage');
    expect(l.cbl.nStar).to.deep.equal([[1, 0], [0, 1]]);
    l.cbl.agentPenalties.forEach((p) => expectExact(p, 3, 'p(M_CBL)'));
    expectExact(l.cbl.socialPenalty, 6, 'P(M_CBL)');
    expectOracle(l.cbl.ratio, '1.06066', 'ratio');
    expect(l.cbl.ratio).to.be.at.most(Math.SQRT2);
  },
  'm3-d2-no-leverage.json': (l) => {
    expectDescribed(l, '§5.3', ['(3, 2, 3)', '1.15470']);
    expectOracle(l.n[0]![0]!, '173.205', 'n^OPT_{1,1}');
    expectOracle(l.n[2]![1]!, '173.205', 'n^OPT_{3,2}');
    expect([l.n[0]![1], l.n[1]![0], l.n[1]![1], l.n[2]![0]]).to.deep.equal([0, 0, 0, 0]);
    expectAll(l.sm.agentPenalties, ['2.88675', '1.15470', '2.88675'], 'p(M_SM)');
    expect(l.cbl.branch).to.equal('no-leverage');
    l.cbl.agentPenalties.forEach((p, i) => expectExact(p, [3, 2, 3][i] as number, `p(M_CBL)[${i}]`));
    expectExact(l.cbl.socialPenalty, 8, 'P(M_CBL)');
    expectOracle(l.cbl.ratio, '1.15470', 'ratio');
  },
  'm3-d2-bargaining.json': (l) => {
    expectDescribed(l, '§5.4', ['2.847339', '14.84734', '6.601082']);
    expect(l.allocation).to.deep.equal([[100, 10], [10, 100], [5, 0]]);
    expectAll(l.sm.agentPenalties, ['3.17866', '3.17866', '1.97866'], 'p(M_SM, n^B)');
    soloPenalties(l.instance).forEach((p, i) => expectExact(p, [6, 6, 8][i] as number, `p^IND[${i}]`));
    expect(l.cbl.favorableCondition).to.equal(true);
    expect(l.cbl.V).to.deep.equal([[0, 1], [0, 1]]);
    expect(l.cbl.T).to.deep.equal([155, 150]);
    expect(l.cbl.nStar.slice(0, 2)).to.deep.equal([[100, 50], [50, 100]]);
    expectOracle(l.cbl.nStar[2]![0]!, '16.129032', 'n*_{3,1}');
    expect(l.cbl.nStar[2]![1]).to.equal(0);
    expect(l.cbl.cases[2]).to.deep.equal(['C', 'B']);
    expectOracle(l.cbl.alpha[2]![0]!, '6.601082', 'α_{3,1}');
    expectOracle(l.cbl.penalties[2]![0]!, '2.180673', 'p_{3,1}');
    expectOracle(l.cbl.penalties[2]![1]!, '0.666667', 'p_{3,2}');
    expectAll(l.cbl.agentPenalties, ['6', '6', '2.847339'], 'p(M_CBL)');
    expectOracle(l.cbl.socialPenalty, '14.84734', 'P(M_CBL)');
    const ratios = l.cbl.agentPenalties.map((p, i) => p / (l.sm.agentPenalties[i] as number)); // Thm 5: per-agent ratio ≤ 8
    expectAll(ratios, ['1.888', '1.888', '1.439'], 'p(M_CBL)/p(M_SM)');
    for (const r of ratios) expect(r).to.be.at.most(8);
  },
  'homogeneous-m25-integer.json': (l) => {
    expectDescribed(l, '§5.5', ['0.7381474', '5.3228952', '18.453686']);
    expect(l.n.every((row) => row[0] === 20)).to.equal(true);
    expect(l.cbl.V).to.deep.equal([[]]);
    expect(l.cbl.T).to.deep.equal([500]);
    expect(l.cbl.cases.every((c) => c[0] === 'C')).to.equal(true);
    expect(l.cbl.nStar.every((row) => row[0] === 20)).to.equal(true);
    expect((l.cbl.T[0] as number) - 2 * 20).to.equal(460); // D = T − 2n*
    l.cbl.alpha.forEach((a) => expectOracle(a[0] as number, '5.3228952', 'α'));
    l.cbl.agentPenalties.forEach((p) => expectOracle(p, '0.7381474', 'p'));
    expectOracle((l.cbl.agentPenalties[0] as number) - 0.01 * 20, '0.5381474', 'error part p − c n*');
    soloPenalties(l.instance).forEach((p) => expectExact(p, 2, 'p^IND'));
    expectOracle(l.cbl.socialPenalty, '18.453686', 'P(M_CBL)');
    expectExact(l.cbl.baseline, 10, 'OPT = 2σ√(cm)');
    expectOracle(l.cbl.ratio, '1.8454', 'ratio');
  },
  'homogeneous-m9.json': (l) => {
    expectDescribed(l, '§5.5', ['6.333333', '1.6130216', '1.0589406', '14.235762', '2.3726']);
    expect(l.cbl.V).to.deep.equal([[0, 1, 2, 3, 4]]);
    expectOracle(l.cbl.T[0] as number, '6.333333', 'T');
    l.cbl.agentPenalties.slice(0, 5).forEach((p) => expectExact(p, 2, 'p (V: alone)'));
    for (let i = 5; i < 9; i++) {
      expect(l.cbl.cases[i]).to.deep.equal(['C']);
      expectExact(l.cbl.nStar[i]![0]!, 1 / 3, 'n* (C)');
      expectOracle(l.cbl.alpha[i]![0]!, '1.6130216', 'α');
      expectOracle(l.cbl.agentPenalties[i]!, '1.0589406', 'p (C)');
    }
    expectOracle(l.cbl.socialPenalty, '14.235762', 'P(M_CBL)');
    expectOracle(l.cbl.ratio, '2.3726', 'ratio');
  },
  'homogeneous-m17.json': (l) => {
    expectDescribed(l, '§5.5', ['4.1231056', '0.2425356', '0.6385411', '0.8691292', '14.775196', '1.7918']);
    expect(l.cbl.V).to.deep.equal([[]]);
    expectOracle(l.cbl.T[0] as number, '4.1231056', 'T');
    l.cbl.nStar.forEach((row) => expectOracle(row[0] as number, '0.2425356', 'n*'));
    l.cbl.alpha.forEach((a) => expectOracle(a[0] as number, '0.6385411', 'α'));
    l.cbl.agentPenalties.forEach((p) => expectOracle(p, '0.8691292', 'p'));
    expectOracle(l.cbl.socialPenalty, '14.775196', 'P(M_CBL)');
    expectOracle(l.cbl.ratio, '1.7918', 'ratio');
  },
};

/** spec/001 §5.6: the Thm 4 instance at m, social and ratio as printed. */
function thm4Case(m: number, social: string, ratio: string): (l: Loaded) => void {
  return (l) => {
    expectDescribed(l, '§5.6', [`social ${social}`, `ratio to OPT ${ratio}`]);
    expect(l.cbl.branch).to.equal('no-leverage');
    expectExact(l.cbl.agentPenalties[0] as number, 2 + 1 / (m - 1), 'p_1 = 2 + 1/(m−1)');
    l.cbl.agentPenalties.slice(1).forEach((p) => expectExact(p, 3, 'p_i = 3'));
    expectRel(l.cbl.baseline, 4 * Math.sqrt(m), 1e-12, 'OPT = 4σ√(mγ)');
    expectOracle(l.cbl.socialPenalty, social, 'P(M_CBL)');
    expectOracle(l.cbl.ratio, ratio, 'ratio');
    expect(l.cbl.ratio).to.be.within(Math.sqrt(m) / 4, Math.sqrt(m));
  };
}
CASES['thm4-m4.json'] = thm4Case(4, '11.3333', '1.41667');
CASES['thm4-m16.json'] = thm4Case(16, '47.0667', '2.94167');
CASES['thm4-m100.json'] = thm4Case(100, '299.0101', '7.47525');

describe('instance files in experiments/instances reproduce spec/001 §5', () => {
  it('every shipped file is checked below', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).to.deep.equal(Object.keys(CASES).sort());
  });

  for (const [file, check] of Object.entries(CASES)) {
    it(file, () => check(load(file)));
  }
});
