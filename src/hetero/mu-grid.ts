import { EQUIVARIANT_MU, MU_GRID_SIGMAS } from '../engine/worst-case.js';

/** Largest d for which the grid also probes each coordinate on its own. */
const AXES_UP_TO = 8;

/**
 * The μ ∈ R^d at which a strategy that is not translation-equivariant is
 * scored; its penalty is the worst of them (seed 001, eq. (3): sup over μ).
 * Along each direction v the steps are seed 000's grid (±10³σ): v = (1,…,1)
 * (every coordinate far from a guess), v = (1,−1,1,…) (coordinates far from
 * each other, which is what punishes submitting one distribution's data as
 * another's) and, for d ≤ 8, each axis e_k.
 */
export function muGrid(d: number, sigma: number): Float64Array[] {
  const dirs: number[][] = [Array.from({ length: d }, () => 1)];
  if (d >= 2) dirs.push(Array.from({ length: d }, (_, k) => (k % 2 === 0 ? 1 : -1)));
  if (d >= 2 && d <= AXES_UP_TO) for (let k = 0; k < d; k++) dirs.push(Array.from({ length: d }, (_, j) => (j === k ? 1 : 0)));
  const out: Float64Array[] = [new Float64Array(d)];
  for (const v of dirs) {
    for (const g of MU_GRID_SIGMAS) {
      if (g === 0) continue;
      out.push(Float64Array.from(v, (x) => x * g * sigma));
    }
  }
  return out;
}

/** The single μ used for profiles whose every strategy is equivariant. */
export function equivariantMu(d: number): Float64Array[] {
  return EQUIVARIANT_MU.map((g) => new Float64Array(d).fill(g));
}

/** μ as text for reports, e.g. "(10, -10)". */
export function muLabel(mu: ArrayLike<number>): string {
  return `(${Array.from(mu).join(', ')})`;
}
