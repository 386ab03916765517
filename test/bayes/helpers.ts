/** Shared fixtures of the seed-004 best-response tests (test/bayes/). */
import { fileURLToPath } from 'node:url';
import { loadBayesFile } from '../../src/theory/bayes/instance-file.js';

export { expectInputError, mulberry32, randomCorrelation, star } from '../theory/bayes/helpers.js';

/** experiments/bayes/<name>.json */
export function bayesFile(name: string): string {
  return fileURLToPath(new URL(`../../experiments/bayes/${name}.json`, import.meta.url));
}

/** W4 of spec/004 §4: R = [[1, .5], [.5, 1]], Unif[0, 10] priors. */
export const W4 = loadBayesFile(bayesFile('two-agent'));
/** W4's true types (4, 2/3). */
export const Q4 = [4, 2 / 3];
/** Example 1 star at ρ = 0.5 (spec/004 §4 W5). */
export const STAR = loadBayesFile(bayesFile('star-rho05'));
