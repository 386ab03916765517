/** Seed 003 (data marketplace for mean estimation): valuations, envy-free / ordered-item pricing, Algorithm 1. */
export * from './valuations.js';
export * from './oip.js';
export * from './exact-pricing.js';
export * from './approx-pricing.js';
export * from './algorithm1.js';
