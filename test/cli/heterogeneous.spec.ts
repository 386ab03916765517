/**
 * The seed-001 commands (issue 5, first increment): `arena allocate` and
 * `arena theory cbl|sm --instance` reproduce the Fig. 1 example (spec/001 §5.1).
 */
import { expect } from 'chai';
import { runCli } from '../helpers.js';

const FIG1 = 'test/theory/heterogeneous/fixtures/fig1.json';

describe('heterogeneous agents on the CLI (seed 001)', () => {
  it('arena allocate prints the documented JSON, with penalties under sm', async () => {
    const r = await runCli(['allocate', '--instance', FIG1, '--rule', 'opt', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).to.include.members(['rule', 'allocation', 'agentPenalties', 'socialPenalty']);
    expect(j.allocation).to.have.length(3);
    expect(j.socialPenalty).to.be.closeTo(j.agentPenalties.reduce((a: number, b: number) => a + b, 0), 1e-12);
  });

  it('working alone: p_i = 2σ√c_i (seed 001, Fact 1)', async () => {
    const j = JSON.parse((await runCli(['allocate', '--instance', FIG1, '--rule', 'alone', '--json'])).out);
    [0.033, 0.066, 0.1].forEach((c, i) => expect(j.agentPenalties[i]).to.be.closeTo(20 * Math.sqrt(c), 1e-12));
  });

  it('arena theory cbl reproduces the Fig. 1 CBL row (social 9.83541, ratio 1.48057)', async () => {
    const r = await runCli(['theory', 'cbl', '--instance', FIG1, '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.branch).to.equal('leverage');
    expect(j.cases).to.deep.equal([['A'], ['A'], ['B']]);
    expect(Math.abs(j.socialPenalty - 9.83541)).to.be.below(5e-6);
    expect(Math.abs(j.ratio - 1.48057)).to.be.below(5e-6);
    expect(j.individuallyRational).to.deep.equal([true, true, true]);
  });

  it('names the bad field of an instance file, and the bad flag', async () => {
    const bad = await runCli(['allocate', '--instance', 'test/theory/heterogeneous/fixtures/bad-row.json', '--rule', 'opt']);
    expect(bad.code).to.equal(2);
    expect(bad.err).to.match(/costs\[2\]/);
    const rule = await runCli(['allocate', '--instance', FIG1, '--rule', 'best']);
    expect(rule.code).to.equal(2);
    expect(rule.err).to.match(/--rule/);
    const noFile = await runCli(['theory', 'cbl']);
    expect(noFile.code).to.equal(2);
    expect(noFile.err).to.match(/--instance/);
  });
});
