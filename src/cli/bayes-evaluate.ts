/**
 * `arena evaluate <mechanism> --instance FILE [--types q1,…] [--deviation NAME:k=v,… --agent I]
 * --rounds R --seed S` for seed-004 instance files (experiments/bayes/*.json): plays R rounds of the
 * data-sharing game with realised Gaussian signals (src/bayes/simulate.ts, spec/004 §8 engine loop)
 * and sets the Monte Carlo means ± standard errors next to the closed forms (z = (MC − theory)/SE).
 * Everyone reports truthfully except, with --deviation, agent --agent (default 0), who uses the named
 * report strategy with its params. The CLI command wires these in; this module only loads, resolves
 * names, validates and formats.
 */
import { InputError } from '../core/instance.js';
import { searchMechanismByName } from '../bayes/mechanisms.js';
import { type BayesSimulation, type SimStat, simulateBayes, zScore } from '../bayes/simulate.js';
import { bayesInfoOf, bindReportStrategy, type BoundReport, type ReportStrategyPlugin } from '../bayes/strategy.js';
import { loadBayesFile } from '../theory/bayes/instance-file.js';
import { builtinReportStrategies } from '../../strategies/bayes/index.js';
import { fmt, formatTable } from './table.js';

export interface BayesEvaluateOptions {
  /** Rounds to play (an integer >= 2). */
  rounds: number;
  /** Master seed. */
  seed: number | string;
  /** Fixed true types, one per agent (default: drawn from the priors every round). */
  types?: number[];
  /** The deviating agent's report strategy: a plugin name and its params. */
  deviation?: { name: string; params?: Readonly<Record<string, number>> };
  /** The deviating agent, 0-based (default 0). */
  agent?: number;
  /** Extra report-strategy plugins (e.g. loaded with --plugin) that --deviation may name. */
  plugins?: readonly ReportStrategyPlugin[];
}

function strategyByName(name: string, plugins: readonly ReportStrategyPlugin[]): ReportStrategyPlugin {
  const all = new Map<string, ReportStrategyPlugin>();
  for (const p of [...builtinReportStrategies, ...plugins]) all.set(p.name, p);
  const p = all.get(name);
  if (!p) throw new InputError('--deviation', `unknown report strategy '${name}' (known: ${[...all.keys()].join(', ')})`);
  return p;
}

/** JSON-safe copy: non-finite numbers (−∞ values, undefined standard errors) become null. */
function jsonSafe(x: unknown): unknown {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (Array.isArray(x)) return x.map(jsonSafe);
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = jsonSafe(v);
    return out;
  }
  return x;
}

/** Runs the Monte Carlo engine on an instance file and returns a JSON-safe report. */
export function bayesEvaluate(file: string, mechanism: string, opts: BayesEvaluateOptions): Record<string, unknown> {
  const mech = searchMechanismByName(mechanism);
  const instance = loadBayesFile(file);
  const n = instance.n;
  if (!(Number.isInteger(opts.rounds) && opts.rounds >= 2)) throw new InputError('--rounds', `must be an integer >= 2 (got ${opts.rounds})`);
  if (!((typeof opts.seed === 'number' && Number.isFinite(opts.seed)) || typeof opts.seed === 'string')) {
    throw new InputError('--seed', `must be a finite number (got ${String(opts.seed)})`);
  }
  const types = opts.types;
  if (types !== undefined) {
    if (types.length !== n) throw new InputError('--types', `must give one quality per agent: ${n}, got ${types.length}`);
    types.forEach((q, i) => {
      const { low, high } = instance.priors[i];
      if (typeof q !== 'number' || !Number.isFinite(q) || q < 0) throw new InputError('--types', `q${i + 1} must be a finite number >= 0 (got ${q})`);
      if (q < low || q > high) throw new InputError('--types', `q${i + 1} = ${q} is outside agent ${i + 1}'s support [${low}, ${high}]`);
    });
  }
  if (opts.agent !== undefined && opts.deviation === undefined) throw new InputError('--agent', 'names the deviating agent; give --deviation too');
  const agent = opts.agent ?? 0;
  if (!(Number.isInteger(agent) && agent >= 0 && agent < n)) throw new InputError('--agent', `${agent} is not an agent index in [0, ${n - 1}]`);
  const truthful = strategyByName('truthful', []);
  const profile: BoundReport[] = [];
  for (let i = 0; i < n; i++) {
    const info = bayesInfoOf(instance, i);
    if (opts.deviation && i === agent) profile.push(bindReportStrategy(strategyByName(opts.deviation.name, opts.plugins ?? []), opts.deviation.params ?? {}, info));
    else profile.push(bindReportStrategy(truthful, {}, info));
  }
  const sim = simulateBayes(instance, mech, profile, { rounds: opts.rounds, seed: opts.seed, types });
  const agents = sim.agents.map((a) => ({
    ...a,
    z: {
      value: zScore(a.value, a.theoryValue),
      utility: zScore(a.utility, a.theoryUtility),
      allocation: zScore(a.allocation, a.theoryAllocation),
      payment: zScore(a.payment, a.theoryPayment),
    },
  }));
  const report = {
    command: 'evaluate',
    instance: file,
    ...sim,
    deviation: opts.deviation ? { agent, name: opts.deviation.name, params: { ...profile[agent].params } } : null,
    agents,
    z: { revenue: zScore(sim.revenue, sim.theoryRevenue), accuracy: zScore(sim.accuracy, sim.theoryAccuracy) },
  };
  return jsonSafe(report) as Record<string, unknown>;
}

// ───────────────────────────── rendering ─────────────────────────────

type SafeStat = { mean: number | null; standardError: number | null };

function statText(s: SafeStat | SimStat): string {
  if (s.mean === null) return '−∞ or undefined';
  return s.standardError === null || s.standardError === 0 ? fmt(s.mean, 6) : `${fmt(s.mean, 6)} ± ${fmt(s.standardError, 2)}`;
}

function zText(z: number | null): string {
  return z === null ? '—' : fmt(z, 3);
}

const THEORY_TEXT: Record<BayesSimulation['theory'], string> = {
  outcome: 'ex-post closed forms at the fixed types: v_i(q, q̂) (spec/004 §1.3), Algorithm 1 outcome (seed 004, Thm 1)',
  'expected-outcome': 'ex-ante expectations over the priors, truthful: E[p_i], E[U_i], P(x_i) (seed 004, (B.11)), E[v_i(q)] (spec/004 §1.3)',
  'ex-ante-deviation': "the deviator's ex-ante utility, others truthful (seed 004, (A.2)–(A.4)); other closed forms not computed",
  none: 'no closed form for this profile',
};

/** A human-readable table of a bayesEvaluate report. */
export function renderBayesEvaluate(report: Record<string, unknown>): string {
  const r = report as unknown as {
    instance: string;
    mechanism: string;
    model: string;
    n: number;
    rounds: number;
    seed: number | string;
    types: 'fixed' | 'drawn';
    fixedTypes: number[] | null;
    reports: (number | null)[] | null;
    theory: BayesSimulation['theory'];
    deviation: { agent: number; name: string; params: Record<string, number> } | null;
    agents: {
      agent: number;
      strategy: string;
      params: Record<string, number>;
      value: SafeStat;
      theoryValue: number | null;
      utility: SafeStat;
      theoryUtility: number | null;
      allocation: SafeStat;
      theoryAllocation: number | null;
      payment: SafeStat;
      theoryPayment: number | null;
      z: { value: number | null; utility: number | null; allocation: number | null; payment: number | null };
    }[];
    revenue: SafeStat;
    theoryRevenue: number | null;
    accuracy: SafeStat;
    theoryAccuracy: number | null;
    z: { revenue: number | null; accuracy: number | null };
  };
  const vec = (q: readonly (number | null)[]): string => `(${q.map((x) => fmt(x, 5)).join(', ')})`;
  const lines = [
    `Monte Carlo evaluation: ${r.mechanism} on ${r.instance} (${r.model} model, n = ${r.n}), ${r.rounds} rounds, seed ${r.seed}`,
    r.types === 'fixed' && r.fixedTypes && r.reports ? `Types fixed at q = ${vec(r.fixedTypes)}; reports q̂ = ${vec(r.reports)}.` : 'Types drawn from the priors every round.',
    r.deviation
      ? `Agent ${r.deviation.agent} reports by '${r.deviation.name}' (${Object.entries(r.deviation.params).map(([k, v]) => `${k}=${fmt(v, 6)}`).join(', ') || 'no params'}); the others are truthful.`
      : 'Everyone reports truthfully.',
    `Realised value 1 − (θ̂_i − θ_i)² with θ̂ = R Σ_q̂^{-1} s (spec/004 §1.3); utility v·x − p; MC mean ± SE; z = (MC − theory)/SE.`,
    `Theory: ${THEORY_TEXT[r.theory]}.`,
    '',
  ];
  const rows = r.agents.map((a) => [
    String(a.agent),
    a.strategy,
    statText(a.allocation),
    fmt(a.theoryAllocation, 6),
    statText(a.payment),
    fmt(a.theoryPayment, 7),
    statText(a.value),
    fmt(a.theoryValue, 7),
    zText(a.z.value),
    statText(a.utility),
    fmt(a.theoryUtility, 7),
    zText(a.z.utility),
  ]);
  lines.push(
    formatTable(['agent', 'strategy', 'allocation rate', 'theory', 'payment', 'theory', 'value', 'theory', 'z', 'utility', 'theory', 'z'], rows),
    '',
    `revenue Σ p_i x_i:            ${statText(r.revenue)}   theory ${fmt(r.theoryRevenue, 7)}   z ${zText(r.z.revenue)}`,
    `platform accuracy Σ −(θ̂−θ)²:  ${statText(r.accuracy)}   theory ${fmt(r.theoryAccuracy, 7)}   z ${zText(r.z.accuracy)}`,
    '',
  );
  return lines.join('\n');
}
