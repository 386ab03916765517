/**
 * Ex-ante expectations over the priors (src/theory/bayes/expected.ts): the baselines table of
 * spec/004 §5, Fig. 1 (W6) rows, the monotonicity claims of Fig. 1, Lemma B.1 (revenue = Σ E[φ⁺]),
 * Prop A.2(ii), the approximate model against Y and H, and the Monte Carlo path against quadrature.
 */
import { expect } from 'chai';
import { H, lambdaConstants, Y } from '../../../src/theory/bayes/approx.js';
import { gaussLegendre } from '../../../src/theory/bayes/gauss-legendre.js';
import { expectedOutcome, expectOverOthers } from '../../../src/theory/bayes/expected.js';
import { MECHANISMS, outcome, thresholdPricing } from '../../../src/theory/bayes/mechanisms.js';
import { makePrior, uniformPrior } from '../../../src/theory/bayes/priors.js';
import { thresholdOfStat } from '../../../src/theory/bayes/threshold.js';
import { rhoExact } from '../../../src/theory/bayes/correlation.js';
import { virtualValueOfStat } from '../../../src/theory/bayes/virtual-value.js';
import { mulberry32, R3, star, W6 } from './helpers.js';

const P3 = [0, 1, 2].map(() => uniformPrior(0, 10));

describe('bayes/expected: baselines (spec/004 §5, Example 1, Q = 10)', () => {
  const table: Record<string, [number, number, number, number, number, number]> = {
    // ρ = 0: revenue/utility; ρ = 0.5 agent 1; ρ = 0.5 agent 2
    'threshold-pricing': [0.536675, 0.111768, 0.580882, 0.118334, 0.557483, 0.114882],
    'blind-threshold': [0.536675, 0.111768, 0.573301, 0.086878, 0.555579, 0.098747],
    'full-allocation': [0, 0.76021, 0.380105, 0.422878, 0.224918, 0.558382],
    'free-sharing': [0, 0.76021, 0, 0.802983, 0, 0.7833],
  };
  for (const [name, [p0, u0, p1, u1, p2, u2]] of Object.entries(table)) {
    it(`${name}: per-agent expected revenue / utility`, () => {
      const e0 = expectedOutcome(MECHANISMS[name], star(0), P3);
      for (const a of e0.agents) {
        expect(a.payment).to.be.closeTo(p0, 1e-6);
        expect(a.utility).to.be.closeTo(u0, 1e-6);
      }
      const e5 = expectedOutcome(MECHANISMS[name], star(0.5), P3);
      expect(e5.method).to.equal('quadrature');
      expect(e5.agents[0].payment).to.be.closeTo(p1, 1e-6);
      expect(e5.agents[0].utility).to.be.closeTo(u1, 1e-6);
      for (const i of [1, 2]) {
        expect(e5.agents[i].payment).to.be.closeTo(p2, 1e-6);
        expect(e5.agents[i].utility).to.be.closeTo(u2, 1e-6);
      }
      // welfare = utility + payment for every mechanism
      for (const a of e5.agents) expect(a.welfare).to.be.closeTo(a.utility + a.payment, 1e-14);
    });
  }
  it('ρ = 0: optimal welfare 0.648443 = 85.3% of the first-best 0.760210', () => {
    const w = expectedOutcome(thresholdPricing, star(0), P3).agents[0].welfare;
    expect(w).to.be.closeTo(0.648443, 1e-6);
    expect(w / (1 - Math.log(11) / 10)).to.be.closeTo(0.853, 5e-4);
  });
});

describe('bayes/expected: Fig. 1 (W6), exact mechanism, 3-agent star, Unif[0, 10]', () => {
  const rows = W6; // ρ, E p_1, E p_2 = E p_3, total, E U_1, E U_2, P(x_1)
  for (const [rho, p1, p2, tot, u1, u2, x1] of rows) {
    it(`ρ = ${rho} (to the printed 6 decimals)`, () => {
      const e = expectedOutcome(thresholdPricing, star(rho), P3);
      expect(e.agents[0].payment).to.be.closeTo(p1, 1e-6);
      expect(e.agents[1].payment).to.be.closeTo(p2, 1e-6);
      expect(e.agents[2].payment).to.be.closeTo(p2, 1e-6);
      expect(e.revenue).to.be.closeTo(tot, 1e-6);
      expect(e.agents[0].utility).to.be.closeTo(u1, 1e-6);
      expect(e.agents[1].utility).to.be.closeTo(u2, 1e-6);
      expect(e.agents[0].allocationProbability).to.be.closeTo(x1, 1e-6);
    });
  }
  it('ρ = 0.7 (corner q̄_1 = 0 with positive probability): 32 and 96 nodes agree to 1e-9 (kink splitting)', () => {
    const a = expectedOutcome(thresholdPricing, star(0.7), P3, 'exact', { nodes: 32 });
    const b = expectedOutcome(thresholdPricing, star(0.7), P3, 'exact', { nodes: 96 });
    for (let i = 0; i < 3; i++) {
      expect(a.agents[i].payment).to.be.closeTo(b.agents[i].payment, 1e-9);
      expect(a.agents[i].utility).to.be.closeTo(b.agents[i].utility, 1e-9);
      expect(a.agents[i].allocationProbability).to.be.closeTo(b.agents[i].allocationProbability, 1e-9);
    }
  });
  it('E p_1 ≥ E p_2, both increasing in |ρ|, and even in ρ', () => {
    let prev = [-Infinity, -Infinity];
    for (const rho of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
      const e = expectedOutcome(thresholdPricing, star(rho), P3, 'exact', { nodes: 24 });
      const [p1, p2] = [e.agents[0].payment, e.agents[1].payment];
      expect(p1).to.be.at.least(p2 - 1e-12);
      if (rho > 0) {
        expect(p1).to.be.greaterThan(prev[0]);
        expect(p2).to.be.greaterThan(prev[1]);
      }
      prev = [p1, p2];
    }
    const neg = expectedOutcome(thresholdPricing, star(-0.4), P3, 'exact', { nodes: 24 });
    const pos = expectedOutcome(thresholdPricing, star(0.4), P3, 'exact', { nodes: 24 });
    neg.agents.forEach((a, i) => expect(a.payment).to.be.closeTo(pos.agents[i].payment, 1e-14));
  });
  it('Prop A.2(ii) at ρ = 0.1: λ_0 + λ_1·0.02 = 0.537737 vs exact E p_1 = 0.537754', () => {
    const L = lambdaConstants(10);
    expect(L.lambda0 + L.lambda1 * 0.02).to.be.closeTo(0.537737, 1e-6);
    expect(expectedOutcome(thresholdPricing, star(0.1), P3).agents[0].payment).to.be.closeTo(0.537754, 1e-6);
  });
});

describe('bayes/expected: identities and methods', () => {
  it('Lemma B.1 / (B.11): optimal revenue = Σ_i E[φ⁺_i] (oracle-3 instance, Unif[0, 10])', () => {
    const e = expectedOutcome(thresholdPricing, R3, P3);
    const { nodes, weights } = gaussLegendre(48);
    let total = 0;
    for (let i = 0; i < 3; i++) {
      // E[φ⁺] = E_{q−i} ∫_{q̄}^{10} φ(q_i) dq_i / 10, φ < 0 below q̄ (single crossing)
      const r = expectOverOthers(P3, i, 1, (q, out) => {
        const rho = rhoExact(R3, i, q);
        const t = thresholdOfStat('exact', rho, P3[i]);
        let s = 0;
        for (let k = 0; k < nodes.length; k++) {
          const x = 0.5 * (t + 10) + 0.5 * (10 - t) * nodes[k];
          s += weights[k] * Math.max(0, virtualValueOfStat('exact', rho, x, P3[i]));
        }
        out[0] = (s * 0.5 * (10 - t)) / 10;
      });
      expect(r.values[0]).to.be.closeTo(e.agents[i].payment, 1e-12);
      total += r.values[0];
    }
    expect(total).to.be.closeTo(e.revenue, 1e-12);
  });
  it('approx model, n = 2, Unif[0, Q]: E p = E_{q_2}[Y(σ²α_2)], E U (v̂) = E_{q_2}[H(σ²α_2)]/Q', () => {
    const Q = 16;
    const P = [uniformPrior(0, Q), uniformPrior(0, Q)];
    const R = [[1, 0.5], [0.5, 1]];
    const e = expectedOutcome(thresholdPricing, R, P, 'approx', { valueModel: 'approx' });
    const { nodes, weights } = gaussLegendre(64);
    let ey = 0;
    let eh = 0;
    for (let k = 0; k < nodes.length; k++) {
      const q = (Q / 2) * (1 + nodes[k]);
      const S = 0.25 * (q / (1 + q));
      ey += (weights[k] / 2) * Y(S, Q);
      eh += (weights[k] / 2) * H(S, Q);
    }
    expect(e.agents[0].payment).to.be.closeTo(ey, 1e-13);
    expect(e.agents[0].utility).to.be.closeTo(eh / Q, 1e-13);
    // W7: M = E H = 1.7294357 for r = 0.5 (approx), and 1.7305071 with h (exact)
    expect(eh).to.be.closeTo(1.7294357, 1e-7);
    const ex = expectedOutcome(thresholdPricing, R, P, 'exact');
    expect(ex.agents[0].utility * Q).to.be.closeTo(1.7305071, 1e-7);
  });
  it('Monte Carlo (seeded) agrees with quadrature within 4 standard errors, and is reproducible', () => {
    const q = expectedOutcome(thresholdPricing, star(0.5), P3);
    const m = expectedOutcome(thresholdPricing, star(0.5), P3, 'exact', { method: 'montecarlo', samples: 20000, seed: 7 });
    expect(m.method).to.equal('montecarlo');
    expect(m.samples).to.equal(20000);
    for (let i = 0; i < 3; i++) {
      const se = m.agents[i].standardErrors!;
      expect(Math.abs(m.agents[i].payment - q.agents[i].payment)).to.be.below(4 * se.payment);
      expect(Math.abs(m.agents[i].utility - q.agents[i].utility)).to.be.below(4 * se.utility);
    }
    expect(Math.abs(m.revenue - q.revenue)).to.be.below(4 * m.revenueStandardError!);
    const again = expectedOutcome(thresholdPricing, star(0.5), P3, 'exact', { method: 'montecarlo', samples: 20000, seed: 7 });
    expect(again.revenue).to.equal(m.revenue);
  });
  it('n = 5 uses Monte Carlo by default; forced 4-D quadrature agrees within 4 SE', () => {
    const rand = mulberry32(2);
    const n = 5;
    const R = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) as number));
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) R[i][j] = R[j][i] = 0.3 * (2 * rand() - 1);
    const P = Array.from({ length: n }, () => uniformPrior(0, 10));
    const m = expectedOutcome(thresholdPricing, R, P, 'exact', { samples: 4000 });
    expect(m.method).to.equal('montecarlo');
    const qd = expectedOutcome(thresholdPricing, R, P, 'exact', { method: 'quadrature', nodes: 6 });
    for (let i = 0; i < n; i++) expect(Math.abs(m.agents[i].payment - qd.agents[i].payment)).to.be.below(4 * m.agents[i].standardErrors!.payment);
  });
  it('non-uniform priors (truncated exponential): quadrature agrees with Monte Carlo over outcome() within 4 SE', () => {
    const P = [
      makePrior({ kind: 'truncated-exponential', rate: 0.2, low: 0, high: 10 }),
      makePrior({ kind: 'truncated-exponential', rate: 0.4, low: 0.5, high: 8 }),
    ];
    const R = [[1, 0.6], [0.6, 1]];
    const e = expectedOutcome(thresholdPricing, R, P);
    // Independent check: draw whole profiles, run Algorithm 1 ex post, average payments and utilities.
    const rand = mulberry32(99);
    const N = 40000;
    const sum = [0, 0];
    const sq = [0, 0];
    const usum = [0, 0];
    const usq = [0, 0];
    for (let s = 0; s < N; s++) {
      const q = [P[0].quantile(rand()), P[1].quantile(rand())];
      const o = outcome(thresholdPricing, R, P, q);
      for (let i = 0; i < 2; i++) {
        sum[i] += o.agents[i].payment;
        sq[i] += o.agents[i].payment ** 2;
        usum[i] += o.agents[i].utility;
        usq[i] += o.agents[i].utility ** 2;
      }
    }
    for (let i = 0; i < 2; i++) {
      const mean = sum[i] / N;
      const se = Math.sqrt((sq[i] / N - mean * mean) / (N - 1));
      expect(Math.abs(mean - e.agents[i].payment)).to.be.below(4 * se);
      const umean = usum[i] / N;
      const use = Math.sqrt((usq[i] / N - umean * umean) / (N - 1));
      expect(Math.abs(umean - e.agents[i].utility)).to.be.below(4 * use);
    }
  });
});
