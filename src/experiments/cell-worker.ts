import { createArena, type Plugin } from '../engine/container.js';
import type { Arena } from '../engine/arena.js';
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
