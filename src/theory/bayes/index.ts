/**
 * Theory core of seed 004 (Alaei, Daei Naby, Makhdoumi, Malekian, "Incentivizing Data
 * Collaboration: A Mechanism Design Approach"; spec/004): Bayesian personalized threshold pricing
 * for the Gaussian mean-estimation instance. One concept per module:
 *
 *   correlation     R validation, ρ_i(q_{−i}) and S_i                      (spec/004 §1.3)
 *   value           v_i(q, q̂), closed form, v̂ and derivatives              (seed 004 (A.1), (A.5))
 *   priors          prior kinds (uniform, truncated exponential, plugins)  (spec/004 §1.1)
 *   virtual-value   φ = v − ∂v·(1−F)/f                                     (seed 004 eq. (3))
 *   threshold       q̄_i and p_i of Algorithm 1, exact or approx           (seed 004 Theorem 1)
 *   uniform         Unif[a, Q] closed forms                                (spec/004 §2.2)
 *   approx          g, g⁻¹, Y, H, 𝒦, λ constants                            (seed 004 App. B; spec/004 §2.3)
 *   mechanisms      Algorithm 1 and the baselines, ex-post outcomes        (spec/004 §2.1, §5)
 *   expected        ex-ante expectations over the priors                   (seed 004 (B.11); spec/004 §4 W6, §5)
 *   instance-file   JSON instance files                                    (experiments/bayes/*.json)
 *   gauss-legendre  quadrature rules
 */
export * from './correlation.js';
export * from './value.js';
export * from './priors.js';
export * from './virtual-value.js';
export * from './threshold.js';
export * from './uniform.js';
export * from './approx.js';
export * from './mechanisms.js';
export * from './expected.js';
export * from './instance-file.js';
export * from './gauss-legendre.js';
