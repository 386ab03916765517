import { defineMarketMechanism, mstarInputOf, type MarketMoments, type MarketRun } from '../../src/market/mechanism.js';
import { cheapestTwo, marketNaive } from '../../src/theory/market/mstar.js';

/**
 * The naive quantity-based baseline (spec/003 §2.5): M*'s split and allocations, buyers pay q_j+,
 * contributor i is paid π_i = I_i(c_iN_i* + W N_i* / N+) with I_i = 1(|Y_i| = N_i*) and no Δ term.
 */
export default defineMarketMechanism({
  name: 'market-naive',
  description: 'Pay by quantity: π_i = 1(|Y_i| = N_i*)(c_iN_i* + W N_i* / N+); prices q_j+. Not ICC.',
  source: 'spec/003 §2.5 (naive quantity-based payment, formalisation derived)',
  setup(market): MarketRun {
    const t = marketNaive(mstarInputOf(market));
    const [r1, r2] = cheapestTwo(market.costs);
    const open = t.marketOpen;
    return {
      mechanism: 'market-naive',
      marketOpen: open,
      closedReason: t.closedReason,
      split: t.split,
      allocations: open ? [...market.a1.allocation] : market.a1.allocation.map(() => 0),
      pool: [r1, r2],
      expectedPrices: t.prices,
      utilities: t.utilities,
      settle(subs, out) {
        for (let j = 0; j < out.prices.length; j++) out.prices[j] = t.prices[j] as number; // q_j+ (0 when closed)
        for (let i = 0; i < out.payments.length; i++) {
          // spec/003 §2.5: π_i = I_i(c_iN_i* + W N_i* / N+), I_i = 1(|Y_i| = N_i*); 0 off the split.
          const ni = t.split[i] as number;
          out.payments[i] = open && ni > 0 && (subs[i] as ArrayLike<number>).length === ni ? (t.payments[i] as number) : 0;
        }
        out.delta = Number.NaN;
      },
      closedForm(agent: number, mo: MarketMoments) {
        const out: (number | null)[] = [...t.utilities];
        const ni = t.split[agent] as number;
        const pay = open && ni > 0 && mo.size === ni ? (t.payments[agent] as number) : 0;
        out[agent] = pay - (market.costs[agent] as number) * mo.n; // payment depends on the size only (spec/003 §2.5)
        return out;
      },
    };
  },
});
