import type { Command } from 'commander';
import { attachProgress } from '../progress.js';
import { arenaWith, heteroArenaWith, heteroOptions, instanceOptions, marketArenaWith, mechanismParams, pluginOption, registryWith, toInstance, type InstanceOptions } from '../common.js';
import { heteroSetting, type HeteroSettingOptions } from '../hetero-setting.js';
import { InputError } from '../../core/instance.js';
import type { CliIO } from '../io.js';
import { integer, number, numberList, parseStrategyRef, positiveInteger, profileList } from '../parse.js';
import { fmt, formatTable } from '../table.js';
import { EventBus } from '../../engine/events.js';
import { resolve } from 'node:path';
import type { EvaluateReport } from '../../engine/arena.js';
import type { HeteroEvaluateReport } from '../../hetero/arena.js';
import type { MarketArena, MarketEvaluateReport } from '../../market/arena.js';
import { SEARCH_MECHANISM_NAMES as BAYES_MECHANISMS } from '../../bayes/mechanisms.js';
import { bayesEvaluate, renderBayesEvaluate } from '../bayes-evaluate.js';
import type { WorkerTask } from '../../experiments/cell-worker.js';
import { WorkerPool } from '../../experiments/watchdog.js';

interface EvaluateOptions extends InstanceOptions, Omit<HeteroSettingOptions, 'm' | 'sigma' | 'cost'> {
  agent?: number;
  deviation?: string;
  rounds: number;
  seed: number;
  json?: boolean;
  grid?: boolean;
  timeout?: number;
  plugin: string[];
  profile?: string;
  fixedMu?: number;
  types?: string;
}

/** Runs one evaluation on a worker thread with a time limit. */
async function onWorker<R>(task: WorkerTask, seconds: number, what: string): Promise<R> {
  const pool = new WorkerPool(1);
  try {
    return await pool.run<R>(task, seconds, what);
  } finally {
    await pool.destroy();
  }
}

/** `arena evaluate <mechanism> --instance FILE` (or c3d-hd with --d): the d-distribution family of seed 001. */
async function evaluateHetero(mechanism: string, o: EvaluateOptions, io: CliIO): Promise<void> {
  const setting = heteroSetting(o);
  const agent = o.agent ?? 0;
  if (agent < 0 || agent >= setting.instance.m) throw new InputError('--agent', `must be an agent index in [0, ${setting.instance.m - 1}] (got ${agent})`);
  const ref = o.deviation === undefined ? undefined : parseStrategyRef(o.deviation);
  const events = new EventBus();
  const arena = await heteroArenaWith(o.plugin, events);
  const stop = attachProgress(events, io, Boolean(process.stderr.isTTY) && !o.json);
  try {
    const request = { rounds: o.rounds, seed: o.seed, deviation: ref && { strategy: ref.name, params: ref.params ?? {} }, deviator: agent, forceGrid: o.grid };
    const r =
      o.timeout === undefined
        ? arena.evaluate(mechanism, setting, request)
        : await onWorker<HeteroEvaluateReport>(
            { kind: 'hetero-evaluate', mechanism, setting, request, plugins: o.plugin.map((p) => resolve(p)) },
            o.timeout,
            `plugin "${ref?.name ?? 'recommended'}" (agent ${agent}) under ${mechanism}`,
          );
    if (o.json) {
      io.out(`${JSON.stringify(r, null, 2)}\n`);
      return;
    }
    const rows = r.agents.map((a) => [String(a.agent), a.strategy, fmt(a.penalty, 7), fmt(a.stderr, 2), fmt(a.theory, 7), a.worstMu]);
    io.out(`${mechanism} on ${setting.source} (m=${setting.instance.m}, d=${setting.instance.d}, ${setting.instance.noise} noise); ${r.rounds} rounds, seed ${r.seed}\n`);
    io.out(`${formatTable(['agent', 'strategy', 'penalty', 'stderr', 'theory', 'worst μ'], rows)}\n`);
    io.out(`social penalty ${fmt(r.socialPenalty, 7)} ± ${fmt(r.socialStderr, 2)}\n`);
  } finally {
    stop();
  }
}

/** `arena evaluate market|market-naive|market-single --instance FILE`: the simulated data marketplace of seed 003. */
async function evaluateMarketCli(arena: MarketArena, mechanism: string, o: EvaluateOptions, io: CliIO): Promise<void> {
  if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs a market file (sigma, costs, buyers)`);
  for (const [flag, v] of [['--d', o.d], ['--noise', o.noise]] as const) {
    if (v !== undefined) throw new InputError(flag, `is not used by the market mechanisms; drop ${flag}`);
  }
  const ref = o.deviation === undefined ? undefined : parseStrategyRef(o.deviation);
  const profile = o.profile === undefined ? undefined : profileList(o.profile, '--profile');
  const request = { rounds: o.rounds, seed: o.seed, forceGrid: o.grid, deviator: o.agent, deviation: ref, profile, fixedMu: o.fixedMu };
  const who = profile ? `profile "${o.profile}"` : `plugin "${ref?.name ?? 'recommended'}" (contributor ${o.agent ?? 0})`;
  const r =
    o.timeout === undefined
      ? arena.evaluate(mechanism, arena.load(o.instance), request)
      : await onWorker<MarketEvaluateReport>(
          { kind: 'market-evaluate', mechanism, file: resolve(o.instance), request, plugins: o.plugin.map((p) => resolve(p)) },
          o.timeout,
          `${who} under ${mechanism}`,
        );
  if (o.json) {
    io.out(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const th = (x: number | null) => (x === null ? '—' : fmt(x, 7));
  io.out(`${mechanism} on ${o.instance}${r.marketOpen ? '' : ` (market closed: ${r.closedReason})`}; split ${r.split.join(', ')}; ${r.rounds} rounds, seed ${r.seed}, ${r.mus.length} μ\n`);
  io.out(`view: ${r.view}\n`);
  const rows = r.contributors.map((c) => [String(c.agent), c.strategy, fmt(c.utility, 7), fmt(c.stderr, 2), th(c.theory), String(c.worstMu)]);
  io.out(`${formatTable(['contributor', 'strategy', 'utility', 'stderr', 'theory', 'worst μ'], rows)}\n`);
  const yesNo = (b: boolean | null) => (b === null ? '—' : b ? 'yes' : 'NO');
  const brows = r.buyers.map((b) => [
    String(b.buyer),
    String(b.allocation),
    fmt(b.expectedPrice, 7),
    fmt(b.priceStderr, 2),
    fmt(b.theoryPrice, 7),
    fmt(b.utility, 7),
    b.simulatedValue === null ? '—' : fmt(b.simulatedValue, 7),
    yesNo(b.individuallyRational),
  ]);
  io.out(`${formatTable(['buyer', 'm*', 'sup E[p]', 'stderr', 'theory', 'v^d(m*) − E[p] (truthful value)', 'simulated value', 'IR'], brows)}\n`);
  io.out(`largest |Σπ − Σp| over all rounds: ${r.budget.maxAbsResidual.toExponential(2)}\n`);
}

export function evaluateCommand(program: Command, io: CliIO): void {
  pluginOption(
    heteroOptions(
      instanceOptions(
      program
        .command('evaluate')
        .argument('<mechanism>', 'mechanism name (see `arena list`)')
        .description(
          'Monte Carlo penalty of every agent when agent 0 plays --deviation and the others play the recommended profile. ' +
            'Penalties are the worst case over μ (one μ for equivariant profiles, a ±1000σ grid otherwise).',
        )
        .option('--deviation <NAME[:key=value,...]>', "agent 0's strategy, e.g. shift:delta=0.5 (default: recommended)")
        .requiredOption('--rounds <R>', 'Monte Carlo rounds (>= 2)', positiveInteger)
        .requiredOption('--seed <N>', 'master seed (integer)', integer)
        .option('--grid', 'score on the μ grid even if the profile is equivariant')
        .option('--timeout <SEC>', 'run on a worker thread and stop it after SEC seconds (guards against a plugin that never returns)', positiveInteger)
        .option('--agent <I>', 'the agent who plays --deviation (d-distribution and market instances; default 0)', integer)
        .option('--profile <S1;S2;…>', 'market files: one strategy per contributor, e.g. "constant;constant;recommended" (the collusive profile, spec/003 §5.3)')
        .option('--types <Q1,Q2,…>', 'seed-004 instance files: fixed true qualities (default: drawn from the priors every round)')
        .option('--fixed-mu <MU>', 'market files: score at this μ only, a labelled DIAGNOSTIC (not the worst case over μ)', number)
        .option('--json', 'print JSON'),
      ),
    ),
  ).action(async (mechanism: string, o: EvaluateOptions) => {
    if (BAYES_MECHANISMS.includes(mechanism)) {
      // seed 004: rounds of types, reports, thresholds, signals and the platform's posterior mean
      if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs a seed-004 instance file (correlation, priors)`);
      const options = {
        rounds: o.rounds,
        seed: o.seed,
        types: o.types === undefined ? undefined : numberList(o.types, '--types'),
        deviation: o.deviation === undefined ? undefined : parseStrategyRef(o.deviation),
        agent: o.agent,
      };
      const r =
        o.timeout === undefined
          ? bayesEvaluate(o.instance, mechanism, { ...options, plugins: (await registryWith(o.plugin)).reportStrategies })
          : await onWorker<Record<string, unknown>>(
              { kind: 'bayes-evaluate', mechanism, file: resolve(o.instance), options, plugins: o.plugin.map((p) => resolve(p)) },
              o.timeout,
              `report strategy "${options.deviation?.name ?? 'truthful'}" (agent ${o.agent ?? 0}) under ${mechanism}`,
            );
      io.out(o.json ? `${JSON.stringify(r, null, 2)}\n` : renderBayesEvaluate(r));
      return;
    }
    if (o.types !== undefined) throw new InputError('--types', 'is for the seed-004 mechanisms (threshold-pricing, …)');
    const market = await marketArenaWith(o.plugin);
    if (market.isMechanism(mechanism)) {
      await evaluateMarketCli(market, mechanism, o, io);
      return;
    }
    for (const [flag, v] of [['--profile', o.profile], ['--fixed-mu', o.fixedMu]] as const) {
      if (v !== undefined) throw new InputError(flag, 'is for the market mechanisms (market files); see `arena list`');
    }
    if (o.instance !== undefined || o.d !== undefined) {
      await evaluateHetero(mechanism, o, io);
      return;
    }
    if (o.agent !== undefined) throw new InputError('--agent', 'is for d-distribution instances (--instance); under seed-000 mechanisms agent 0 deviates');
    const inst = toInstance(o);
    const deviation = o.deviation === undefined ? undefined : parseStrategyRef(o.deviation);
    const events = new EventBus();
    const arena = await arenaWith(o.plugin, events);
    const params = mechanismParams(arena, mechanism, o);
    const stop = attachProgress(events, io, Boolean(process.stderr.isTTY) && !o.json);
    try {
      const request = { rounds: o.rounds, seed: o.seed, mechanismParams: params, deviation, forceGrid: o.grid };
      const r =
        o.timeout === undefined
          ? arena.evaluate(mechanism, inst, request)
          : await onWorker<EvaluateReport>(
              { kind: 'evaluate', mechanism, instance: { ...inst }, request, plugins: o.plugin.map((p) => resolve(p)) },
              o.timeout,
              `plugin "${deviation?.name ?? 'recommended'}" (agent 0) under ${mechanism}`,
            );
      if (o.json) {
        io.out(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const rows = r.agents.map((a) => [String(a.agent), a.strategy, fmt(a.penalty, 7), fmt(a.stderr, 2), fmt(a.theory, 7), fmt(a.worstMu, 3)]);
      io.out(`${mechanism} at m=${inst.m}, σ=${inst.sigma}, c=${inst.cost}; ${r.rounds} rounds, seed ${r.seed}\n`);
      io.out(`${formatTable(['agent', 'strategy', 'penalty', 'stderr', 'theory', 'worst μ'], rows)}\n`);
      io.out(`social penalty ${fmt(r.socialPenalty, 7)} ± ${fmt(r.socialStderr, 2)}\n`);
    } finally {
      stop();
    }
  });
}
