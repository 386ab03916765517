/**
 * The public market instance a simulation runs on (spec/003 §1): σ, the contributors' costs (file
 * order), the buyers' valuations v_j^d and Algorithm 1's output on them (seed 003, Algorithm 1).
 */
import { algorithm1, type Algorithm1Result } from '../theory/market/algorithm1.js';
import { loadMarketFile, type BuyerSpec, type MarketFile } from '../theory/market/instance-file.js';
import { valuationOf, type Valuation, type ValuationSpec } from '../theory/market/valuations.js';

export interface MarketModel {
  readonly sigma: number;
  /** c_i, file order. */
  readonly costs: readonly number[];
  readonly buyers: readonly BuyerSpec[];
  /** v_j^d(m) (seed 003, eq. (11)). */
  readonly valuations: readonly Valuation[];
  /** Algorithm 1 with c_1 = min c_i (exact pricing unless the file says approximate). */
  readonly a1: Algorithm1Result;
  /** What the model was built from (a file name). */
  readonly source: string;
}

/** Builds the model of a parsed market file. */
export function marketModel(file: MarketFile, source: string): MarketModel {
  const valuations = file.buyers.map((b) => valuationOf(b as ValuationSpec, file.sigma));
  const c1 = Math.min(...file.costs);
  // seed 003, Algorithm 1 (range 1..⌊B/c_1⌋, spec/003 §2.3 erratum); outputs are in file order.
  const a1 = algorithm1(valuations, c1, file.pricing === 'approximate' ? { pricing: 'approx', epsilon: file.epsilon } : {});
  return Object.freeze({ sigma: file.sigma, costs: Object.freeze([...file.costs]), buyers: file.buyers, valuations, a1, source });
}

/** Loads a market file (src/theory/market/instance-file.ts) and runs Algorithm 1 on it. */
export function loadMarket(path: string): MarketModel {
  return marketModel(loadMarketFile(path), path);
}
