import type { HeteroStrategyPlugin } from '../../src/hetero/strategy.js';
import alone from './alone.js';
import collect from './collect.js';
import combineOwn from './combine-own.js';
import crossSubmit from './cross-submit.js';
import debias from './debias.js';
import fabricate from './fabricate.js';
import pad from './pad.js';
import recommended from './recommended.js';
import shift from './shift.js';
import shrink from './shrink.js';
import withhold from './withhold.js';

/** The built-in strategies of the d-distribution family (seed 001), in catalogue order. */
export const builtinHeteroStrategies: readonly HeteroStrategyPlugin[] = [
  recommended,
  alone,
  collect,
  fabricate,
  pad,
  debias,
  shift,
  shrink,
  withhold,
  crossSubmit,
  combineOwn,
] as readonly HeteroStrategyPlugin[];
