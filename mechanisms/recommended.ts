import type { MechanismInfo } from '../src/core/mechanism.js';
import type { Play, StrategyMeta } from '../src/core/strategy.js';
import { recommendedAmount } from '../src/plays/collectors.js';
import { weightedMean } from '../src/plays/estimators.js';
import { identity } from '../src/plays/submitters.js';

/**
 * The recommended play shared by pool, PCS and C3D (seed 000, eq. (8)):
 * collect ⌈n*⌉, submit truthfully, estimate with h* (which is the plain
 * mean of X ∪ A when nothing is corrupted).
 */
export const truthfulWeighted: Play = { collect: recommendedAmount, submit: identity, estimate: weightedMean };

export const truthfulMeta: StrategyMeta = { truthful: true, equivariant: true, stochastic: false };

export function info(mechanism: string, nStar: number, nRecommended: number, extra: Partial<MechanismInfo> = {}): MechanismInfo {
  return { mechanism, nStar, nRecommended, threshold: 0, alpha: null, ...extra };
}
