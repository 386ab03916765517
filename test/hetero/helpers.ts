import { createContainer } from '../../src/engine/container.js';
import { TOKENS } from '../../src/engine/tokens.js';
import type { HeteroArena, HeteroSetting } from '../../src/hetero/arena.js';
import { simInstance, type NoiseKind } from '../../src/hetero/info.js';
import type { HeteroStrategyPlugin } from '../../src/hetero/strategy.js';
import type { HeteroInstance } from '../../src/theory/heterogeneous/types.js';

export function heteroArena(plugins: readonly HeteroStrategyPlugin[] = []): HeteroArena {
  return createContainer({ plugins }).get<HeteroArena>(TOKENS.HeteroArena);
}

export function setting(inst: HeteroInstance, allocation: HeteroSetting['allocation'], source = 'test', noise: NoiseKind = 'gaussian'): HeteroSetting {
  return { instance: simInstance(inst, noise), allocation, source };
}

/** spec/001 §5.1, Fig. 1: d = 1, m = 3, σ = 10. */
export const FIG1 = setting({ sigma: 10, costs: [[0.033], [0.066], [0.1]] }, 'opt', 'fig1');

/** spec/001 §5.5, integer version for MC: σ = 10, c = 0.01, m = 25, n_i = 20 (every agent in case C). */
export const H55 = setting({ sigma: 10, costs: Array.from({ length: 25 }, () => [0.01]) }, Array.from({ length: 25 }, () => [20]), '5.5');

/** spec/001 §5.4: d = 2, m = 3, an explicit n^B; agent 3 is in case C on k = 1 and case B on k = 2. */
export const H54 = setting(
  { sigma: 10, costs: [[0.01, 0.04], [0.04, 0.01], [0.04, 0.04]] },
  [[100, 10], [10, 100], [5, 0]],
  '5.4',
);

/** spec/001 §5.2: d = 2, m = 2, σ = 1; condition (8) fails, so M_CBL runs its no-leverage branch. */
export const H52 = setting({ sigma: 1, costs: [[1, 4], [4, 1]] }, 'opt', '5.2');

/** |a − b| ≤ 4 standard errors (the Monte Carlo tolerance of the developers' guide). */
export function within4(a: number, b: number, se: number): boolean {
  return Math.abs(a - b) <= 4 * se;
}
