import { InvalidArgumentError } from 'commander';
import { InputError } from '../core/instance.js';
import type { StrategyRef } from '../engine/arena.js';
import { parseStrategyRef } from '../engine/strategy-ref.js';

/** Commander parser for a finite number. */
export function number(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x)) throw new InvalidArgumentError('not a finite number.');
  return x;
}

/** Commander parser for an integer. */
export function integer(value: string): number {
  const x = number(value);
  if (!Number.isInteger(x)) throw new InvalidArgumentError('not an integer.');
  return x;
}

/** Commander parser for a positive integer. */
export function positiveInteger(value: string): number {
  const x = integer(value);
  if (x < 1) throw new InvalidArgumentError('must be at least 1.');
  return x;
}

/** "1, 2.5,3" → [1, 2.5, 3]; a blank or non-numeric entry is an InputError naming `field`. */
export function numberList(text: string, field: string): number[] {
  return text.split(',').map((x) => {
    const v = Number(x.trim());
    if (x.trim() === '' || !Number.isFinite(v)) throw new InputError(field, `"${x}" is not a number (give a comma-separated list)`);
    return v;
  });
}

/** "a, b," → ["a", "b"] (e.g. --families); blanks dropped. */
export function nameList(text: string | undefined): string[] | undefined {
  return text?.split(',').map((x) => x.trim()).filter(Boolean);
}

/** --agents as 0-based indices, each below `count` when it is known. */
export function agentList(text: string | undefined, count?: number, noun = 'an agent'): number[] | undefined {
  return text?.split(',').map((x) => {
    const i = Number(x.trim());
    const inRange = Number.isInteger(i) && i >= 0 && (count === undefined || i < count);
    if (!inRange) throw new InputError('--agents', `"${x}" is not ${noun} index ${count === undefined ? '(0-based)' : `in [0, ${count - 1}]`}`);
    return i;
  });
}

/** "a:x=1; b" → one strategy per contributor, separated by ";" (--profile, --start); an empty entry names `field`. */
export function profileList(text: string, field: string): StrategyRef[] {
  const parts = text.split(';').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw new InputError(field, `"${text}" has an empty entry; give NAME[:key=value,…] per contributor, separated by ";"`);
  return parts.map((p, i) => parseStrategyRef(p, `${field}[${i}]`));
}

export { parseStrategyRef } from '../engine/strategy-ref.js';
