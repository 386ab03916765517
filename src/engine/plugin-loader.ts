import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/instance.js';
import { PLUGIN_KINDS, type Plugin } from './container.js';
import { describeError } from './plugin-error.js';

function isPlugin(v: unknown): v is Plugin {
  return (
    typeof v === 'object' &&
    v !== null &&
    PLUGIN_KINDS.includes((v as Plugin).kind) &&
    typeof (v as Plugin).name === 'string'
  );
}

/**
 * Loads the plugins a file exports (its default export and any named export
 * made with defineStrategy / defineMechanism, defineHeteroStrategy / defineHeteroMechanism for d-distribution instances, or
 * defineMarketStrategy / defineMarketMechanism / defineValuationKind for market files). TypeScript files load through
 * the tsx loader that the `arena` command registers, so no build is needed.
 */
export async function loadPluginFile(path: string, field = '--plugin'): Promise<Plugin[]> {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new InputError(field, `no such file: ${path}`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(field, `could not load ${path}: ${describeError(e)}`);
  }
  const found = new Set<Plugin>();
  for (const v of Object.values(mod)) {
    if (isPlugin(v)) found.add(v);
    else if (Array.isArray(v)) for (const w of v) if (isPlugin(w)) found.add(w);
  }
  if (found.size === 0) {
    throw new InputError(field, `${path} exports no plugin (export default defineStrategy({...}) or defineMechanism({...}))`);
  }
  return [...found];
}
