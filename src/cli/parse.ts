import { InvalidArgumentError } from 'commander';

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

export { parseStrategyRef } from '../engine/strategy-ref.js';
