/**
 * The seed-004 effort game (Alaei et al., §4, Theorem 3, Prop C.1; spec/004 §3): effort costs,
 * the benefit M_i of the threshold-pricing mechanism (and of free sharing), best responses,
 * lattice-bracketing (Tarski) dynamics, the increasing-differences check and comparative statics.
 */
export * from './costs.js';
export * from './rule.js';
export * from './batch-stats.js';
export * from './benefit.js';
export * from './game.js';
export * from './best-response.js';
export * from './lattice.js';
export * from './increasing-differences.js';
export * from './comparative-statics.js';
