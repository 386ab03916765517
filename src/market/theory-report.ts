/**
 * The exact theory of a market mechanism on a market instance, as `arena theory market… --instance`
 * prints it and the experiment runner's `market-theory` rows carry it: Algorithm 1 (exact or
 * ε-approximate ordered-item pricing) and the closed forms of M* (seed 003, Algorithm 2) or of the
 * baselines of spec/003 §2.5 (market-naive, market-single), in the file's order of buyers and
 * contributors.
 */
import { marketNaive, marketSingle, mstarTheory } from '../theory/market/mstar.js';
import { mstarInputOf } from './mechanism.js';
import type { MarketModel } from './model.js';

/** Tolerance of the envy-freeness and IR checks (spec/003 §2.2: the optimum makes them tight). */
const TOL = 1e-9;

export function marketTheoryReport(model: MarketModel, mechanism = 'market'): Record<string, unknown> {
  const { a1 } = model;
  const v = model.valuations;
  const input = mstarInputOf(model);
  const t = mstarTheory(input);
  // EFB: v_j(m_j) − q_j ≥ v_j(m_k) − q_k for all j, k (seed 003 §1.5); IRB/IRC: utilities ≥ 0
  const envyFree = v.every((vj, j) => a1.allocation.every((mk, k) => vj(a1.allocation[j]!) - a1.prices[j]! >= vj(mk) - a1.prices[k]! - TOL));
  const buyerUtilities = t.buyers.map((b) => b.utility ?? 0);
  const common = {
    instance: model.source,
    mechanism,
    sigma: model.sigma,
    costs: model.costs,
    pricing: model.pricing,
    nPlus: a1.nPlus,
    allocations: a1.allocation,
    expectedPrices: a1.prices,
    opt: a1.opt,
    bound: t.bound,
    envyFree,
    guarantee: a1.guarantee,
  };
  const ir = (contributorUtilities: readonly number[]) => buyerUtilities.every((u) => u >= -TOL) && contributorUtilities.every((u) => u >= -TOL);
  if (mechanism === 'market-naive') {
    const n = marketNaive(input);
    return {
      ...common,
      profit: n.profit,
      split: n.split,
      contributorUtilities: n.utilities,
      buyerUtilities,
      individuallyRational: ir(n.utilities),
      marketOpen: n.marketOpen,
      ...(n.marketOpen ? {} : { closedReason: n.closedReason }),
      expectedPayments: n.payments,
      // spec/003 §2.5: collecting nothing and fabricating N_i* points gains c_iN_i*
      fabricationGains: n.fabricationGains,
      incentiveCompatible: false,
      budgetResidualOnPath: n.budgetResidual,
    };
  }
  if (mechanism === 'market-single') {
    const s = marketSingle(input);
    return {
      ...common,
      profit: s.profit,
      split: s.split,
      contributorUtilities: s.utilities,
      buyerUtilities,
      individuallyRational: ir(s.utilities),
      marketOpen: s.marketOpen,
      ...(s.marketOpen ? {} : { closedReason: s.closedReason }),
      expectedPayments: s.payments,
      // seed 003, Claim 6: a lone collector fabricates N+ points undetected, gaining c_1N+
      fabricationGains: s.split.map((_, i) => (i === s.collector ? s.fabricationGain : 0)),
      incentiveCompatible: false,
    };
  }
  const contributorUtilities = t.contributors.map((c) => c.utility);
  return {
    ...common,
    profit: t.profit,
    split: t.split,
    contributorUtilities,
    buyerUtilities,
    individuallyRational: ir(contributorUtilities),
    marketOpen: t.marketOpen,
    ...(t.marketOpen ? {} : { closedReason: t.closedReason }),
    priceSd: t.buyers.map((b) => b.priceSd),
    probNegativePrice: t.buyers.map((b) => b.probNegativePrice),
    expectedPayments: t.contributors.map((c) => c.expectedPayment),
    // seed 003, Thm 5.1: s* is an equilibrium (worst case over μ); fabrication gains −∞
    incentiveCompatible: true,
    budgetResidualOffPath: t.budget,
  };
}
