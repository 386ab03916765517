/**
 * The buyers' error valuations v_j^e(e) (seed 003 §1.2), for the built-in kinds whose v^d is the
 * closed form of spec/003 §1.2. Used to score the data a buyer actually receives: the realised value
 * of a round is v_j^e(|μ̂(subset) − μ|). Tabulated and plugin kinds have no v^e (null).
 */
import type { BuyerSpec } from '../theory/market/instance-file.js';

export type ErrorValuation = (e: number) => number;

export function errorValuationOf(spec: BuyerSpec, sigma: number): ErrorValuation | null {
  const s = spec as unknown as Record<string, number> & { kind: string };
  const a = s['a'] as number;
  switch (s.kind) {
    case 'gaussian': {
      const r = s['r'] as number;
      // spec/003 §1.2: v^e(e) = a·exp(−e²/(2s²)) with r = σ²/s², i.e. a·exp(−r e²/(2σ²)).
      const k = r / (2 * sigma * sigma);
      return (e) => a * Math.exp(-k * e * e);
    }
    case 'threshold': {
      const tau = s['tau'] as number;
      return (e) => (e <= tau ? a : 0); // spec/003 §1.2: a·1{e ≤ τ}
    }
    case 'exponential': {
      const lambda = s['lambda'] as number;
      return (e) => a * Math.exp(-lambda * e); // spec/003 §1.2: a·e^{−λe}
    }
    default:
      return null;
  }
}
