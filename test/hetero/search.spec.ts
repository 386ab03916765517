import { expect } from 'chai';
import { heteroCertify } from '../../src/hetero/certificate.js';
import { FIG1, H55, heteroArena } from './helpers.js';

const arena = heteroArena();

describe('best-response search in the d-distribution family (spec/001 §6)', () => {
  it('finds the sm free-riding deviation of §5.1: agent 2 collects nothing, gain 0.320244 at the paper\'s n*', () => {
    const c = heteroCertify(arena, 'sm', FIG1, { seed: 1, families: ['collect', 'alone'] });
    expect(c.verdict).to.equal('profitable-deviation');
    const a = c.agents[1];
    expect(a.bestDeviation).to.deep.equal({ family: 'collect', params: { k: 0, n: 0 } });
    expect(a.paperGain as number).to.be.closeTo(0.320244, 1e-6);
    expect(a.estimatedGain).to.be.closeTo(1.727822784810127 - 100 / 72, 1e-9); // at ⌈n^OPT⌉ = (72, 7, 0)
    expect(a.ci[0]).to.be.greaterThan(0);
    expect(a.ci[0]).to.be.at.most(a.estimatedGain);
    expect(a.ci[1]).to.be.at.least(a.estimatedGain);
    // Agent 1's IR binds at n^OPT, so under M_SM she too would rather collect her best response σ/√c − 7 = 48 (integer amounts).
    expect(c.agents[0].bestDeviation?.params.n).to.equal(48);
  });

  it('certifies an ε-equilibrium for cbl on the §5.5 m = 25 integer instance, fabrication around a guess included', () => {
    const c = heteroCertify(arena, 'cbl', H55, { seed: 2, families: ['collect', 'fabricate', 'shrink'] });
    expect(c.verdict).to.equal('epsilon-equilibrium');
    expect(c.agents).to.have.length(25);
    const a = c.agents[0];
    const searched = a.searched as unknown as { family: string; params: Record<string, number>; penalty: number }[];
    expect(searched.find((f) => f.family === 'collect')?.params.n).to.equal(20); // Lemma 4: p(n) is minimised at n*
    expect(searched.find((f) => f.family === 'fabricate')?.penalty).to.be.greaterThan(0.7381474);
    expect(c.agents.slice(1).every((x) => !Array.isArray(x.searched))).to.equal(true); // one search for 25 interchangeable agents
    expect(c.epsilon as number).to.be.lessThan(0.01 * 0.7381474);
  });
});
