import { InvalidArgumentError } from 'commander';
import { InputError } from '../core/instance.js';

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

export { parseStrategyRef } from '../engine/strategy-ref.js';
