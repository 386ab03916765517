/**
 * Seed-004 instance-file kinds as plugins: a prior over an agent's data quality (`priors[i].kind`)
 * and an effort cost (`effortCost[i].kind`). The instance parser and the effort game look kinds up in
 * their registries (src/theory/bayes/priors.ts, src/effort/costs.ts); loading a --plugin file that
 * exports one of these installs it there (src/engine/container.ts, configurePlugin).
 *
 *   export default definePriorKind({ name: 'beta-ish', description: '…', factory: (params, field) => ({ low, high, pdf, cdf, hazardRatio, quantile }) });
 */
import { registerEffortCostKind, type EffortCostFactory } from '../effort/costs.js';
import { registerPriorKind, type PriorFactory } from '../theory/bayes/priors.js';

export interface PriorKindPlugin {
  readonly kind: 'prior-kind';
  readonly name: string;
  readonly description: string;
  /** Builds the prior from the file's parameters; throw InputError(`${field}.param`, …) on bad input. Must be MHR (Remark A.1). */
  readonly factory: PriorFactory;
}

export interface EffortCostKindPlugin {
  readonly kind: 'effort-cost-kind';
  readonly name: string;
  readonly description: string;
  /** Builds c(e) (c(0) = 0, strictly increasing) from the file's parameters. */
  readonly factory: EffortCostFactory;
}

export function definePriorKind(plugin: Omit<PriorKindPlugin, 'kind'>): PriorKindPlugin {
  return Object.freeze({ kind: 'prior-kind' as const, ...plugin });
}

export function defineEffortCostKind(plugin: Omit<EffortCostKindPlugin, 'kind'>): EffortCostKindPlugin {
  return Object.freeze({ kind: 'effort-cost-kind' as const, ...plugin });
}

/** Makes the kind available to instance files (re-installing the same plugin is harmless). */
export function installKindPlugin(p: PriorKindPlugin | EffortCostKindPlugin): void {
  if (p.kind === 'prior-kind') registerPriorKind(p.name, p.factory);
  else registerEffortCostKind(p.name, p.factory, { replace: true });
}
