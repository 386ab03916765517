/**
 * `arena theory market --instance FILE` (issue 6, first increment): the
 * Algorithm 1 and M* numbers of spec/003 §4, in the documented JSON fields.
 */
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';
import { expectOracle } from '../theory/oracle.js';

async function theory(file: string) {
  const r = await runCli(['theory', 'market', '--instance', file]);
  expect(r.code, r.err).to.equal(0);
  return JSON.parse(r.out);
}

describe('arena theory market (seed 003)', function () {
  this.timeout(60_000);

  it('Example A: N+ = 3, q+ = 0.866025, OPT 0.746025, W = OPT − 0.06, utilities (0.457350, 0.228675, 0)', async () => {
    const j = await theory('experiments/markets/example-a.json');
    for (const key of ['nPlus', 'allocations', 'expectedPrices', 'opt', 'profit', 'split', 'contributorUtilities', 'buyerUtilities', 'bound', 'envyFree', 'individuallyRational', 'marketOpen']) {
      expect(j, key).to.have.property(key);
    }
    expect(j.nPlus).to.equal(3);
    expect(j.allocations).to.deep.equal([3]);
    expect(j.expectedPrices[0]).to.be.closeTo(Math.sqrt(3 / 4), 1e-12);
    expectOracle(j.opt, '0.746025', 'OPT');
    expectOracle(j.profit, '0.686025', 'W');
    expect(j.split).to.deep.equal([2, 1, 0]);
    expectOracle(j.contributorUtilities[0], '0.457350', 'u_1');
    expectOracle(j.contributorUtilities[1], '0.228675', 'u_2');
    expect(j.contributorUtilities[2]).to.equal(0);
    expect(j.bound).to.be.closeTo(j.opt - (0.1 - 0.04), 1e-12); // Thm 4: OPT − (c_2 − c_1)
    expect(j.profit).to.be.closeTo(j.bound, 1e-12); // Thm 5.1: W = OPT − (c_2 − c_1) with exact pricing
    expect(j.envyFree && j.individuallyRational && j.marketOpen).to.equal(true);
  });

  it('Example B: N+ = 17, allocations (1, 8, 17), the binding price chain, split (16, 1, 0), buyer utilities', async () => {
    const j = await theory('experiments/markets/example-b.json');
    expect(j.nPlus).to.equal(17);
    expect(j.allocations).to.deep.equal([1, 8, 17]);
    ['0.282843', '0.541341', '0.681731'].forEach((q, k) => expectOracle(j.expectedPrices[k], q, `q_${k + 1}`));
    expectOracle(j.opt, '1.335915', 'OPT');
    expectOracle(j.profit, '1.325915', 'W');
    expect(j.split).to.deep.equal([16, 1, 0]);
    ['0', '0.030207', '0.036009'].forEach((u, k) => expectOracle(j.buyerUtilities[k], u, `u^b_${k + 1}`));
    ['1.247920', '0.077995'].forEach((u, k) => expectOracle(j.contributorUtilities[k], u, `u^c_${k + 1}`));
  });

  it('keeps the file order when costs come unsorted, and closes the market when W < 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-market-'));
    const shuffled = join(dir, 'shuffled.json');
    writeFileSync(shuffled, JSON.stringify({ sigma: 1, costs: [0.2, 0.04, 0.1], buyers: [{ kind: 'gaussian', a: 1, r: 1 }] }));
    const j = await theory(shuffled);
    expect(j.split).to.deep.equal([0, 2, 1]);
    expectOracle(j.contributorUtilities[1], '0.457350', 'u of the cheapest, second in the file');
    const poor = join(dir, 'poor.json');
    writeFileSync(poor, JSON.stringify({ sigma: 1, costs: [0.5, 0.9], buyers: [{ kind: 'gaussian', a: 0.3, r: 1 }] }));
    const k = await theory(poor);
    expect(k.marketOpen).to.equal(false);
    expect(k.profit).to.equal(0);
    expect(k.split).to.deep.equal([0, 0]);
    expect(k.contributorUtilities).to.deep.equal([0, 0]);
  });

  it('rejects bad market files with the field named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-market-bad-'));
    const cases: [unknown, RegExp][] = [
      [{ sigma: 1, costs: [0.1], buyers: [{ kind: 'gaussian', a: 1, r: 1 }] }, /costs/],
      [{ sigma: 1, costs: [0.1, 0.2], buyers: [] }, /buyers/],
      [{ sigma: 1, costs: [0.1, 0.2], buyers: [{ kind: 'gaussian', a: 1.5, r: 1 }] }, /buyers\[0\]\.a/],
      [{ sigma: 1, costs: [0.1, 0.2], buyers: [{ kind: 'table', values: [0.5, 0.4] }] }, /buyers\[0\]\.values/],
      [{ sigma: 1, costs: [0.1, 0.2], buyers: [{ kind: 'nope' }] }, /buyers\[0\]/],
    ];
    for (const [body, msg] of cases) {
      const f = join(dir, 'bad.json');
      writeFileSync(f, JSON.stringify(body));
      const r = await runCli(['theory', 'market', '--instance', f]);
      expect(r.code, JSON.stringify(body)).to.equal(2);
      expect(r.err, JSON.stringify(body)).to.match(msg);
    }
    const r = await runCli(['theory', 'market']);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/--instance/);
  });
});
