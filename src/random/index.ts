/**
 * Random numbers for the arena: a fast xoshiro128** generator with ziggurat
 * normals (Rng) and keyed, reproducible streams (StreamFactory).
 */
export { Rng } from './rng.js';
export { StreamFactory } from './streams.js';
export type { StreamKey } from './streams.js';
export { ZIG_R } from './ziggurat.js';
