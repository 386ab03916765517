/**
 * Report strategies of seed 004's data-sharing game (spec/004 §8 "submission function"): agent i's
 * report function q_i ↦ q̂_i. A plugin sees only what agent i knows (`BayesInfo`): her own index, her
 * prior's support [low, high], the number of agents and the value model, never another agent's type
 * (information hiding: the others' types enter the mechanism only through their reports).
 *
 * A plugin is a short file in strategies/bayes/ built with defineReportStrategy; its `params` are
 * ParamSpecs (src/core/params.ts) whose ranges may depend on the info, so the best-response search
 * (src/bayes/best-response.ts) can explore them with `minimize`. bindReportStrategy validates the
 * params and wraps the report: a NaN or negative report is an InputError naming the plugin, and a
 * report outside the support is clipped to it (a quality outside 𝒬_i cannot be reported, spec/004 §1.1).
 */
import { InputError } from '../core/instance.js';
import { resolveParams, type ParamSpecs, type ParamValues } from '../core/params.js';
import type { BayesInstance } from '../theory/bayes/instance-file.js';
import type { Prior } from '../theory/bayes/priors.js';
import type { Model } from '../theory/bayes/value.js';

/** What agent i knows when she reports (spec/004 §1.1: her own type, the public priors' support, n, the model). */
export interface BayesInfo {
  /** Her index i (0-based). */
  readonly agent: number;
  /** n, the number of agents. */
  readonly n: number;
  /** Lower end of her prior's support 𝒬_i. */
  readonly low: number;
  /** Upper end of her prior's support 𝒬_i. */
  readonly high: number;
  /** The value model the mechanism uses ('exact' or 'approx'). */
  readonly model: Model;
}

/** The report function q ↦ q̂ of a plugin with its params bound. */
export type ReportFunction<S extends ParamSpecs<BayesInfo>> = (params: ParamValues<S>, q: number, info: BayesInfo) => number;

/** A report-strategy plugin of the bayes family (seed 004). */
export interface ReportStrategyPlugin<S extends ParamSpecs<BayesInfo> = ParamSpecs<BayesInfo>> {
  readonly kind: 'report-strategy';
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly params: S;
  /** Whether the report is always the true type (the recommended play of Theorem 1). */
  readonly truthful?: boolean;
  readonly report: ReportFunction<S>;
}

export function defineReportStrategy<S extends ParamSpecs<BayesInfo>>(plugin: Omit<ReportStrategyPlugin<S>, 'kind'>): ReportStrategyPlugin<S> {
  if (typeof plugin.name !== 'string' || plugin.name.length === 0) throw new InputError('name', 'a report strategy needs a non-empty name');
  if (typeof plugin.report !== 'function') throw new InputError(`${plugin.name}.report`, 'must be a function (params, q, info) => q̂');
  return Object.freeze({ kind: 'report-strategy' as const, ...plugin });
}

/** Agent i's info (a fresh frozen object holding nothing about the others' types). */
export function bayesInfo(n: number, agent: number, prior: Pick<Prior, 'low' | 'high'>, model: Model): BayesInfo {
  if (!(Number.isInteger(agent) && agent >= 0 && agent < n)) throw new InputError('agent', `must be an integer in [0, ${n - 1}] (got ${agent})`);
  return Object.freeze({ agent, n, low: prior.low, high: prior.high, model });
}

/** Agent i's info in an instance. */
export function bayesInfoOf(instance: Pick<BayesInstance, 'n' | 'priors' | 'model'>, agent: number): BayesInfo {
  if (!(Number.isInteger(agent) && agent >= 0 && agent < instance.n)) throw new InputError('agent', `must be an integer in [0, ${instance.n - 1}] (got ${agent})`);
  return bayesInfo(instance.n, agent, instance.priors[agent], instance.model);
}

/** A plugin bound to its params and an agent's info: report(q) is the clipped, checked q̂. */
export interface BoundReport {
  readonly plugin: ReportStrategyPlugin;
  readonly params: Readonly<Record<string, number>>;
  readonly info: BayesInfo;
  report(q: number): number;
}

/**
 * Binds a plugin: fills and checks its params (resolveParams: errors name `<plugin>.<param>`), and
 * returns q ↦ q̂ clipped to [low, high]. A NaN or negative raw report is InputError(<plugin name>, …).
 */
export function bindReportStrategy(plugin: ReportStrategyPlugin, given: Readonly<Record<string, number>>, info: BayesInfo): BoundReport {
  const params = resolveParams(plugin.name, plugin.params, given, info);
  const report = (q: number): number => {
    const r = plugin.report(params, q, info);
    if (typeof r !== 'number' || Number.isNaN(r) || r < 0) {
      throw new InputError(plugin.name, `report strategy '${plugin.name}' returned ${String(r)} at q = ${q}; a report must be a number >= 0`);
    }
    return Math.min(info.high, Math.max(info.low, r)); // q̂ ∈ 𝒬_i   (spec/004 §1.1)
  };
  return Object.freeze({ plugin, params, info, report });
}
