/**
 * `arena search <mechanism> --instance FILE` for seed-004 instance files (experiments/bayes/*.json):
 * the best-response search over report functions (src/bayes/), as JSON-able data and as a table.
 * The CLI command wires these in; this module only loads, resolves names and formats.
 */
import { InputError } from '../core/instance.js';
import { bayesCertify, type BayesCertificate } from '../bayes/certificate.js';
import { searchMechanismByName } from '../bayes/mechanisms.js';
import type { ReportStrategyPlugin } from '../bayes/strategy.js';
import { loadBayesFile } from '../theory/bayes/instance-file.js';
import { builtinReportStrategies } from '../../strategies/bayes/index.js';
import { fmt, formatTable } from './table.js';

export interface BayesSearchCliOptions {
  /** Agents to search, 0-based (default all). */
  agents?: number[];
  /** Report-strategy families by name (default all built-ins). */
  families?: string[];
  /** Points per agent's support in the profile grid (default 9, fewer for n ≥ 5). */
  grid?: number;
  /** Extra true-type profile(s) to include in the grid, e.g. the W4 profile [4, 2/3]. */
  types?: number[] | number[][];
  /** Extra report-strategy plugins (e.g. loaded with --plugin), searched after the built-ins they do not replace. */
  plugins?: readonly ReportStrategyPlugin[];
}

/** The families called `names` among the built-ins and `plugins` (default: all of them). */
export function reportFamilies(names: readonly string[] | undefined, plugins: readonly ReportStrategyPlugin[] = []): ReportStrategyPlugin[] {
  const all = new Map<string, ReportStrategyPlugin>();
  for (const p of [...builtinReportStrategies, ...plugins]) all.set(p.name, p);
  if (names === undefined) return [...all.values()];
  if (names.length === 0) throw new InputError('--families', 'name at least one report strategy');
  return names.map((name) => {
    const p = all.get(name);
    if (!p) throw new InputError('--families', `unknown report strategy '${name}' (known: ${[...all.keys()].join(', ')})`);
    return p;
  });
}

/** Runs the search on an instance file and returns the certificate (JSON-safe: −∞ written null). */
export function bayesSearch(file: string, mechanism: string, opts: BayesSearchCliOptions = {}): Record<string, unknown> {
  const mech = searchMechanismByName(mechanism);
  const instance = loadBayesFile(file);
  const families = reportFamilies(opts.families, opts.plugins);
  if (opts.agents !== undefined) {
    if (opts.agents.length === 0) throw new InputError('--agents', 'name at least one agent');
    for (const i of opts.agents) {
      if (!(Number.isInteger(i) && i >= 0 && i < instance.n)) throw new InputError('--agents', `${i} is not an agent index in [0, ${instance.n - 1}]`);
    }
  }
  if (opts.grid !== undefined && !(Number.isInteger(opts.grid) && opts.grid >= 2)) throw new InputError('--grid', `must be an integer >= 2 (got ${opts.grid})`);
  const types = opts.types;
  const profiles = types === undefined ? [] : Array.isArray(types[0]) ? (types as number[][]) : [types as number[]];
  profiles.forEach((q) => {
    if (q.length !== instance.n) throw new InputError('--types', `must have ${instance.n} entries (got ${q.length})`);
  });
  const cert = bayesCertify(mech, instance, families, { agents: opts.agents, grid: opts.grid, profiles, instance: file });
  return cert as unknown as Record<string, unknown>;
}

function paramText(p: Record<string, number>): string {
  return Object.entries(p).map(([k, v]) => `${k}=${fmt(v, 6)}`).join(', ') || '—';
}

function profileText(q: readonly number[]): string {
  return `(${q.map((x) => fmt(x, 5)).join(', ')})`;
}

/** A human-readable table of a bayesSearch certificate. */
export function renderBayesSearch(certificate: Record<string, unknown>): string {
  const c = certificate as unknown as BayesCertificate;
  const lines = [
    `Best-response search over report functions: ${c.mechanism} on ${c.instance} (${c.model} model, n = ${c.n})`,
    `Others report truthfully; ${c.profiles} true-type profiles (${c.grid} points per support${c.profiles > c.grid ** c.n ? ' plus extra profiles' : ''}).`,
    `gain = max over the profiles of U_i(misreport) − U_i(truthful), ex post (seed 004, Thm 1); ex-ante gain = E_q of the same difference.`,
    '',
  ];
  for (const a of c.agents) {
    lines.push(`agent ${a.agent} (support [${fmt(a.info.low)}, ${fmt(a.info.high)}])`);
    const rows = a.searched.map((f) => [
      f.family,
      paramText(f.params),
      f.gain === null ? '−∞' : f.gain !== 0 && Math.abs(f.gain) <= c.tolerance ? `${fmt(f.gain, 2)} (rounding)` : fmt(f.gain, 7),
      profileText(f.profile),
      fmt(f.report, 6),
      f.exAnteMethod === 'skipped' ? '—' : f.exAnteGain === null ? '−∞' : fmt(f.exAnteGain, 5) + (f.exAnteStandardError !== null ? ` ± ${fmt(f.exAnteStandardError, 2)}` : ''),
    ]);
    lines.push(formatTable(['family', 'best parameters', 'max ex-post gain', 'at true q', 'report q̂_i', 'ex-ante gain'], rows));
    const d = a.bestDeviation;
    lines.push(`  best deviation: ${d ? `${d.family} (${paramText(d.params)}) gains ${fmt(d.gain, 7)} at q = ${profileText(d.profile)} by reporting ${fmt(d.report, 6)}` : 'none'}`, '');
  }
  const d = c.deviation;
  lines.push(
    d
      ? `verdict: profitable-misreport (agent ${d.agent}, ${d.family} ${paramText(d.params)}: gain ${fmt(d.gain, 7)} > ${fmt(c.tolerance, 3)})`
      : `verdict: ex-post-equilibrium (no family gains more than ${fmt(c.tolerance, 3)} at any profile)`,
    '',
  );
  return lines.join('\n');
}
