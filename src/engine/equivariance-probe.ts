import type { RoundOutcome, RoundPlayer } from './round-player.js';

/** The shift used to test translation-equivariance, in units of σ (off the μ grid on purpose). */
const PROBE_SHIFT_SIGMAS = 1234.5;
const PROBE_ROUNDS = 8;

/**
 * Declared equivariance is a promise; this checks it. It plays the first
 * rounds at μ = 0 and at μ = 1234.5σ on the same random numbers: for a
 * translation-equivariant profile every agent's squared error is the same
 * (spec/000 §5). Any difference (a constant estimate, an estimate made from
 * no data, a plugin that declared equivariance wrongly) sends the evaluator
 * to the μ grid.
 */
export function looksEquivariant(player: RoundPlayer, sigma: number, a: RoundOutcome, b: RoundOutcome): boolean {
  const m = a.sqErr.length;
  for (let r = 0; r < PROBE_ROUNDS; r++) {
    player.play(r, 0, a);
    player.play(r, PROBE_SHIFT_SIGMAS * sigma, b);
    for (let i = 0; i < m; i++) {
      const x = a.sqErr[i];
      const y = b.sqErr[i];
      if (a.noData[i] || b.noData[i]) return false;
      if (Math.abs(x - y) > 1e-6 * Math.max(x, y) + 1e-9 * sigma * sigma) return false;
    }
  }
  return true;
}
