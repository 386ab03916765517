import { resolve, dirname } from 'node:path';
import type { ExperimentSpec, TaskSpec } from './spec.js';
import { expand } from './spec.js';

/** One unit of work: a task for one mechanism on one instance. */
export interface CellDescriptor {
  /** Canonical identity; a run with --resume skips the keys it already has. */
  readonly key: string;
  readonly index: number;
  readonly mechanism: string;
  readonly mechanismParams: Record<string, number>;
  readonly instance: { readonly m: number; readonly sigma: number; readonly cost: number };
  readonly task: TaskSpec;
  /** For a sweep: the parameter value of this cell. */
  readonly value?: number;
  /**
   * Derived from (experiment seed, instance, task) and not from the
   * mechanism, so every mechanism meets the same random numbers, and adding
   * a cell never changes another cell's numbers.
   */
  readonly seed: string;
  readonly plugins: readonly string[];
}

/** The cells of an experiment, in canonical order. */
export function expandCells(spec: ExperimentSpec, specFile?: string): CellDescriptor[] {
  const base = specFile ? dirname(resolve(specFile)) : process.cwd();
  const plugins = spec.plugins.map((p) => resolve(base, p));
  const cells: CellDescriptor[] = [];
  for (const m of expand(spec.grid.m)) {
    for (const sigma of expand(spec.grid.sigma)) {
      const costs = spec.grid.cost ? expand(spec.grid.cost) : expand(spec.grid.nStar!).map((n) => (sigma * sigma) / (m * n * n));
      for (const cost of costs) {
        const instance = { m, sigma, cost };
        for (const task of spec.tasks) {
          const values = task.kind === 'sweep' ? expand(task.values) : [undefined];
          for (const value of values) {
            const taskKey = JSON.stringify(value === undefined ? task : { ...task, values: undefined, value });
            for (const mechanism of spec.mechanisms) {
              const mechanismParams = spec.mechanismParams[mechanism] ?? {};
              const key = JSON.stringify({ mechanism, mechanismParams, instance, task: JSON.parse(taskKey) });
              cells.push({
                key,
                index: cells.length,
                mechanism,
                mechanismParams,
                instance,
                task,
                value,
                seed: `${spec.seed}/${JSON.stringify(instance)}/${taskKey}`,
                plugins,
              });
            }
          }
        }
      }
    }
  }
  return cells;
}
