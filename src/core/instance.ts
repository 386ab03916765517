/**
 * An instance of the homogeneous collaborative-estimation model of seed 000:
 * m agents, each sampling N(μ, σ²) at cost c per point. σ, c and m are public.
 */
export interface Instance {
  readonly m: number;
  readonly sigma: number;
  readonly cost: number;
}

/** Thrown for user input that is wrong; `field` names the flag, config key or plugin. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InputError';
  }
}

/** Validates an instance and returns it frozen. */
export function makeInstance(m: number, sigma: number, cost: number): Instance {
  if (!Number.isInteger(m) || m < 2) throw new InputError('m', `must be an integer >= 2 (got ${m})`);
  if (!Number.isFinite(sigma) || sigma <= 0) throw new InputError('sigma', `must be a finite number > 0 (got ${sigma})`);
  if (!Number.isFinite(cost) || cost <= 0) throw new InputError('cost', `must be a finite number > 0 (got ${cost})`);
  return Object.freeze({ m, sigma, cost });
}
