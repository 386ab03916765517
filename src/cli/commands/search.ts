import type { Command } from 'commander';
import { InputError } from '../../core/instance.js';
import { EventBus } from '../../engine/events.js';
import { certify, type Certificate } from '../../search/certificate.js';
import { arenaWith, heteroArenaWith, heteroOptions, instanceOptions, marketArenaWith, registryWith, mechanismParams, pluginOption, toInstance, type InstanceOptions } from '../common.js';
import { heteroSetting, type HeteroSettingOptions } from '../hetero-setting.js';
import { heteroCertify, type HeteroCertificate } from '../../hetero/certificate.js';
import type { CliIO } from '../io.js';
import type { MarketArena } from '../../market/arena.js';
import { SEARCH_MECHANISM_NAMES as BAYES_SEARCH_MECHANISMS } from '../../bayes/mechanisms.js';
import { bayesSearch, renderBayesSearch } from '../bayes-search.js';
import { marketCertify, type MarketCertificate } from '../../market/certificate.js';
import { agentList, integer, nameList, number, positiveInteger } from '../parse.js';
import { attachProgress } from '../progress.js';
import { fmt, formatTable } from '../table.js';

interface Options extends InstanceOptions, Omit<HeteroSettingOptions, 'm' | 'sigma' | 'cost'> {
  agents?: string;
  families?: string;
  tolerance?: number;
  seed: number;
  rounds?: number;
  maxRounds?: number;
  theory: boolean;
  json?: boolean;
  plugin: string[];
}

export function searchCommand(program: Command, io: CliIO): void {
  pluginOption(
    heteroOptions(
      instanceOptions(
      program
        .command('search')
        .argument('<mechanism>', 'mechanism name (see `arena list`)')
        .description(
          'Best-response search against the recommended profile: explores every deviation family (n × f × h) over its declared ' +
            'ranges, re-checks the leaders on fresh random numbers, and certifies a profitable deviation or an ε-equilibrium.',
        )
        .option('--families <LIST>', 'comma-separated strategy names to search (default: all)')
        .option('--tolerance <T>', "width of the gain's 95% interval at which re-checks stop (default 1% of the recommended penalty)", number)
        .option('--seed <N>', 'master seed', integer, 1)
        .option('--rounds <R>', 'Monte Carlo rounds per objective evaluation (default 20000/m, in [100, 2000])', positiveInteger)
        .option('--max-rounds <R>', 'cap on the rounds of a re-check', positiveInteger)
        .option('--no-theory', "ignore the mechanism's closed forms: Monte Carlo only (slower)")
        .option('--agents <LIST>', 'd-distribution and market instances: comma-separated agents (contributors) to search (default: one of each class of interchangeable agents; market: every contributor asked to collect and one who is not)')
        .option('--json', 'print JSON'),
      { m: 10, sigma: 1, cost: 0.001 },
      ),
    ),
  ).action(async (mechanism: string, o: Options) => {
    if (o.tolerance !== undefined && !(o.tolerance > 0)) throw new InputError('--tolerance', `must be > 0 (got ${o.tolerance})`);
    if (BAYES_SEARCH_MECHANISMS.includes(mechanism)) {
      // seed 004: misreports of quality, judged ex post on a grid of true-type profiles (closed forms)
      if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs a seed-004 instance file (correlation, priors)`);
      const registry = await registryWith(o.plugin); // report strategies and prior kinds from --plugin
      const cert = bayesSearch(o.instance, mechanism, { agents: agentList(o.agents), families: nameList(o.families), plugins: registry.reportStrategies });
      io.out(o.json ? `${JSON.stringify(cert, null, 2)}\n` : renderBayesSearch(cert));
      return;
    }
    const market = await marketArenaWith(o.plugin);
    if (market.isMechanism(mechanism)) {
      searchMarket(market, mechanism, o, io);
      return;
    }
    if (o.instance !== undefined || o.d !== undefined) {
      await searchHetero(mechanism, o, io);
      return;
    }
    if (o.agents !== undefined) throw new InputError('--agents', 'is for d-distribution instances (--instance)');
    const inst = toInstance(o);
    const events = new EventBus();
    const arena = await arenaWith(o.plugin, events);
    const families = nameList(o.families);
    const stop = attachProgress(events, io, Boolean(process.stderr.isTTY) && !o.json);
    let cert: Certificate;
    try {
      cert = certify(arena, mechanism, inst, {
        seed: o.seed,
        families,
        tolerance: o.tolerance,
        rounds: o.rounds,
        maxRounds: o.maxRounds,
        useTheory: o.theory,
        mechanismParams: mechanismParams(arena, mechanism, o),
        events,
      });
    } finally {
      stop();
    }
    io.out(o.json ? `${JSON.stringify(cert, null, 2)}\n` : render(cert));
  });
}

/** `arena search <mechanism> --instance FILE`: best responses in the d-distribution family (seed 001). */
async function searchHetero(mechanism: string, o: Options, io: CliIO): Promise<void> {
  // --m/--sigma/--cost carry defaults for seed 000; a file's instance wins, c3d-hd reads them with --d.
  const setting = heteroSetting(o.instance !== undefined ? { instance: o.instance, noise: o.noise } : o);
  const agents = agentList(o.agents, setting.instance.m, 'an agent');
  const events = new EventBus();
  const arena = await heteroArenaWith(o.plugin, events);
  const stop = attachProgress(events, io, Boolean(process.stderr.isTTY) && !o.json);
  let cert: HeteroCertificate;
  try {
    cert = heteroCertify(arena, mechanism, setting, certifyOptions(o, agents, events));
  } finally {
    stop();
  }
  io.out(o.json ? `${JSON.stringify(cert, null, 2)}\n` : renderHetero(cert));
}

/** `arena search market|market-naive|market-single --instance FILE`: contributors' best responses in the data marketplace (seed 003). */
function searchMarket(arena: MarketArena, mechanism: string, o: Options, io: CliIO): void {
  if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs a market file (sigma, costs, buyers)`);
  for (const [flag, v] of [['--d', o.d], ['--noise', o.noise]] as const) {
    if (v !== undefined) throw new InputError(flag, `is not used by the market mechanisms; drop ${flag}`);
  }
  const model = arena.load(o.instance);
  const C = model.costs.length;
  const agents = agentList(o.agents, C, 'a contributor');
  const events = new EventBus();
  const stop = attachProgress(events, io, Boolean(process.stderr.isTTY) && !o.json);
  let cert: MarketCertificate;
  try {
    cert = marketCertify(arena, mechanism, model, certifyOptions(o, agents, events));
  } finally {
    stop();
  }
  io.out(o.json ? `${JSON.stringify(cert, null, 2)}\n` : renderMarket(cert));
}

/** The search options common to the d-distribution and market certificates. */
function certifyOptions(o: Options, agents: number[] | undefined, events: EventBus) {
  return {
    seed: o.seed,
    families: nameList(o.families),
    agents,
    tolerance: o.tolerance,
    rounds: o.rounds,
    maxRounds: o.maxRounds,
    useTheory: o.theory,
    events,
  };
}

function renderMarket(c: MarketCertificate): string {
  const lines = [
    `Best-response search: ${c.mechanism} on ${c.instance}${c.marketOpen ? '' : ' (market closed)'}; split ${c.split.join(', ')}; seed ${c.seed}, ${c.seconds.toFixed(1)} s`,
    'Contributors maximise utility, inf over μ of E[π_i − c_i n_i]; gain = deviation − recommended.',
    '',
  ];
  for (const a of c.agents) {
    lines.push(`contributor ${a.agent} (N_i* = ${a.nRecommended}, recommended utility ${fmt(a.baselineUtility, 7)}, ${a.baselineSource})`);
    const rows = a.searched.map((f) => [f.family, paramText(f.params), fmt(f.utility, 6), fmt(f.gain, 3), f.source]);
    lines.push(formatTable(['family', 'best parameters', 'utility', 'gain', 'source'], rows));
    const dev = a.bestDeviation;
    lines.push(
      `  best deviation: ${dev ? `${dev.family} (${paramText(dev.params)})` : 'none'}`,
      `  re-checked gain ${fmt(a.gain, 4)}, 95% CI [${fmt(a.ci[0], 4)}, ${fmt(a.ci[1], 4)}] (${a.recheckRounds} paired rounds${a.worstMu === null ? '' : `, worst μ ${a.worstMu}`})`,
      '',
    );
  }
  lines.push(`verdict: ${c.verdict}${c.epsilon !== null ? ` (ε = ${fmt(c.epsilon, 3)}, tolerance ${fmt(c.tolerance, 3)})` : ''}`, '');
  return lines.join('\n');
}

function paramText(p: Record<string, number>): string {
  return Object.entries(p).map(([k, v]) => `${k}=${fmt(v, 4)}`).join(', ') || '—';
}

function renderHetero(c: HeteroCertificate): string {
  const lines = [`Best-response search: ${c.mechanism} on ${c.instance}; seed ${c.seed}, ${c.seconds.toFixed(1)} s`, ''];
  const sharing = new Map<number, number[]>();
  for (const a of c.agents) {
    if (!Array.isArray(a.searched)) {
      const rep = (a.searched as { sharedWith: number }).sharedWith;
      sharing.set(rep, [...(sharing.get(rep) ?? []), a.agent]);
      continue;
    }
    lines.push(`agent ${a.agent} (recommended penalty ${fmt(a.baselinePenalty, 7)})`);
    const rows = a.searched.map((f) => [f.family, paramText(f.params), fmt(f.penalty, 6), fmt(a.baselinePenalty - f.penalty, 3), f.source]);
    lines.push(formatTable(['family', 'best parameters', 'penalty', 'gain', 'source'], rows));
    const dev = a.bestDeviation;
    lines.push(
      `  best deviation: ${dev ? `${dev.family} (${paramText(dev.params)})` : 'none'}`,
      `  re-checked gain ${fmt(a.gain, 4)}, 95% CI [${fmt(a.ci[0], 4)}, ${fmt(a.ci[1], 4)}] (${a.recheckRounds} paired rounds)` +
        (a.paperGain !== null ? `; at the paper's continuous n*: ${fmt(a.paperGain, 6)}` : ''),
      '',
    );
  }
  for (const [rep, list] of sharing) {
    lines.push(`agents ${list.join(', ')} share agent ${rep}'s search (same costs, recommendation and recommended penalty)`);
  }
  lines.push(`verdict: ${c.verdict}${c.epsilon !== null ? ` (ε = ${fmt(c.epsilon, 3)})` : ''}`, '');
  return lines.join('\n');
}

function render(c: Certificate): string {
  const a = c.agents[0];
  const lines = [
    `Best-response search: ${c.mechanism} at m=${c.instance.m}, σ=${c.instance.sigma}, c=${c.instance.cost}; seed ${c.seed}, ${c.seconds.toFixed(1)} s`,
    `Agents 1..${c.instance.m - 1} share agent 0's search (same strategy, symmetric mechanism).`,
    '',
  ];
  if (Array.isArray(a.searched)) {
    const rows = a.searched.map((f) => [
      f.family,
      Object.entries(f.params).map(([k, v]) => `${k}=${fmt(v as number, 4)}`).join(', ') || '—',
      fmt(f.penalty, 6),
      fmt(a.baselinePenalty - f.penalty, 3),
      f.source,
    ]);
    lines.push(formatTable(['family', 'best parameters', 'penalty', 'gain', 'source'], rows), '');
  }
  const dev = a.bestDeviation;
  lines.push(
    `baseline penalty (recommended): ${fmt(a.baselinePenalty, 7)}`,
    `best deviation: ${dev ? `${dev.family} ${JSON.stringify(dev.params)}` : 'none'}${a.sameAsBaseline ? ' (plays exactly like the recommended strategy: no deviation does better)' : ''}`,
    `re-checked gain: ${fmt(a.gain, 4)}  95% CI [${fmt(a.ci[0], 4)}, ${fmt(a.ci[1], 4)}]  (${a.recheckRounds} paired rounds)`,
    `verdict: ${c.verdict}${c.epsilon !== null ? ` (ε = ${fmt(c.epsilon, 3)}, tolerance ${fmt(c.tolerance, 3)})` : ''}`,
    '',
  );
  return lines.join('\n');
}
