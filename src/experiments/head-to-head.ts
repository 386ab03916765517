import { InputError, type Instance } from '../core/instance.js';
import { PluginError } from '../engine/plugin-error.js';
import type { Arena, TheoryReport } from '../engine/arena.js';
import { deviationCatalogue } from './catalogue.js';

export interface DeviationCell {
  readonly id: string;
  readonly what: string;
  /** Set when the deviation's plugin failed; the other cells still ran. */
  readonly error?: string;
  readonly penalty: number;
  readonly stderr: number;
  readonly theory: number | null;
  readonly unbounded: boolean;
  /** Baseline minus deviation penalty for agent 0. */
  readonly gain: number;
  /** Gain exceeds `z` combined standard errors. */
  readonly profitable: boolean;
}

export interface MechanismColumn {
  readonly mechanism: string;
  readonly theory: TheoryReport;
  readonly baseline: { penalty: number; stderr: number };
  readonly deviations: readonly DeviationCell[];
}

export interface HeadToHead {
  readonly instance: Instance;
  readonly rounds: number;
  readonly seed: number;
  readonly z: number;
  readonly mechanisms: readonly MechanismColumn[];
}

/**
 * Runs every mechanism on one instance with the same seed: theory at the
 * recommended profile, and agent 0's Monte Carlo penalty under each
 * catalogue deviation, paired with the recommended baseline on common random
 * numbers. A deviation is marked profitable when its gain exceeds z standard
 * errors of the difference (taken as independent: conservative under CRN).
 */
export function headToHead(
  arena: Arena,
  inst: Instance,
  mechanisms: readonly string[],
  opts: { rounds: number; seed: number; z?: number; mechanismParams?: Record<string, Record<string, number>> },
): HeadToHead {
  const z = opts.z ?? 3;
  const columns = mechanisms.map((mechanism): MechanismColumn => {
    const mechanismParams = opts.mechanismParams?.[mechanism] ?? {};
    const theory = arena.theory(mechanism, inst, mechanismParams);
    const req = { rounds: opts.rounds, seed: opts.seed, mechanismParams };
    const base = arena.evaluate(mechanism, inst, req).agents[0];
    const { run } = arena.setup(mechanism, inst, mechanismParams);
    const deviations = deviationCatalogue(arena.publicInfo(inst, run, 0)).map((entry): DeviationCell => {
      let a;
      try {
        a = arena.evaluate(mechanism, inst, { ...req, deviation: entry.deviation }).agents[0];
      } catch (e) {
        if (!(e instanceof PluginError || e instanceof InputError)) throw e;
        arena.logger.error(`${mechanism}/${entry.what}: ${e.message}`, { module: 'head-to-head' });
        const nan = Number.NaN;
        return { id: entry.id, what: entry.what, error: e.message, penalty: nan, stderr: nan, theory: null, unbounded: false, gain: nan, profitable: false };
      }
      const gain = base.penalty - a.penalty;
      const se = Math.sqrt(a.stderr * a.stderr + base.stderr * base.stderr);
      return { id: entry.id, what: entry.what, penalty: a.penalty, stderr: a.stderr, theory: a.theory, unbounded: a.unbounded, gain, profitable: gain > z * se };
    });
    return { mechanism, theory, baseline: { penalty: base.penalty, stderr: base.stderr }, deviations };
  });
  return { instance: inst, rounds: opts.rounds, seed: opts.seed, z, mechanisms: columns };
}
