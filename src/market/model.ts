/**
 * The public market instance a simulation runs on (spec/003 §1): σ, the contributors' costs (file
 * order), the buyers' valuations v_j^d and Algorithm 1's output on them (seed 003, Algorithm 1).
 */
import { InputError } from '../core/instance.js';
import { algorithm1, type Algorithm1Result } from '../theory/market/algorithm1.js';
import { loadMarketFile, type BuyerSpec, type MarketFile } from '../theory/market/instance-file.js';
import { tabulateValuation, valuationOf, type Valuation, type ValuationSpec } from '../theory/market/valuations.js';
import { buyerParserOf, factoryOf, type ValuationKindPlugin } from './valuation-kind.js';

export interface MarketModel {
  readonly sigma: number;
  /** c_i, file order. */
  readonly costs: readonly number[];
  readonly buyers: readonly BuyerSpec[];
  /** v_j^d(m) (seed 003, eq. (11)). */
  readonly valuations: readonly Valuation[];
  /** Algorithm 1 with c_1 = min c_i (exact pricing unless the file says approximate). */
  readonly a1: Algorithm1Result;
  /** Ordered-item pricing used by Algorithm 1 (the file's "pricing"). */
  readonly pricing: MarketFile['pricing'];
  /** What the model was built from (a file name). */
  readonly source: string;
}

/**
 * Builds the model of a parsed market file. `kinds` are valuation kinds from plugins; every buyer's
 * v(m) is checked on Algorithm 1's whole range 0..⌊B/c_1⌋ first, so a plugin valuation outside [0, 1]
 * or decreasing is an error that names the buyer.
 */
export function marketModel(file: MarketFile, source: string, kinds: readonly ValuationKindPlugin[] = []): MarketModel {
  const factories = new Map(kinds.map((k) => [k.name, factoryOf(k)]));
  const c1 = Math.min(...file.costs);
  const nMax = Math.floor(file.buyers.length / c1); // seed 003, Algorithm 1: N ≤ B/c_1 (spec/003 §2.3)
  const valuations = file.buyers.map((b, j) => {
    try {
      const v = valuationOf(b as ValuationSpec, file.sigma, factories);
      tabulateValuation(v, nMax);
      return v;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${source}: buyers[${j}]`, e instanceof Error ? e.message : String(e));
    }
  });
  // seed 003, Algorithm 1 (range 1..⌊B/c_1⌋, spec/003 §2.3 erratum); outputs are in file order.
  const a1 = algorithm1(valuations, c1, file.pricing === 'approximate' ? { pricing: 'approx', epsilon: file.epsilon } : {});
  return Object.freeze({ sigma: file.sigma, costs: Object.freeze([...file.costs]), buyers: file.buyers, valuations, a1, pricing: file.pricing, source });
}

/**
 * Loads a market file (src/theory/market/instance-file.ts), with plugin valuation kinds, and runs
 * Algorithm 1 on it. `costs` replaces the file's costs (the experiment runner's cost-gap sweeps).
 */
export function loadMarket(path: string, kinds: readonly ValuationKindPlugin[] = [], costs?: readonly number[]): MarketModel {
  const parsers = Object.fromEntries(kinds.map((k) => [k.name, buyerParserOf(k)]));
  const file = loadMarketFile(path, { kinds: parsers });
  if (costs !== undefined && (costs.length !== file.costs.length || !costs.every((c) => Number.isFinite(c) && c > 0))) {
    throw new InputError(`${path}: costs`, `the replacement costs must be ${file.costs.length} finite numbers > 0 (got ${costs.join(', ')})`);
  }
  return marketModel(costs === undefined ? file : { ...file, costs }, path, kinds);
}
