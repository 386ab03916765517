import type { Instance } from '../core/instance.js';
import type { MechanismRun } from '../core/mechanism.js';
import { InputError } from '../core/instance.js';

/**
 * The effort game of a mechanism (spec/000 §5): agents choose only how many
 * points n_i to collect, submit truthfully and estimate as recommended. An
 * agent's penalty depends on the others only through their total, by the
 * mechanism's closed form.
 */
export class EffortGame {
  readonly m: number;
  /** Largest amount considered: 4σ/√c, four times what a lone agent collects. */
  readonly nMax: number;
  private readonly f: (n: number, othersTotal: number) => number;

  constructor(
    readonly inst: Instance,
    readonly run: MechanismRun,
    nMax?: number,
  ) {
    const f = run.theory.effortPenalty;
    if (!f) throw new InputError('mechanism', `"${run.info.mechanism}" publishes no effort-game closed form; dynamics need one`);
    this.f = f;
    this.m = inst.m;
    this.nMax = nMax ?? Math.ceil((4 * inst.sigma) / Math.sqrt(inst.cost));
  }

  penalty(n: number, othersTotal: number): number {
    return this.f(n, othersTotal);
  }

  /**
   * All best responses to the others' total, by a full scan of 0..nMax (no
   * convexity assumed): the least and the greatest minimiser.
   */
  bestResponses(othersTotal: number): { least: number; greatest: number; penalty: number } {
    let best = Number.POSITIVE_INFINITY;
    let least = 0;
    let greatest = 0;
    for (let n = 0; n <= this.nMax; n++) {
      const p = this.penalty(n, othersTotal);
      const tol = Number.isFinite(best) ? 1e-12 * Math.abs(best) : 0;
      if (p < best - tol) {
        best = p;
        least = n;
        greatest = n;
      } else if (Math.abs(p - best) <= tol) {
        greatest = n;
      }
    }
    return { least, greatest, penalty: best };
  }
}
