/**
 * Best-response search over report functions for seed 004 (spec/004 §8 "submission function"):
 *
 *   strategy        report-strategy plugins q ↦ q̂ and the info an agent sees   (spec/004 §1.1, §8)
 *   evaluate        ex-post, interim and ex-ante utility of a report function   (spec/004 §1.1; seed 004 (A.2)–(A.4))
 *   best-response   per agent and family: max ex-post gain over a profile grid   (seed 004, Thm 1)
 *   certificate     verdict 'ex-post-equilibrium' / 'profitable-misreport'
 *   mechanisms      the searchable mechanisms (the registered ones + pay-as-reported)
 */
export * from './strategy.js';
export * from './evaluate.js';
export * from './best-response.js';
export * from './certificate.js';
export * from './mechanisms.js';
