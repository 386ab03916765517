/**
 * `arena instance thm4` (issue #5): Theorem 4's instance (19) of seed 001 as an instance file,
 * checked through the file parser and cblTheory against spec/001 §5.6, and its bad flags.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { cblTheory } from '../../src/theory/heterogeneous/cbl.js';
import { parseInstanceFile } from '../../src/theory/heterogeneous/instance-file.js';
import { expectOracle, expectRel } from '../theory/oracle.js';
import { runCli } from '../helpers.js';

async function thm4(args: string[]) {
  const r = await runCli(['instance', 'thm4', ...args]);
  expect(r.code, r.err).to.equal(0);
  expect(r.err).to.equal('');
  const json = JSON.parse(r.out) as { name: string; description: string };
  return { text: r.out, json, file: parseInstanceFile(json, 'stdout') };
}

describe('arena instance thm4', () => {
  it('prints instance (19) with the even split of OPT as an instance file (seed 001 eq. (19), spec/001 §5.6)', async () => {
    const { json, file } = await thm4(['--m', '4']);
    expect(json.name).to.equal('thm4-m4');
    expect(json.description).to.include('spec/001 §5.6');
    expect(file.instance.sigma).to.equal(1);
    expect(file.instance.costs).to.deep.equal([[1, Infinity], [Infinity, 1], [Infinity, 1], [Infinity, 1]]);
    const n = file.allocation as number[][];
    expect(n[0]).to.deep.equal([2, 0]); // n_{1,1} = σ√(m/γ) = 2
    for (const row of n.slice(1)) expectRel(row[1] as number, 2 / 3, 1e-15, 'n_{i,2} = σ√(m/γ)/(m−1)');
  });

  for (const [m, social, ratio] of [[4, '11.3333', '1.41667'], [16, '47.0667', '2.94167'], [100, '299.0101', '7.47525']] as const) {
    it(`m = ${m}: M_CBL on the printed file gives social ${social}, ratio ${ratio} (spec/001 §5.6); the shipped file is this output`, async () => {
      const { text, json, file } = await thm4(['--m', String(m)]);
      const t = cblTheory(file.instance, file.allocation as number[][]);
      expect(t.branch).to.equal('no-leverage');
      expectOracle(t.socialPenalty, social, 'social');
      expectOracle(t.ratio, ratio, 'ratio');
      expect(json.description).to.include(`social ${social}, ratio to OPT ${ratio}`);
      expect(readFileSync(`experiments/instances/thm4-m${m}.json`, 'utf8')).to.equal(text);
    });
  }

  it('--sigma and --gamma scale the instance: OPT = 4σ√(mγ), penalties × σ√γ, ratio unchanged', async () => {
    const { file } = await thm4(['--m', '16', '--sigma', '10', '--gamma', '0.04']);
    expect(file.instance.sigma).to.equal(10);
    expect(file.instance.costs[0]).to.deep.equal([0.04, Infinity]);
    expectRel((file.allocation as number[][])[0]![0]!, 10 * Math.sqrt(16 / 0.04), 1e-15, 'n_{1,1} = σ√(m/γ)');
    const t = cblTheory(file.instance, file.allocation as number[][]);
    expectRel(t.baseline, 4 * 10 * Math.sqrt(16 * 0.04), 1e-12, 'OPT');
    expectRel(t.socialPenalty, 10 * Math.sqrt(0.04) * (2 + 1 / 15 + 3 * 15), 1e-12, 'social = σ√γ(2 + 1/(m−1) + 3(m−1))'); // spec/001 §5.6
    expectOracle(t.ratio, '2.94167', 'ratio');
  });

  const bad: [string, string[], RegExp][] = [
    ['m < 2', ['--m', '1'], /--m.*>= 2/],
    ['non-integer m', ['--m', '2.5'], /--m.*integer/],
    ['m not a number', ['--m', 'many'], /--m/],
    ['missing --m', [], /--m/],
    ['σ = 0', ['--m', '4', '--sigma', '0'], /--sigma.*> 0/],
    ['σ not a number', ['--m', '4', '--sigma', 'x'], /--sigma/],
    ['γ < 0', ['--m', '4', '--gamma', '-1'], /--gamma.*> 0/],
    ['unknown flag', ['--m', '4', '--delta', '1'], /--delta/],
  ];
  for (const [what, args, pattern] of bad) {
    it(`bad input: ${what} (exit 2, one line naming the flag)`, async () => {
      const r = await runCli(['instance', 'thm4', ...args]);
      expect(r.code).to.equal(2);
      expect(r.out).to.equal('');
      expect(r.err).to.match(pattern);
      expect(r.err.trim().split('\n')).to.have.length(1);
    });
  }

  it('an unknown generator is an error naming it', async () => {
    const r = await runCli(['instance', 'thm5', '--m', '4']);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/thm5/);
  });
});
