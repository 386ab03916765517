/**
 * The certificate of a best-response search over report functions (seed 004): for each searched
 * agent and report-strategy family, the best params, the largest ex-post gain over the profile grid
 * (src/bayes/best-response.ts), where it is attained, and the ex-ante expected gain. Verdict:
 *   'ex-post-equilibrium'   no family gains more than the tolerance (1e-9) at any grid profile
 *                           (seed 004, Thm 1: Algorithm 1 and every threshold rule priced at the threshold);
 *   'profitable-misreport'  some family does: the largest such gain, with its agent, family, params,
 *                           profile and report.
 * Everything is a closed form or a fixed quadrature rule: the certificate is deterministic. It is
 * JSON-safe: a −∞ expected gain (a divergent ex-ante integral, src/bayes/evaluate.ts) is written null.
 */
import { InputError } from '../core/instance.js';
import type { BayesMechanism } from '../theory/bayes/mechanisms.js';
import type { Model } from '../theory/bayes/value.js';
import { bayesBestResponse, type BayesSearchOptions, defaultGrid, DEFAULT_TOLERANCE, profileGrid } from './best-response.js';
import type { BayesGame } from './evaluate.js';
import type { BayesInfo, ReportStrategyPlugin } from './strategy.js';

export const GAIN_DEFINITION =
  'gain = max over the profile grid of [U_i(report function) − U_i(truthful)] at true types q, others truthful (ex post, seed 004 Thm 1)';

export interface BayesFamilyCertificate {
  readonly family: string;
  readonly ranges: Record<string, [number, number]>;
  readonly params: Record<string, number>;
  /** Largest ex-post gain over the grid (null if −∞ everywhere). */
  readonly gain: number | null;
  readonly profile: readonly number[];
  readonly report: number;
  readonly truthfulUtility: number;
  readonly deviationUtility: number | null;
  /** Ex-ante expected gain of the params; null if −∞ (divergent) or skipped (see exAnteMethod). */
  readonly exAnteGain: number | null;
  readonly exAnteStandardError: number | null;
  readonly exAnteMethod: 'quadrature' | 'montecarlo' | 'skipped';
  readonly evaluations: number;
}

export interface BayesAgentCertificate {
  readonly agent: number;
  readonly info: BayesInfo;
  readonly profiles: number;
  readonly searched: readonly BayesFamilyCertificate[];
  readonly bestDeviation: BayesDeviation | null;
}

export interface BayesDeviation {
  readonly agent: number;
  readonly family: string;
  readonly params: Record<string, number>;
  readonly profile: readonly number[];
  readonly report: number;
  readonly gain: number;
  readonly exAnteGain: number | null;
}

export interface BayesCertificate {
  readonly kind: 'bayes-search';
  readonly mechanism: string;
  readonly instance: string;
  readonly model: Model;
  readonly n: number;
  readonly grid: number;
  readonly profiles: number;
  readonly tolerance: number;
  readonly gainDefinition: string;
  readonly agents: readonly BayesAgentCertificate[];
  readonly verdict: 'ex-post-equilibrium' | 'profitable-misreport';
  /** The largest profitable misreport over all agents (null for an equilibrium). */
  readonly deviation: BayesDeviation | null;
}

export interface BayesCertifyOptions extends BayesSearchOptions {
  /** Agents to search (0-based; default all). */
  readonly agents?: readonly number[];
  /** Name written in the certificate (default 'instance'). */
  readonly instance?: string;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Runs the best-response search of every requested agent and family and returns the certificate. */
export function bayesCertify(
  mech: BayesMechanism,
  game: BayesGame,
  families: readonly ReportStrategyPlugin[],
  opts: BayesCertifyOptions = {},
): BayesCertificate {
  const n = game.correlation.length;
  if (families.length === 0) throw new InputError('families', 'name at least one report strategy');
  const agents = opts.agents ?? Array.from({ length: n }, (_, i) => i);
  if (agents.length === 0) throw new InputError('agents', 'name at least one agent');
  for (const i of agents) if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new InputError('agents', `${i} is not an agent index in [0, ${n - 1}]`);
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) throw new InputError('tolerance', `must be a finite number >= 0 (got ${tolerance})`);
  const grid = opts.grid ?? defaultGrid(n);
  const profiles = profileGrid(game, grid, opts.profiles);
  let deviation: BayesDeviation | null = null;
  const agentCerts = agents.map((i): BayesAgentCertificate => {
    const s = bayesBestResponse(mech, game, i, families, { ...opts, tolerance }, profiles);
    const searched = s.searched.map(
      (f): BayesFamilyCertificate => ({
        family: f.family,
        ranges: f.ranges,
        params: f.params,
        gain: finite(f.gain),
        profile: f.profile,
        report: f.report,
        truthfulUtility: f.truthfulUtility,
        deviationUtility: finite(f.deviationUtility),
        exAnteGain: f.exAnte ? finite(f.exAnte.gain) : null,
        exAnteStandardError: f.exAnte?.standardErrors ? finite(f.exAnte.standardErrors[2]) : null,
        exAnteMethod: f.exAnte ? f.exAnte.method : 'skipped',
        evaluations: f.evaluations,
      }),
    );
    const b = s.best;
    const bestDeviation: BayesDeviation | null = b
      ? { agent: i, family: b.family, params: b.params, profile: b.profile, report: b.report, gain: b.gain, exAnteGain: b.exAnte ? finite(b.exAnte.gain) : null }
      : null;
    if (bestDeviation && (deviation === null || bestDeviation.gain > deviation.gain)) deviation = bestDeviation;
    return { agent: i, info: s.info, profiles: s.profiles, searched, bestDeviation };
  });
  return {
    kind: 'bayes-search',
    mechanism: mech.name,
    instance: opts.instance ?? 'instance',
    model: game.model,
    n,
    grid,
    profiles: profiles.length,
    tolerance,
    gainDefinition: GAIN_DEFINITION,
    agents: agentCerts,
    verdict: deviation ? 'profitable-misreport' : 'ex-post-equilibrium',
    deviation,
  };
}
