import type { Instance } from '../src/core/instance.js';
import type { TheorySummary } from '../src/core/mechanism.js';
import { globalMinimum, soloPenalty } from '../src/theory/index.js';

/** Assembles the `arena theory` fields from a per-agent penalty at the recommended profile. */
export function summarize(
  inst: Instance,
  nStar: number,
  alpha: number | null,
  agentPenalty: number,
  equilibriumRatio: (ratio: number) => number | null,
): TheorySummary {
  const socialPenalty = inst.m * agentPenalty; // seed 000 §2: P = Σ_i p_i (symmetric profile)
  const gm = globalMinimum(inst.m, inst.sigma, inst.cost); // seed 000 §2: inf P = 2σ√(mc)
  const solo = soloPenalty(inst.sigma, inst.cost); // seed 000, eq. (6)
  return {
    nStar,
    alpha,
    agentPenalty,
    socialPenalty,
    globalMinimum: gm,
    ratio: socialPenalty / gm,
    soloPenalty: solo,
    individuallyRational: agentPenalty <= solo * (1 + 1e-12),
    equilibriumRatio: equilibriumRatio(socialPenalty / gm),
  };
}

/** The integer amount a lone agent collects: σ/√c rounded to the better neighbour (seed 000, eq. (6)). */
export function aloneAmount(inst: Instance): number {
  const s2 = inst.sigma * inst.sigma;
  const x = inst.sigma / Math.sqrt(inst.cost);
  const lo = Math.max(1, Math.floor(x));
  const hi = lo + 1;
  return s2 / lo + inst.cost * lo <= s2 / hi + inst.cost * hi ? lo : hi;
}

/** Penalty of an agent who ignores the mechanism: σ²/n + cn at the integer optimum. */
export function alonePenalty(inst: Instance): number {
  const n = aloneAmount(inst);
  return (inst.sigma * inst.sigma) / n + inst.cost * n;
}
