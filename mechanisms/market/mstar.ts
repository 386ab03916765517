import { defineMarketMechanism, mstarInputOf, type MarketMoments, type MarketRun } from '../../src/market/mechanism.js';
import { mstarRealization, mstarTheory } from '../../src/theory/market/mstar.js';

/**
 * M* (seed 003, Algorithm 2): contributors 1 and 2 (cheapest two) are told to collect (N+ − 1, 1);
 * buyers get m_j+ points of Y_1 ∪ Y_2 and pay eq. (14); contributors are paid eq. (15).
 */
export default defineMarketMechanism({
  name: 'market',
  description: 'M*: expected OIP prices with a Δ² penalty shared between buyers and the two collectors.',
  source: 'seed 003, Algorithm 2, eq. (13)–(15)',
  setup(market): MarketRun {
    const t = mstarTheory(mstarInputOf(market));
    const [r1, r2] = t.roles;
    const sigma2 = t.sigma * t.sigma;
    const closedForm = (agent: number, mo: MarketMoments): (number | null)[] => {
      const out: (number | null)[] = t.contributors.map((k) => k.utility);
      const cost = (market.costs[agent] as number) * mo.n;
      const role = agent === r1 ? 0 : agent === r2 ? 1 : -1;
      if (!t.marketOpen || role < 0) {
        out[agent] = -cost; // π_i = 0 for i ≥ 3 or a closed market (eq. (15))
        return out;
      }
      const other = role === 0 ? r2 : r1;
      const ni = role === 0 ? t.n1 : t.n2;
      const nOther = t.nPlus - ni;
      const di = (t.contributors[agent] as { d: number }).d;
      const dOther = (t.contributors[other] as { d: number }).d;
      if (mo.mse === null) {
        out[agent] = null; // sup_μ MSE = ∞ (spec/003 §5.1): −∞ over all μ; the grid gives a finite value
        out[other] = null;
        return out;
      }
      const right = mo.size === ni;
      // spec/003 §5.1 master formula: correct size W N_i* / N+ + 2c_iN_i* − d_i MSE − c_i n; wrong size −d_i(MSE + σ²/N_{−i}*) − c_i n.
      out[agent] = right
        ? (t.w * ni) / t.nPlus + 2 * (market.costs[agent] as number) * ni - di * mo.mse - cost
        : -di * (mo.mse + sigma2 / nOther) - cost;
      // The other (truthful) one: eq. (15) with E Δ² = MSE + σ²/N_{−i}*: W N_{−i}* / N+ + d_{−i}(σ²/N_i* − MSE) [derived].
      out[other] = (t.w * nOther) / t.nPlus + dOther * (sigma2 / ni - mo.mse);
      return out;
    };
    return {
      mechanism: 'market',
      marketOpen: t.marketOpen,
      closedReason: t.closedReason,
      split: t.split,
      allocations: t.buyers.map((b) => b.allocation ?? 0),
      pool: [r1, r2],
      expectedPrices: t.buyers.map((b) => b.expectedPrice),
      utilities: t.contributors.map((k) => k.utility),
      settle(subs, out) {
        // eq. (14)–(15) from Y_1, Y_2 only; prices and payments are 0 when the market is closed.
        const r = mstarRealization(t, subs[r1] as ArrayLike<number>, subs[r2] as ArrayLike<number>);
        for (let j = 0; j < r.prices.length; j++) out.prices[j] = r.prices[j] as number;
        for (let i = 0; i < r.payments.length; i++) out.payments[i] = r.payments[i] as number;
        out.delta = r.delta;
      },
      closedForm,
    };
  },
});
