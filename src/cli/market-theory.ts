import { algorithm1 } from '../theory/market/algorithm1.js';
import { loadMarketFile } from '../theory/market/instance-file.js';
import { mstarTheory } from '../theory/market/mstar.js';
import { valuationOf, type ValuationSpec } from '../theory/market/valuations.js';

/** Tolerance of the envy-freeness and IR checks (spec/003 §2.2: the optimum makes them tight). */
const TOL = 1e-9;

/**
 * `arena theory market --instance FILE`: Algorithm 1 (exact or ε-approximate
 * ordered-item pricing) and the closed forms of M* (seed 003, Algorithm 2),
 * in the file's order of buyers and contributors.
 */
export function marketTheory(file: string): Record<string, unknown> {
  const f = loadMarketFile(file);
  const v = f.buyers.map((b) => valuationOf(b as ValuationSpec, f.sigma));
  const c1 = Math.min(...f.costs);
  // seed 003, Algorithm 1 (range 1..⌊B/c_1⌋, spec/003 erratum); M* then needs N+ ≥ 2 (spec/003 §3)
  const a1 = algorithm1(v, c1, f.pricing === 'approximate' ? { pricing: 'approx', epsilon: f.epsilon } : {});
  const values = a1.allocation.map((m, j) => v[j](m));
  const t = mstarTheory({ sigma: f.sigma, costs: f.costs, nPlus: a1.nPlus, prices: a1.prices, allocations: a1.allocation, buyerValues: values, opt: a1.opt });
  // EFB: v_j(m_j) − q_j ≥ v_j(m_k) − q_k for all j, k (seed 003 §1.5); IRB/IRC: utilities ≥ 0
  const envyFree = v.every((vj, j) => a1.allocation.every((mk, k) => vj(a1.allocation[j]) - a1.prices[j] >= vj(mk) - a1.prices[k] - TOL));
  const buyerUtilities = t.buyers.map((b) => b.utility ?? 0);
  const contributorUtilities = t.contributors.map((c) => c.utility);
  return {
    instance: file,
    sigma: f.sigma,
    costs: f.costs,
    pricing: f.pricing,
    nPlus: a1.nPlus,
    allocations: a1.allocation,
    expectedPrices: a1.prices,
    opt: a1.opt,
    profit: t.profit,
    split: t.split,
    contributorUtilities,
    buyerUtilities,
    bound: t.bound,
    envyFree,
    individuallyRational: buyerUtilities.every((u) => u >= -TOL) && contributorUtilities.every((u) => u >= -TOL),
    marketOpen: t.marketOpen,
    ...(t.marketOpen ? {} : { closedReason: t.closedReason }),
    guarantee: a1.guarantee,
    priceSd: t.buyers.map((b) => b.priceSd),
    probNegativePrice: t.buyers.map((b) => b.probNegativePrice),
    expectedPayments: t.contributors.map((c) => c.expectedPayment),
    budgetResidualOffPath: t.budget,
  };
}
