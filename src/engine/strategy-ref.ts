import { InputError } from '../core/instance.js';
import type { StrategyRef } from './arena.js';

/** Parses "NAME[:key=value,...]" (e.g. "shift:delta=0.5"). */
export function parseStrategyRef(text: string, field = '--deviation'): StrategyRef {
  const [name, rest] = splitOnce(text.trim(), ':');
  if (!/^[a-z0-9][a-z0-9-]*(\+[a-z0-9][a-z0-9-]*)*$/.test(name)) throw new InputError(field, `"${text}" is not NAME[:key=value,...]`);
  const params: Record<string, number> = {};
  if (rest !== undefined && rest.trim() !== '') {
    for (const part of rest.split(',')) {
      const [key, value] = splitOnce(part, '=');
      const x = Number(value);
      if (!key || value === undefined || value.trim() === '' || !Number.isFinite(x)) {
        throw new InputError(field, `"${part}" is not key=number`);
      }
      params[key.trim()] = x;
    }
  }
  return { name, params };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const k = s.indexOf(sep);
  return k < 0 ? [s, undefined] : [s.slice(0, k), s.slice(k + 1)];
}
