import { InputError } from '../core/instance.js';
import type { HeteroSetting } from '../hetero/arena.js';
import { NOISE_KINDS, simInstance, type NoiseKind } from '../hetero/info.js';
import { loadInstanceFile } from '../theory/heterogeneous/instance-file.js';

export interface HeteroSettingOptions {
  instance?: string;
  m?: number;
  sigma?: number;
  cost?: number;
  d?: number;
  noise?: string;
}

function noiseOf(text: string | undefined, fallback: NoiseKind): NoiseKind {
  if (text === undefined) return fallback;
  if (!(NOISE_KINDS as readonly string[]).includes(text)) throw new InputError('--noise', `must be one of ${NOISE_KINDS.join(', ')} (got "${text}")`);
  return text as NoiseKind;
}

/**
 * The d-distribution setting a command runs on: an instance file
 * (--instance), or for c3d-hd the homogeneous instance --m, --sigma, --cost,
 * --d, in which every coordinate costs c/d per sample (seed 000 App. E).
 * --noise overrides the file's noise.
 */
export function heteroSetting(o: HeteroSettingOptions): HeteroSetting {
  if (o.instance !== undefined) {
    if (o.d !== undefined) throw new InputError('--d', 'is given by the instance file (the length of its cost rows); drop --d');
    const file = loadInstanceFile(o.instance);
    return { instance: simInstance(file.instance, noiseOf(o.noise, file.noise)), allocation: file.allocation, source: o.instance };
  }
  for (const flag of ['m', 'sigma', 'cost', 'd'] as const) {
    if (o[flag] === undefined) throw new InputError(`--${flag}`, 'is required (or give --instance FILE)');
  }
  const { m, sigma, cost, d } = o as Required<HeteroSettingOptions>;
  if (!Number.isInteger(m) || m < 2) throw new InputError('--m', `must be an integer >= 2 (got ${m})`);
  if (!(sigma > 0)) throw new InputError('--sigma', `must be > 0 (got ${sigma})`);
  if (!(cost > 0)) throw new InputError('--cost', `must be > 0 (got ${cost})`);
  if (!Number.isInteger(d) || d < 1) throw new InputError('--d', `must be an integer >= 1 (got ${d})`);
  const costs = Array.from({ length: m }, () => Array.from({ length: d }, () => cost / d)); // seed 000 App. E: c/d per coordinate
  return { instance: simInstance({ sigma, costs }, noiseOf(o.noise, 'gaussian')), allocation: 'alone', source: `m=${m}, σ=${sigma}, c=${cost}, d=${d}` };
}
