import type { StrategyPlugin } from '../src/core/strategy.js';
import addNoise from './add-noise.js';
import alone from './alone.js';
import constantEstimator from './constant-estimator.js';
import fabricateAndDiscard from './fabricate-and-discard.js';
import freeRide from './free-ride.js';
import ignoreCorrupted from './ignore-corrupted.js';
import plainMean from './plain-mean.js';
import recommended from './recommended.js';
import resampleFromFit from './resample-from-fit.js';
import shift from './shift.js';
import shrink from './shrink.js';
import submitNothing from './submit-nothing.js';
import underCollect from './under-collect.js';
import subset from './subset.js';
import duplicate from './duplicate.js';
import padConstant from './pad-constant.js';
import padFit from './pad-fit.js';
import ownData from './own-data.js';
import fixedWeight from './fixed-weight.js';

/** The built-in strategies, in catalogue order. */
export const builtinStrategies: readonly StrategyPlugin[] = [
  recommended,
  alone,
  freeRide,
  underCollect,
  fabricateAndDiscard,
  resampleFromFit,
  addNoise,
  shift,
  shrink,
  submitNothing,
  subset,
  duplicate,
  padConstant,
  padFit,
  plainMean,
  ignoreCorrupted,
  ownData,
  fixedWeight,
  constantEstimator,
] as readonly StrategyPlugin[];
