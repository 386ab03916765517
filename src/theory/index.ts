/** Closed forms and numerics for seed 000 (collaborative normal mean estimation). */
export * from './special.js';
export * from './roots.js';
export * from './quadrature.js';
export * from './c3d.js';
export * from './cded.js';
export * from './baselines.js';
export * from './golden.js';
