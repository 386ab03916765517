import { paramRange, type ParamSpecs } from '../core/params.js';
import type { PublicInfo } from '../core/public-info.js';
import { goldenSection } from '../theory/golden.js';

export type Params = Record<string, number>;

export interface OptimizeResult {
  readonly params: Params;
  readonly value: number;
  readonly evaluations: number;
}

export interface OptimizeOptions {
  /** Grid points per parameter before refining (default 13). */
  readonly gridPoints?: number;
  /** Coordinate sweeps over all parameters (default 2). */
  readonly sweeps?: number;
  /** Golden-section steps for a real parameter (default 24). */
  readonly goldenSteps?: number;
}


/**
 * Minimises f over a plugin's declared parameter box by coordinate search.
 * An integer parameter gets a coarse grid over its whole range and then
 * unit steps downhill from the best point: this finds the minimum of a
 * convex function (seed 000, Lemma 6) without assuming convexity elsewhere.
 * A real parameter gets a grid and then golden-section search between the
 * best point's neighbours. Values are memoised; +∞ is allowed.
 */
export function minimize<I = PublicInfo>(specs: ParamSpecs<I>, info: I, start: Params, f: (p: Params) => number, opts: OptimizeOptions = {}): OptimizeResult {
  const memo = new Map<string, number>();
  const keys = Object.keys(specs);
  const evalAt = (p: Params): number => {
    const key = keys.map((k) => p[k]).join(',');
    let v = memo.get(key);
    if (v === undefined) {
      v = f(p);
      if (Number.isNaN(v)) v = Number.POSITIVE_INFINITY;
      memo.set(key, v);
    }
    return v;
  };
  let best: Params = { ...start };
  let bestValue = evalAt(best);
  const points = opts.gridPoints ?? 13;
  for (let sweep = 0; sweep < (opts.sweeps ?? 2) && keys.length > 0; sweep++) {
    const before = bestValue;
    for (const k of keys) {
      const spec = specs[k];
      const [lo, hi] = paramRange(spec, info);
      const at = (x: number) => evalAt({ ...best, [k]: x });
      const grid = gridOf(lo, hi, points, spec.kind === 'int', best[k]);
      let bx = best[k];
      let bv = bestValue;
      for (const x of grid) {
        const v = at(x);
        if (v < bv) [bx, bv] = [x, v];
      }
      if (spec.kind === 'int') {
        for (const step of [1, -1]) {
          while (bx + step >= lo && bx + step <= hi && at(bx + step) < bv) {
            bx += step;
            bv = at(bx);
          }
        }
      } else if (Number.isFinite(bv)) {
        const j = grid.indexOf(bx);
        const a = j > 0 ? grid[j - 1] : bx;
        const b = j >= 0 && j < grid.length - 1 ? grid[j + 1] : bx;
        const g = golden(at, a, b, opts.goldenSteps ?? 24);
        if (g.value < bv) [bx, bv] = [g.x, g.value];
      }
      best = { ...best, [k]: bx };
      bestValue = bv;
    }
    if (!(bestValue < before)) break;
  }
  return { params: best, value: bestValue, evaluations: memo.size };
}

/** Evenly spaced points on [lo, hi] (integers when asked), plus `also` and 0 when inside. */
export function gridOf(lo: number, hi: number, points: number, integer: boolean, also: number): number[] {
  const xs = new Set<number>();
  const n = integer ? Math.min(points, hi - lo + 1) : points;
  for (let j = 0; j < n; j++) {
    const x = n === 1 ? lo : lo + ((hi - lo) * j) / (n - 1);
    xs.add(integer ? Math.round(x) : x);
  }
  if (also >= lo && also <= hi) xs.add(also);
  if (lo <= 0 && hi >= 0) xs.add(0);
  return [...xs].sort((a, b) => a - b);
}

/** Golden-section search for a minimum of f on [a, b] in a fixed number of steps. */
export function golden(f: (x: number) => number, a: number, b: number, steps: number): { x: number; value: number } {
  return goldenSection(f, a, b, { steps });
}
