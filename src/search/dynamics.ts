import { Subject } from 'rxjs';
import { Rng, StreamFactory } from '../random/index.js';
import type { EffortGame } from './effort-game.js';
import { aloneAmount } from '../../mechanisms/summary.js';

export type StartProfile = 'solo' | 'free-ride' | 'recommended' | 'random' | 'top' | 'bottom';
export type UpdateRule = 'round-robin' | 'simultaneous';

/** One step of the dynamics: the profile of amounts and each agent's penalty. */
export interface TraceStep {
  readonly iteration: number;
  readonly n: readonly number[];
  readonly penalties: readonly number[];
}

export interface DynamicsResult {
  readonly start: StartProfile;
  readonly rule: UpdateRule;
  readonly tieBreak: 'least' | 'greatest';
  readonly converged: boolean;
  /** Length of the cycle the dynamics fell into, when it did not converge. */
  readonly cycleLength: number | null;
  readonly iterations: number;
  readonly final: TraceStep & { readonly total: number };
  readonly trace: readonly TraceStep[];
}

export interface DynamicsOptions {
  readonly start: StartProfile;
  readonly rule?: UpdateRule;
  readonly tieBreak?: 'least' | 'greatest';
  readonly maxIterations?: number;
  readonly seed?: number;
  /** Receives every step as it is made. */
  readonly steps$?: Subject<TraceStep>;
}

export function startProfile(game: EffortGame, start: StartProfile, seed = 0): number[] {
  const { m } = game;
  switch (start) {
    case 'solo':
      return Array(m).fill(aloneAmount(game.inst));
    case 'free-ride':
    case 'bottom':
      return Array(m).fill(0);
    case 'top':
      return Array(m).fill(game.nMax);
    case 'recommended':
      return Array(m).fill(game.run.info.nRecommended);
    case 'random': {
      const streams = new StreamFactory(seed);
      const rng = streams.seed(streams.key('dynamics', 'start'), 0, new Rng());
      return Array.from({ length: m }, () => rng.nextInt(game.nMax + 1));
    }
  }
}

function penalties(game: EffortGame, n: readonly number[]): number[] {
  const total = n.reduce((a, b) => a + b, 0);
  return n.map((ni) => game.penalty(ni, total - ni));
}

/**
 * Iterated best response in the effort game from a start profile, updating
 * agents one at a time (round-robin, Gauss–Seidel) or all at once
 * (simultaneous, Jacobi). Stops at a fixed point (a pure Nash equilibrium of
 * the effort game), at a cycle, or after maxIterations sweeps.
 */
export function iterateBestResponse(game: EffortGame, opts: DynamicsOptions): DynamicsResult {
  const rule = opts.rule ?? 'round-robin';
  const tieBreak = opts.tieBreak ?? 'least';
  const maxIterations = opts.maxIterations ?? 200;
  let n = startProfile(game, opts.start, opts.seed);
  const trace: TraceStep[] = [];
  const seen = new Map<string, number>();
  const record = (iteration: number) => {
    const step = { iteration, n: [...n], penalties: penalties(game, n) };
    trace.push(step);
    opts.steps$?.next(step);
    return step;
  };
  record(0);
  seen.set(n.join(','), 0);
  let converged = false;
  let cycleLength: number | null = null;
  let it = 0;
  while (it < maxIterations) {
    it++;
    const next = [...n];
    const before = n.reduce((a, b) => a + b, 0);
    let total = before;
    for (let i = 0; i < game.m; i++) {
      const others = rule === 'round-robin' ? total - next[i] : before - n[i];
      const br = game.bestResponses(others);
      const choice = tieBreak === 'least' ? br.least : br.greatest;
      if (rule === 'round-robin') total += choice - next[i];
      next[i] = choice;
    }
    const same = next.every((x, i) => x === n[i]);
    n = next;
    if (same) {
      converged = true;
      break;
    }
    record(it);
    const key = n.join(',');
    const prev = seen.get(key);
    if (prev !== undefined) {
      cycleLength = it - prev;
      break;
    }
    seen.set(key, it);
  }
  opts.steps$?.complete();
  const last = trace[trace.length - 1];
  return {
    start: opts.start,
    rule,
    tieBreak,
    converged,
    cycleLength,
    iterations: it,
    final: { ...last, total: last.n.reduce((a, b) => a + b, 0) },
    trace,
  };
}
