import { makeInstance } from '../core/instance.js';
import type { Container } from 'inversify';
import { createContainer, type Plugin } from '../engine/container.js';
import type { Arena, EvaluateReport, EvaluateRequest } from '../engine/arena.js';
import { TOKENS } from '../engine/tokens.js';
import type { HeteroArena, HeteroEvaluateReport, HeteroEvaluateRequest, HeteroSetting } from '../hetero/arena.js';
import { createLogger } from '../engine/logger.js';
import { loadPluginFile } from '../engine/plugin-loader.js';
import type { CellDescriptor } from './cells.js';
import { runCell, type CellRow } from './run-cell.js';
import { runMarketCell } from './run-market-cell.js';
import { runBayesCell } from './run-bayes-cell.js';
import type { MarketArena, MarketEvaluateReport, MarketEvaluateRequest } from '../market/arena.js';
import type { PluginRegistry } from '../engine/registry.js';
import { bayesEvaluate, type BayesEvaluateOptions } from '../cli/bayes-evaluate.js';

const containers = new Map<string, Promise<Container>>();

/** One container per plugin set, built once per thread. */
function containerFor(plugins: readonly string[]): Promise<Container> {
  const key = plugins.join('\n');
  let c = containers.get(key);
  if (!c) {
    c = (async () => {
      const loaded: Plugin[] = [];
      for (const f of plugins) loaded.push(...(await loadPluginFile(f, 'plugins')));
      return createContainer({ plugins: loaded, logger: createLogger('error') });
    })();
    containers.set(key, c);
  }
  return c;
}

/** The seed-000 facade of the thread's container for a plugin set. */
export async function arenaFor(plugins: readonly string[]): Promise<Arena> {
  return (await containerFor(plugins)).get<Arena>(TOKENS.Arena);
}

/** The worker-thread task: run one cell. */
export async function runCellTask(cell: CellDescriptor): Promise<CellRow> {
  if (cell.family === 'bayes') return runBayesCell(cell); // no container: closed forms and quadrature
  if (cell.family === 'market') return runMarketCell((await containerFor(cell.plugins)).get<MarketArena>(TOKENS.MarketArena), cell);
  return runCell(await arenaFor(cell.plugins), cell);
}

export interface EvaluateTask {
  readonly kind: 'evaluate';
  readonly mechanism: string;
  readonly instance: { m: number; sigma: number; cost: number };
  readonly request: EvaluateRequest;
  readonly plugins: readonly string[];
}

/** One evaluation in the d-distribution family (seed 001), e.g. `arena evaluate cbl --instance F --timeout S`. */
export interface HeteroEvaluateTask {
  readonly kind: 'hetero-evaluate';
  readonly mechanism: string;
  readonly setting: HeteroSetting;
  readonly request: HeteroEvaluateRequest;
  readonly plugins: readonly string[];
}

/** One market evaluation (seed 003), e.g. `arena evaluate market --instance F --timeout S`. */
export interface MarketEvaluateTask {
  readonly kind: 'market-evaluate';
  readonly mechanism: string;
  readonly file: string;
  readonly request: MarketEvaluateRequest;
  readonly plugins: readonly string[];
}

/** One seed-004 evaluation, e.g. `arena evaluate threshold-pricing --instance F --timeout S`. */
export interface BayesEvaluateTask {
  readonly kind: 'bayes-evaluate';
  readonly mechanism: string;
  readonly file: string;
  readonly options: Omit<BayesEvaluateOptions, 'plugins'>;
  readonly plugins: readonly string[];
}

export type WorkerTask = ({ readonly kind: 'cell' } & { readonly cell: CellDescriptor }) | EvaluateTask | HeteroEvaluateTask | MarketEvaluateTask | BayesEvaluateTask;

/** What a worker thread runs: an experiment cell or a single evaluation. */
export async function runWorkerTask(task: WorkerTask): Promise<CellRow | EvaluateReport | HeteroEvaluateReport | MarketEvaluateReport | Record<string, unknown>> {
  if (task.kind === 'cell') return runCellTask(task.cell);
  if (task.kind === 'market-evaluate') {
    const arena = (await containerFor(task.plugins)).get<MarketArena>(TOKENS.MarketArena);
    return arena.evaluate(task.mechanism, arena.load(task.file), task.request);
  }
  if (task.kind === 'bayes-evaluate') {
    const registry = (await containerFor(task.plugins)).get<PluginRegistry>(TOKENS.Registry); // installs plugin kinds
    return bayesEvaluate(task.file, task.mechanism, { ...task.options, plugins: registry.reportStrategies });
  }
  if (task.kind === 'hetero-evaluate') {
    const arena = (await containerFor(task.plugins)).get<HeteroArena>(TOKENS.HeteroArena);
    return arena.evaluate(task.mechanism, task.setting, task.request);
  }
  const arena = await arenaFor(task.plugins);
  const { m, sigma, cost } = task.instance;
  return arena.evaluate(task.mechanism, makeInstance(m, sigma, cost), task.request);
}
