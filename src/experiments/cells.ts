import { createHash } from 'node:crypto';
import { resolve, dirname } from 'node:path';
import { InputError } from '../core/instance.js';
import { loadInstanceFile } from '../theory/heterogeneous/instance-file.js';
import { thm4Instance } from '../theory/heterogeneous/thm4.js';
import type { ExperimentSpec, GridTaskSpec, HeteroInstanceSpec, HeteroTaskSpec } from './spec.js';
import { expand } from './spec.js';

interface CellCommon {
  /** Canonical identity; a run with --resume skips the keys it already has. */
  readonly key: string;
  readonly index: number;
  readonly mechanism: string;
  readonly mechanismParams: Record<string, number>;
  /**
   * Derived from (experiment seed, instance, task) and not from the
   * mechanism, so every mechanism meets the same random numbers, and adding
   * a cell never changes another cell's numbers.
   */
  readonly seed: string;
  readonly plugins: readonly string[];
}

/** One unit of work on the m/σ/cost grid: a task for one mechanism on one homogeneous instance. */
export interface GridCell extends CellCommon {
  readonly family: 'grid';
  readonly instance: { readonly m: number; readonly sigma: number; readonly cost: number };
  readonly task: GridTaskSpec;
  /** For a sweep: the parameter value of this cell. */
  readonly value?: number;
}

/** A seed-001 instance as a cell carries it (costs may be Infinity: structured clone keeps it). */
export interface HeteroCellInstance {
  /** The spec's name for it: the instance file path as written, or "thm4". */
  readonly label: string;
  readonly m: number;
  readonly d: number;
  readonly sigma: number;
  readonly costs: readonly (readonly number[])[];
  /** The instance's input allocation: a rule name or an explicit n[i][k]. */
  readonly allocation: string | number[][];
  /** Theorem 4's instance (19): its γ (the generator's m and σ are m and sigma). */
  readonly thm4?: { readonly gamma: number };
}

/**
 * One unit of work on a seed-001 instance: an `allocations` cell computes one rule
 * (`mechanism` is "sm", or "alone" for the rule alone), a `heterogeneous-theory`
 * cell one mechanism (cbl or sm).
 */
export interface HeteroCell extends CellCommon {
  readonly family: 'heterogeneous';
  readonly instance: HeteroCellInstance;
  readonly task: HeteroTaskSpec;
  /** For an allocations cell: the rule. */
  readonly rule?: string;
}

export type CellDescriptor = GridCell | HeteroCell;

/** The cells of an experiment, in canonical order. */
export function expandCells(spec: ExperimentSpec, specFile?: string): CellDescriptor[] {
  const base = specFile ? dirname(resolve(specFile)) : process.cwd();
  if (spec.instances) return heteroCells(spec, spec.instances, base, specFile ?? 'spec');
  const plugins = spec.plugins.map((p) => resolve(base, p));
  const cells: CellDescriptor[] = [];
  const grid = spec.grid!; // parseSpec: exactly one of grid and instances
  for (const m of expand(grid.m)) {
    for (const sigma of expand(grid.sigma)) {
      const costs = grid.cost ? expand(grid.cost) : expand(grid.nStar!).map((n) => (sigma * sigma) / (m * n * n));
      for (const cost of costs) {
        const instance = { m, sigma, cost };
        for (const task of spec.tasks as GridTaskSpec[]) {
          const values = task.kind === 'sweep' ? expand(task.values) : [undefined];
          for (const value of values) {
            const taskKey = JSON.stringify(value === undefined ? task : { ...task, values: undefined, value });
            for (const mechanism of spec.mechanisms) {
              const mechanismParams = spec.mechanismParams[mechanism] ?? {};
              const key = JSON.stringify({ mechanism, mechanismParams, instance, task: JSON.parse(taskKey) });
              cells.push({
                family: 'grid',
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

/** Costs as JSON can hold them (∞ as "inf", as instance files write it). */
function costsText(costs: readonly (readonly number[])[]): (number | string)[][] {
  return costs.map((row) => row.map((c) => (c === Infinity ? 'inf' : c)));
}

/** The spec's instances, in order: each file once, each thm4 generator once per m. */
export function resolveInstances(instances: readonly HeteroInstanceSpec[], base: string, source: string): HeteroCellInstance[] {
  const out: HeteroCellInstance[] = [];
  instances.forEach((entry, j) => {
    if (typeof entry === 'string') {
      let file;
      try {
        file = loadInstanceFile(resolve(base, entry));
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`${source}: instances.${j}`, e.message);
        throw e;
      }
      const { sigma, costs } = file.instance;
      out.push({ label: entry, m: costs.length, d: costs[0].length, sigma, costs, allocation: file.allocation });
      return;
    }
    const { sigma, gamma } = entry.thm4;
    for (const m of expand(entry.thm4.m)) {
      const { instance, allocation } = thm4Instance(m, sigma, gamma); // seed 001 eq. (19), spec/001 §5.6 even split
      out.push({ label: 'thm4', m, d: 2, sigma, costs: instance.costs, allocation, thm4: { gamma } });
    }
  });
  return out;
}

/** A short fingerprint of an instance's content, so that --resume never reuses a row of an edited file. */
function fingerprint(inst: HeteroCellInstance): string {
  const text = JSON.stringify({ sigma: inst.sigma, costs: costsText(inst.costs), allocation: inst.allocation });
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function heteroCells(spec: ExperimentSpec, instances: readonly HeteroInstanceSpec[], base: string, source: string): HeteroCell[] {
  const cells: HeteroCell[] = [];
  for (const instance of resolveInstances(instances, base, source)) {
    const id = { instance: instance.label, m: instance.m, sigma: instance.sigma, ...(instance.thm4 ?? {}), content: fingerprint(instance) };
    for (const task of spec.tasks as HeteroTaskSpec[]) {
      const units: { mechanism: string; rule?: string }[] =
        task.kind === 'allocations' ? task.rules.map((rule) => ({ mechanism: rule === 'alone' ? 'alone' : 'sm', rule })) : task.mechanisms.map((mechanism) => ({ mechanism }));
      for (const unit of units) {
        const taskKey = JSON.stringify(
          task.kind === 'allocations'
            ? { kind: task.kind, rule: unit.rule }
            : task.kind === 'heterogeneous-search'
              ? { kind: task.kind, families: task.families ?? null, tolerance: task.tolerance ?? null, rounds: task.rounds ?? null }
              : { kind: task.kind },
        );
        cells.push({
          family: 'heterogeneous',
          key: JSON.stringify({ mechanism: unit.mechanism, instance: id, task: JSON.parse(taskKey) }),
          index: cells.length,
          mechanism: unit.mechanism,
          mechanismParams: {},
          instance,
          task,
          rule: unit.rule,
          seed: `${spec.seed}/${JSON.stringify(id)}/${taskKey}`,
          plugins: [],
        });
      }
    }
  }
  return cells;
}
