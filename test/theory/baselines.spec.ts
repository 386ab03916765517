import { expect } from 'chai';
import {
  soloPenalty,
  soloN,
  globalMinimum,
  globalN,
  meanRisk,
  poolEquilibriumSocial,
  poolFreeRide,
  poolBestResponse,
  poolPenalty,
  poolCompliantPenalty,
  poolRatio,
  pcsPenalty,
  pcsFabricatePenalty,
  cdedEquilibrium,
  c3dEquilibrium,
} from '../../src/theory/index.js';
import { expectExact, expectOracle } from './oracle.js';

describe('theory/baselines', () => {
  it('spec/000 §8 item 1: p_IRmin = 2σ√c, GM = 2σ sqrt(cm), pool equilibrium (m+1)σ√c, PCS 2σ sqrt(cm), CDED (2 + 1/k)σ sqrt(cm)', () => {
    for (const [m, sigma, c] of [
      [2, 1, 0.01],
      [10, 2, 0.003],
      [77, 0.5, 1e-5],
    ]) {
      expectExact(soloPenalty(sigma, c), 2 * sigma * Math.sqrt(c));
      expectExact(globalMinimum(m, sigma, c), 2 * sigma * Math.sqrt(c * m));
      expectExact(poolEquilibriumSocial(m, sigma, c), (m + 1) * sigma * Math.sqrt(c));
      expectExact(m * pcsPenalty(m, sigma, c), 2 * sigma * Math.sqrt(c * m));
      for (const k of [1, 2, 7]) expectExact(cdedEquilibrium(m, sigma, c, k).socialPenalty, (2 + 1 / k) * sigma * Math.sqrt(c * m));
    }
  });

  it('meanRisk is σ²/n and +Infinity at 0', () => {
    expectExact(meanRisk(3, 9), 1);
    expect(meanRisk(1, 0)).to.equal(Number.POSITIVE_INFINITY);
  });

  describe('spec/000 §4 worked numbers (σ = 1, c = 0.01)', () => {
    const c = 0.01;
    const ms = [2, 5, 10, 100];

    it('solo n = 10, p = 0.2; solo social 0.4, 1.0, 2.0, 20.0', () => {
      expectExact(soloN(1, c), 10);
      expectExact(soloPenalty(1, c), 0.2);
      [0.4, 1, 2, 20].forEach((v, i) => expectExact(ms[i] * soloPenalty(1, c), v));
    });

    it('global minimum social and n_i', () => {
      const gm = ['0.282843', '0.447214', '0.632456', null];
      const gn = ['7.071068', '4.472136', '3.162278', null];
      ms.forEach((m, i) => {
        if (gm[i] === null) {
          expectExact(globalMinimum(m, 1, c), 2);
          expectExact(globalN(m, 1, c), 1);
        } else {
          expectOracle(globalMinimum(m, 1, c), gm[i] as string, `GM m=${m}`);
          expectOracle(globalN(m, 1, c), gn[i] as string, `n m=${m}`);
        }
        expectExact(m * pcsPenalty(m, 1, c), globalMinimum(m, 1, c));
      });
    });

    it('pool equilibrium social and PR', () => {
      const soc = [0.3, 0.6, 1.1, 10.1];
      const pr = ['1.060660', '1.341641', '1.739253', null];
      ms.forEach((m, i) => {
        expectExact(poolEquilibriumSocial(m, 1, c), soc[i]);
        if (pr[i] === null) expectExact(poolRatio(m), 5.05);
        else expectOracle(poolRatio(m), pr[i] as string, `PR m=${m}`);
        expectExact(poolEquilibriumSocial(m, 1, c) / globalMinimum(m, 1, c), poolRatio(m));
      });
    });

    it('pool at s_pool and free-riding', () => {
      const atPool = ['0.141421', '0.089443', '0.063246', null];
      const free = ['0.141421', '0.055902', '0.035136', '0.010101'];
      ms.forEach((m, i) => {
        const nStar = globalN(m, 1, c);
        const compliant = poolPenalty(nStar, (m - 1) * nStar, 1, c);
        expectExact(compliant, poolCompliantPenalty(m, 1, c));
        if (atPool[i] === null) expectExact(compliant, 0.02);
        else expectOracle(compliant, atPool[i] as string, `s_pool m=${m}`);
        expectOracle(poolFreeRide(m, 1, c), free[i], `free-ride m=${m}`);
        expectExact(poolPenalty(0, (m - 1) * nStar, 1, c), poolFreeRide(m, 1, c));
      });
    });

    it('pool best deviation: m = 2 → n = 2.9289, p = 0.129289; m >= 5 → n = 0', () => {
      const n2 = poolBestResponse(globalN(2, 1, c), 1, c);
      expectOracle(n2, '2.9289', 'n');
      expectExact(n2, (1 - 1 / Math.SQRT2) * 10);
      expectOracle(poolPenalty(n2, globalN(2, 1, c), 1, c), '0.129289', 'p');
      for (const m of [5, 10, 100]) expect(poolBestResponse((m - 1) * globalN(m, 1, c), 1, c)).to.equal(0);
    });

    it('at m = 2 free-riding ties with compliance; for m >= 3 it is strictly better', () => {
      expectExact(poolFreeRide(2, 1, c), poolCompliantPenalty(2, 1, c));
      for (let m = 3; m <= 50; m++) expect(poolFreeRide(m, 1, c)).to.be.lessThan(poolCompliantPenalty(m, 1, c));
    });

    it('every profile with Σn = σ/√c is a pool equilibrium with penalty σ√c + c n_i', () => {
      const S = 10;
      for (const ni of [0, 2, 5]) {
        expectExact(poolBestResponse(S - ni, 1, c), ni);
        expectExact(poolPenalty(ni, S - ni, 1, c), 0.1 + c * ni);
      }
    });
  });

  it('PCS fabricate-and-discard: σ²/(k + (m−1)n*) + ck, σ sqrt(cm)/(m−1) at k = 0, profitable for every m >= 2 (spec/000 §5)', () => {
    for (const m of [2, 3, 5, 10, 100]) {
      const nStar = globalN(m, 1, 0.01);
      const k0 = pcsFabricatePenalty(0, m, 1, 0.01, nStar);
      expectExact(k0, poolFreeRide(m, 1, 0.01));
      // k = max(0, σ/√c − (m−1)n*) is optimal; it beats 2σ sqrt(c/m) for every m >= 2
      const kBest = poolBestResponse((m - 1) * nStar, 1, 0.01);
      const best = pcsFabricatePenalty(kBest, m, 1, 0.01, nStar);
      expect(best).to.be.lessThan(pcsPenalty(m, 1, 0.01));
      if (m >= 3) expect(kBest).to.equal(0);
    }
    // C3D at m >= 10 beats pooling socially (sanity link to c3d)
    expect(c3dEquilibrium(10, 1, 0.01).socialPenalty).to.be.lessThan(poolEquilibriumSocial(10, 1, 0.01));
  });
});
