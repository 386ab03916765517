import { expect } from 'chai';
import { runCli, S10 } from '../helpers.js';

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe('arena theory', () => {
  it('gives α² = 25.7573664 and agentPenalty = 0.03395896 for c3d at S10 (spec/000 §8 item 4)', async () => {
    const r = await runCli(['theory', 'c3d', ...S10, '--json']);
    expect(r.code).to.equal(0);
    const t = JSON.parse(r.out);
    expect(Object.keys(t)).to.include.members([
      'mechanism', 'instance', 'nStar', 'alpha', 'agentPenalty', 'socialPenalty', 'globalMinimum', 'ratio', 'soloPenalty', 'individuallyRational',
    ]);
    expect(t.instance).to.deep.equal({ m: 10, sigma: 1, cost: 0.001 });
    expect(Math.abs(t.alpha * t.alpha - 25.7573664)).to.be.below(5e-8);
    expect(Math.abs(t.agentPenalty - 0.03395896)).to.be.below(5e-9);
    expect(rel(t.ratio, 1.697947763)).to.be.below(1e-8);
    expect(t.individuallyRational).to.equal(true);
  });

  it('reproduces the PR table of spec/002 §5 item 9 through the CLI', async () => {
    for (const [m, pr] of [[5, 1.547925851], [25, 1.845368576], [100, 1.953802387]] as const) {
      const c = 1 / (m * 100); // n* = 10
      const t = JSON.parse((await runCli(['theory', 'c3d', '--m', String(m), '--sigma', '1', '--cost', String(c), '--json'])).out);
      expect(rel(t.ratio, pr), `m = ${m}`).to.be.below(1e-8);
    }
  });

  it('gives the pool, PCS and CDED closed forms (spec/000 §8 item 1)', async () => {
    const pool = JSON.parse((await runCli(['theory', 'pool', ...S10, '--json'])).out);
    expect(rel(pool.socialPenalty, 2 * Math.sqrt(10 * 0.001))).to.be.below(1e-12);
    expect(pool.alpha).to.equal(null);
    const pcs = JSON.parse((await runCli(['theory', 'pcs', ...S10, '--json'])).out);
    expect(rel(pcs.ratio, 1)).to.be.below(1e-12);
    for (const k of [1, 2, 3]) {
      const cded = JSON.parse((await runCli(['theory', 'cded', ...S10, '--k', String(k), '--json'])).out);
      expect(rel(cded.socialPenalty, (2 + 1 / k) * Math.sqrt(10 * 0.001)), `k = ${k}`).to.be.below(1e-12);
      expect(rel(cded.ratio, 1 + 1 / (2 * k))).to.be.below(1e-12);
    }
  });

  it('flags that CDED with k = 1 is not IR at m = 2 (spec/000 §3, Theorem 3 caveat)', async () => {
    const t = JSON.parse((await runCli(['theory', 'cded', '--m', '2', '--sigma', '1', '--cost', '0.005', '--k', '1', '--json'])).out);
    expect(t.individuallyRational).to.equal(false);
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['theory', 'c3d', ...S10]);
    expect(r.out).to.match(/agent penalty\s+0\.03395895/);
  });
});
