import type { Submitter } from '../core/strategy.js';

/** f = I: submit the data as collected. */
export const identity: Submitter = (x) => x;

const EMPTY = new Float64Array(0);

/** f(X) = ∅. */
export const nothing: Submitter = () => EMPTY;

/** Returns a submitter that maps each point through g. */
export function pointwise(g: (v: number) => number): Submitter {
  return (x) => {
    const out = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) out[k] = g(x[k]);
    return out;
  };
}
