import { makeInstance } from '../core/instance.js';
import { createArena, type Plugin } from '../engine/container.js';
import type { Arena, EvaluateReport, EvaluateRequest } from '../engine/arena.js';
import { createLogger } from '../engine/logger.js';
import { loadPluginFile } from '../engine/plugin-loader.js';
import type { CellDescriptor } from './cells.js';
import { runCell, type CellRow } from './run-cell.js';

const arenas = new Map<string, Promise<Arena>>();

/** One arena per plugin set, built once per thread. */
export function arenaFor(plugins: readonly string[]): Promise<Arena> {
  const key = plugins.join('\n');
  let a = arenas.get(key);
  if (!a) {
    a = (async () => {
      const loaded: Plugin[] = [];
      for (const f of plugins) loaded.push(...(await loadPluginFile(f, 'plugins')));
      return createArena({ plugins: loaded, logger: createLogger('error') });
    })();
    arenas.set(key, a);
  }
  return a;
}

/** The worker-thread task: run one cell. */
export async function runCellTask(cell: CellDescriptor): Promise<CellRow> {
  return runCell(await arenaFor(cell.plugins), cell);
}

export interface EvaluateTask {
  readonly kind: 'evaluate';
  readonly mechanism: string;
  readonly instance: { m: number; sigma: number; cost: number };
  readonly request: EvaluateRequest;
  readonly plugins: readonly string[];
}

export type WorkerTask = ({ readonly kind: 'cell' } & { readonly cell: CellDescriptor }) | EvaluateTask;

/** What a worker thread runs: an experiment cell or a single evaluation. */
export async function runWorkerTask(task: WorkerTask): Promise<CellRow | EvaluateReport> {
  if (task.kind === 'cell') return runCellTask(task.cell);
  const arena = await arenaFor(task.plugins);
  const { m, sigma, cost } = task.instance;
  return arena.evaluate(task.mechanism, makeInstance(m, sigma, cost), task.request);
}
