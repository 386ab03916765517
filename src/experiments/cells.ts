import { createHash } from 'node:crypto';
import { resolve, dirname } from 'node:path';
import { InputError } from '../core/instance.js';
import { loadInstanceFile } from '../theory/heterogeneous/instance-file.js';
import { thm4Instance } from '../theory/heterogeneous/thm4.js';
import { loadMarketFile, type BuyerKindParser } from '../theory/market/instance-file.js';
import { cheapestTwo } from '../theory/market/mstar.js';
import type { BayesCell } from './bayes-cells.js';
import { bayesCells } from './bayes-cells.js';
import type { ExperimentSpec, GridTaskSpec, HeteroInstanceSpec, HeteroTaskSpec, MarketEntrySpec, MarketTaskSpec } from './spec.js';
import { expand } from './spec.js';

export interface CellCommon {
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

/** A seed-003 market file as a cell carries it: the file (absolute path) and the costs it runs with. */
export interface MarketCellInstance {
  /** The spec's name for it: the file path as written. */
  readonly label: string;
  readonly file: string;
  /** The contributors' costs, file order (with the swept gap applied). */
  readonly costs: readonly number[];
  /** c_2 − c_1 of this cell (the swept gap, or the file's own). */
  readonly costGap: number;
  /** Number of contributors (the runner's progress lines call it m). */
  readonly m: number;
}

/** One unit of work on a market file: one mechanism's theory or search. */
export interface MarketCell extends CellCommon {
  readonly family: 'market';
  readonly instance: MarketCellInstance;
  readonly task: MarketTaskSpec;
}

export type { BayesCell, BayesCellInstance } from './bayes-cells.js';

export type CellDescriptor = GridCell | HeteroCell | MarketCell | BayesCell;

/** The cells of an experiment, in canonical order. */
export function expandCells(spec: ExperimentSpec, specFile?: string): CellDescriptor[] {
  const base = specFile ? dirname(resolve(specFile)) : process.cwd();
  if (spec.instances) return heteroCells(spec, spec.instances, base, specFile ?? 'spec');
  if (spec.markets) return marketCells(spec, spec.markets, base, specFile ?? 'spec');
  if (spec.bayes) return bayesCells(spec, spec.bayes, base, specFile ?? 'spec');
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

/**
 * The spec's market files, in order: each file once, or once per swept gap with the second-cheapest
 * contributor's cost set to c_1 + gap. A gap that would make another contributor one of the two
 * cheapest (and so change the roles of M*) is an error naming the value. Plugin valuation kinds are
 * checked when the cell runs (the worker loads the plugins).
 */
export function resolveMarkets(entries: readonly MarketEntrySpec[], base: string, source: string, anyKind = false): MarketCellInstance[] {
  // With plugins, buyer kinds are unknown until the worker loads them: accept any kind here (only the costs are read).
  const kinds = anyKind ? (new Proxy({}, { get: (_t, kind) => (raw: Readonly<Record<string, unknown>>) => ({ ...raw, kind: String(kind) }) }) as Record<string, BuyerKindParser>) : {};
  const out: MarketCellInstance[] = [];
  entries.forEach((entry, j) => {
    const label = typeof entry === 'string' ? entry : entry.file;
    const file = resolve(base, label);
    let costs: readonly number[];
    try {
      costs = loadMarketFile(file, { kinds }).costs;
    } catch (e) {
      if (e instanceof InputError) throw new InputError(`${source}: markets.${j}`, e.message);
      throw e;
    }
    const [i1, i2] = cheapestTwo(costs);
    const c1 = costs[i1] as number;
    if (typeof entry === 'string') {
      out.push({ label, file, costs, costGap: (costs[i2] as number) - c1, m: costs.length });
      return;
    }
    const others = costs.filter((_, i) => i !== i1 && i !== i2);
    const ceiling = others.length > 0 ? Math.min(...others) : Infinity;
    for (const gap of expand(entry.costGap)) {
      if (c1 + gap > ceiling) {
        throw new InputError(`${source}: markets.${j}.costGap`, `gap ${gap} makes c_2 = ${c1 + gap} exceed another contributor's cost ${ceiling}; keep c_1 + gap <= ${ceiling}`);
      }
      const swept = costs.map((c, i) => (i === i2 ? c1 + gap : c));
      out.push({ label, file, costs: swept, costGap: gap, m: costs.length });
    }
  });
  return out;
}

function marketCells(spec: ExperimentSpec, entries: readonly MarketEntrySpec[], base: string, source: string): MarketCell[] {
  const plugins = spec.plugins.map((p) => resolve(base, p));
  const cells: MarketCell[] = [];
  for (const instance of resolveMarkets(entries, base, source, plugins.length > 0)) {
    const id = { market: instance.label, costs: instance.costs };
    for (const task of spec.tasks as MarketTaskSpec[]) {
      const taskKey = JSON.stringify(
        task.kind === 'market-search' ? { kind: task.kind, families: task.families ?? null, tolerance: task.tolerance ?? null, rounds: task.rounds ?? null } : { kind: task.kind },
      );
      for (const mechanism of task.mechanisms) {
        cells.push({
          family: 'market',
          key: JSON.stringify({ mechanism, instance: id, task: JSON.parse(taskKey) }),
          index: cells.length,
          mechanism,
          mechanismParams: {},
          instance,
          task,
          seed: `${spec.seed}/${JSON.stringify(id)}/${taskKey}`,
          plugins,
        });
      }
    }
  }
  return cells;
}
