import { alonePenalty } from '../../src/hetero/alone.js';
import { defineHeteroMechanism } from '../../src/hetero/mechanism.js';
import { acceptingMeta, acceptingPlay, bestNeighbour, heteroAmount } from '../../src/hetero/plays.js';
import { cblCaseCPenalty, cblTheory } from '../../src/theory/heterogeneous/cbl.js';
import { allocateCaseC, type CaseCPlan } from './allocate.js';
import { IdentityPermutation } from '../../src/random/identity-permutation.js';
import { cblDeviationPenalty, cblPaperPenalty, type CblSimContext } from './theory.js';

/**
 * M_CBL, "Corrupt Based on Leverage" (seed 001, Algorithm 2), run with any
 * input allocation (n^OPT, a bargaining solution or an explicit matrix).
 * At publish time it runs Alg. 1 (Compute-n-Approx) and checks condition
 * (8). Leverage branch: agents in V_k get their own data back (case A),
 * agents asked for nothing get the others' data (B), and the rest get the
 * others' data corrupted in proportion to how far their submission is from
 * a clean sample of it (C). No-leverage branch: the cheapest agents of each
 * distribution collect alone, everyone else gets their data (NL).
 * The simulation asks each agent for the integer neighbour of n* her own
 * penalty prefers, draws |Z| = ⌈n*⌉ and |Y'| = T_k − n* rounded; the theory
 * it publishes for deviations is evaluated at those integer counts.
 */
export default defineHeteroMechanism({
  name: 'cbl',
  description: 'Corrupt based on leverage (M_CBL): own data, others\' data, or others\' data corrupted by the gap to a clean sample.',
  source: 'seed 001, Algorithms 1–2, eq. (8), (9), (11); spec/001 §2.4–2.6 with errata 1–3',
  params: {},
  setup(inst, allocation) {
    const theory = cblTheory(inst, allocation as number[][]);
    const sigma2 = inst.sigma * inst.sigma;
    const plans: (CaseCPlan | null)[][] = theory.cases.map((row, i) =>
      row.map((cs, k) => {
        const alpha = theory.alpha[i][k];
        if (cs !== 'C' || alpha === null) return null;
        const yPrime = Math.max(0, Math.round(theory.T[k] - theory.nStar[i][k])); // Alg. 2 line 19: |Y'| = T_k − n*_{i,k}
        return { yPrime, z: heteroAmount(theory.nStar[i][k]), alpha2: alpha * alpha, sigma2 }; // line 20: |Z| = n*_{i,k}, rounded up
      }),
    );
    const cheapest = inst.costs.map((row, i) => row.map((c, k) => c === Math.min(...inst.costs.map((r) => r[k])) && Number.isFinite(inst.costs[i][k])));
    // What each agent is asked to collect: the integer neighbour of n* that her own penalty prefers (spec/001 §3 is convex in n).
    const nBar = theory.nStar.map((row, i) =>
      row.map((n, k) => {
        const c = inst.costs[i][k];
        const plan = plans[i][k];
        const f = plan ? (x: number) => cblCaseCPenalty(x, { z: plan.z, Dprime: plan.yPrime - plan.z, alpha: Math.sqrt(plan.alpha2), c, sigma: inst.sigma }) : (x: number) => sigma2 / x + c * x;
        return bestNeighbour(n, f);
      }),
    );
    const ctx: CblSimContext = { theory, nBar, plans, cheapest };
    const scratch = new IdentityPermutation();
    return {
      mechanism: 'cbl',
      nStar: theory.nStar,
      nRecommended: nBar,
      recommended: acceptingPlay(inst.d),
      recommendedMeta: acceptingMeta,
      allocate(i, pool, rng, out) {
        for (let k = 0; k < inst.d; k++) {
          const p = pool.byK[k];
          const cs = theory.cases[i][k];
          const ownOnly = cs === 'A' || (cs === 'NL' && cheapest[i][k]); // Alg. 2 line 14 / 27
          if (cs === 'C') allocateCaseC(i, k, p, rng, out, plans[i][k] as CaseCPlan, scratch);
          else if (ownOnly) out.setMean(k, p.sums[i], p.size(i));
          else out.setMean(k, p.othersSum(i), p.othersSize(i)); // Alg. 2 line 16 / 29: mean(Y_{−i,k})
        }
      },
      theory: {
        summary: () => theory,
        penalty: (dev, agent, opts) => {
          if (dev.strategy === 'alone') return alonePenalty(inst, agent, opts?.continuous);
          return opts?.continuous ? cblPaperPenalty(inst, theory, dev, agent) : cblDeviationPenalty(inst, ctx, dev, agent);
        },
      },
    };
  },
});
