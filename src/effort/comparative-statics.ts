/**
 * Comparative statics of the highest equilibrium in one correlation entry (seed 004, Thm 3(iii):
 * "in the highest-effort equilibrium, efforts are non-decreasing in every σ_ij²"; spec/004 §3.4).
 *
 * For each value v in the list, R_ij = R_ji = v (R stays symmetric), the game is rebuilt and the
 * highest equilibrium found from the top. Values that make R not positive definite, or put the
 * game outside the theory's range (threshold below the box, see game.ts), are skipped with the
 * reason; other errors propagate. `monotone` checks Thm 3(iii) across the solved values ordered by v².
 */
import { InputError } from '../core/instance.js';
import { type EffortGameSpec, makeEffortGame } from './game.js';
import { type IterateOptions, iterateFrom } from './lattice.js';

export interface ComparativeStaticsRow {
  readonly value: number;
  /** Highest equilibrium, or null when skipped. */
  readonly highest: readonly number[] | null;
  readonly converged: boolean | null;
  readonly iterations: number | null;
  /** Why the value was skipped (InputError message), else null. */
  readonly skipped: string | null;
}

export interface ComparativeStatics {
  readonly entry: readonly [number, number];
  readonly rows: readonly ComparativeStaticsRow[];
  /** Every coordinate of the highest equilibrium is non-decreasing in v² over the solved rows (slack 1e-12). */
  readonly monotone: boolean;
}

/** Highest equilibrium as a function of correlation entry (i, j) over `values`. */
export function highestVsCorrelation(
  spec: EffortGameSpec,
  i: number,
  j: number,
  values: readonly number[],
  opts: IterateOptions = {},
): ComparativeStatics {
  const n = spec.correlation.length;
  if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < n && j < n && i !== j)) {
    throw new InputError('entry', `must be two distinct agent indices in [0, ${n}) (got (${i}, ${j}))`);
  }
  const rows: ComparativeStaticsRow[] = values.map((v) => {
    const R = spec.correlation.map((row) => [...row]);
    R[i][j] = v;
    R[j][i] = v;
    let game;
    try {
      game = makeEffortGame({ ...spec, correlation: R });
    } catch (err) {
      if (err instanceof InputError && (err.field.startsWith('correlation') || err.field === 'S')) {
        return { value: v, highest: null, converged: null, iterations: null, skipped: err.message };
      }
      throw err;
    }
    const run = iterateFrom(game, 'top', opts);
    return { value: v, highest: run.final, converged: run.converged, iterations: run.iterations, skipped: null };
  });
  const solved = rows.filter((r) => r.highest !== null).sort((a, b) => a.value * a.value - b.value * b.value);
  let monotone = true;
  for (let t = 1; t < solved.length; t++) {
    const lo = solved[t - 1].highest!;
    const hi = solved[t].highest!;
    if (hi.some((x, k) => x < lo[k] - 1e-12)) monotone = false;
  }
  return { entry: [i, j], rows, monotone };
}
