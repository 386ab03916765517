import type { Instance } from './instance.js';

/**
 * Everything an agent may know: the public instance (m, σ, c), its own index
 * and what the mechanism publishes. Never μ, never another agent's data.
 */
export interface PublicInfo {
  readonly instance: Instance;
  readonly agent: number;
  readonly mechanism: string;
  /** The paper's continuous recommended amount n* (may be non-integer). */
  readonly nStar: number;
  /** The integer amount the mechanism recommends collecting: ⌈n*⌉ (see mechanisms/README). */
  readonly nRecommended: number;
  /** Minimum submission size the mechanism checks (PCS), 0 if it checks none. */
  readonly threshold: number;
  /** C3D's corruption scale α, null for other mechanisms. */
  readonly alpha: number | null;
}
