import type { Rng } from '../random/index.js';
import type { NoiseKind } from './info.js';

const SQRT3 = Math.sqrt(3);

/**
 * Draws `count` points of one distribution with mean `mean` and variance sd²
 * into out[offset..]: N(mean, sd²), or Uniform(mean ± √3·sd) (variance sd²;
 * spec/000 §8 (c) uses it for the bounded-variance class of App. E).
 */
export function fillNoise(kind: NoiseKind, rng: Rng, out: Float64Array, offset: number, count: number, mean: number, sd: number): void {
  if (kind === 'gaussian') {
    rng.fillNormal(out, offset, count, mean, sd);
    return;
  }
  const half = SQRT3 * sd;
  for (let j = 0; j < count; j++) out[offset + j] = mean + half * (2 * rng.nextFloat() - 1);
}
