import type { ReportStrategyPlugin } from '../../src/bayes/strategy.js';
import constant from './constant.js';
import shade from './shade.js';
import shift from './shift.js';
import truthful from './truthful.js';

/** The built-in report strategies of the bayes family (seed 004), in catalogue order. */
export const builtinReportStrategies: readonly ReportStrategyPlugin[] = [truthful, shade, constant, shift] as readonly ReportStrategyPlugin[];
