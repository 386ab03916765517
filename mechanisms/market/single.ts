import { defineMarketMechanism, mstarInputOf, type MarketMoments, type MarketRun } from '../../src/market/mechanism.js';
import { marketSingle } from '../../src/theory/market/mstar.js';

/**
 * The single-collector OPT baseline (seed 003, Lemma 2; spec/003 §2.5): the cheapest contributor is
 * told to collect N+, buyers get m_j+ points of her data at q_j+, and all revenue goes to her.
 */
export default defineMarketMechanism({
  name: 'market-single',
  description: 'One collector at N+, buyers pay q_j+, all revenue to the collector. Profit OPT, not ICC.',
  source: 'seed 003, Lemma 2 and Claim 6; spec/003 §2.5',
  setup(market): MarketRun {
    const t = marketSingle(mstarInputOf(market));
    const open = t.marketOpen;
    const c = t.collector;
    return {
      mechanism: 'market-single',
      marketOpen: open,
      closedReason: t.closedReason,
      split: t.split,
      allocations: open ? [...market.a1.allocation] : market.a1.allocation.map(() => 0),
      pool: [c],
      expectedPrices: t.prices,
      utilities: t.utilities,
      settle(_subs, out) {
        let total = 0;
        for (let j = 0; j < out.prices.length; j++) {
          out.prices[j] = t.prices[j] as number; // q_j+ (Lemma 2)
          total += out.prices[j] as number;
        }
        out.payments.fill(0);
        out.payments[c] = total; // all revenue to the collector (seed 003 §5), whatever she submits
        out.delta = Number.NaN;
      },
      closedForm(agent: number, mo: MarketMoments) {
        const out: (number | null)[] = [...t.utilities];
        out[agent] = (agent === c ? (t.payments[c] as number) : 0) - (market.costs[agent] as number) * mo.n;
        return out;
      },
    };
  },
});
