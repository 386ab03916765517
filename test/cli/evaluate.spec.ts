import { expect } from 'chai';
import { runCli, S10 } from '../helpers.js';

describe('arena evaluate', () => {
  it('prints the documented JSON fields', async () => {
    const r = await runCli(['evaluate', 'c3d', ...S10, '--rounds', '50', '--seed', '3', '--deviation', 'shift:delta=0.5', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).to.include.members(['mechanism', 'instance', 'rounds', 'seed', 'agents', 'socialPenalty', 'socialStderr']);
    expect(j.agents).to.have.length(10);
    expect(Object.keys(j.agents[0])).to.include.members(['agent', 'strategy', 'penalty', 'stderr', 'theory']);
    expect(j.agents[0].strategy).to.equal('shift:delta=0.5');
    expect(j.agents[1].strategy).to.equal('recommended');
  });

  it('prints byte-identical JSON for the same seed, and different numbers for another seed', async () => {
    const args = ['evaluate', 'c3d', ...S10, '--rounds', '200', '--deviation', 'add-noise:tau=1', '--json'];
    const a = await runCli([...args, '--seed', '11']);
    const b = await runCli([...args, '--seed', '11']);
    const c = await runCli([...args, '--seed', '12']);
    expect(b.out).to.equal(a.out);
    expect(JSON.parse(c.out).agents[0].penalty).to.not.equal(JSON.parse(a.out).agents[0].penalty);
  });

  it('scores a constant estimator at its worst μ, not at μ = μ0 (spec/002 D5)', async () => {
    const r = await runCli(['evaluate', 'pool', ...S10, '--rounds', '20', '--seed', '1', '--deviation', 'constant-estimator:mu0=0', '--json']);
    const a = JSON.parse(r.out).agents[0];
    expect(a.penalty).to.be.at.least(1e5);
    expect(Math.abs(a.worstMu)).to.equal(1000);
  });
});
