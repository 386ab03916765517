import type { Command } from 'commander';
import { Subject } from 'rxjs';
import { InputError } from '../../core/instance.js';
import { iterateBestResponse, type StartProfile, type TraceStep, type UpdateRule } from '../../search/dynamics.js';
import { EffortGame } from '../../search/effort-game.js';
import { tarski } from '../../search/supermodularity.js';
import { arenaWith, instanceOptions, marketArenaWith, registryWith, mechanismParams, pluginOption, toInstance, type InstanceOptions } from '../common.js';
import type { MarketArena } from '../../market/arena.js';
import { thresholdComparativeStatics, thresholdDynamics } from '../threshold-dynamics.js';
import { loadBayesFile } from '../../theory/bayes/instance-file.js';
import { marketDynamics, namedMarketStart, type MarketDynamicsResult } from '../../market/dynamics.js';
import { agentList, nameList, numberList, profileList } from '../parse.js';
import { formatTable } from '../table.js';
import { attachProgress } from '../progress.js';
import { EventBus } from '../../engine/events.js';
import type { CliIO } from '../io.js';
import { integer, positiveInteger } from '../parse.js';
import { fmt } from '../table.js';

interface Options extends InstanceOptions {
  start?: string;
  rule: string;
  roundsMax: number;
  seed: number;
  tarski?: boolean;
  json?: boolean;
  instance?: string;
  families?: string;
  agents?: string;
  from?: string;
  update?: string;
  vary?: string;
  values?: string;
  plugin: string[];
}

const STARTS = ['solo', 'free-ride', 'recommended', 'random'];
const RULES = ['round-robin', 'simultaneous'];

export function dynamicsCommand(program: Command, io: CliIO): void {
  pluginOption(instanceOptions(
    program
      .command('dynamics')
      .argument('<mechanism>', 'mechanism name (see `arena list`)')
      .description(
        'Iterated best response in the effort game (agents choose n, submit truthfully, estimate as recommended), from a start ' +
          'profile; prints the trace and whether it converged. --tarski also checks increasing differences and, if they hold, ' +
          'brackets the least and greatest equilibria.',
      )
      .option('--start <PROFILE>', `start profile: ${STARTS.join('|')}; with a market file: recommended|collusive|"S1;S2;…" (default recommended)`)
      .option('--instance <FILE>', 'a market file (seed 003): contributors take turns best-responding (every strategy family, worst case over μ)')
      .option('--families <A,B,…>', 'market files: the strategy families contributors may switch to (default: all)')
      .option('--agents <I,J,…>', 'market files: the contributors who move (default: those asked to collect, plus one who is not)')
      .option('--from <END>', 'threshold-pricing / free-sharing (seed 004): Tarski iteration from top|bottom|both (default both)')
      .option('--update <RULE>', 'seed 004: jacobi (default) or gauss-seidel')
      .option('--vary <I,J>', 'seed 004: comparative statics in correlation entry R_IJ (0-based), with --values')
      .option('--values <V1,V2,…>', 'seed 004: the values R_IJ takes with --vary')
      .option('--rule <RULE>', `update rule: ${RULES.join('|')}`, 'round-robin')
      .option('--rounds-max <N>', 'maximum sweeps', positiveInteger, 200)
      .option('--seed <N>', 'seed for --start random', integer, 1)
      .option('--tarski', 'check increasing differences and run Tarski iteration from the top and bottom profiles')
      .option('--json', 'print JSON'),
    { m: 10, sigma: 1, cost: 0.001 },
  )).action(async (mechanism: string, o: Options) => {
    if (mechanism === 'threshold-pricing' || mechanism === 'free-sharing') {
      await registryWith(o.plugin); // installs plugin prior and effort-cost kinds before the file is read
      effortDynamicsCli(mechanism, o, io);
      return;
    }
    for (const [flag, v] of [['--from', o.from], ['--update', o.update]] as const) {
      if (v !== undefined) throw new InputError(flag, 'is for the seed-004 effort game (threshold-pricing, free-sharing)');
    }
    const market = await marketArenaWith(o.plugin);
    if (market.isMechanism(mechanism)) {
      marketDynamicsCli(market, mechanism, o, io);
      return;
    }
    if (o.instance !== undefined) throw new InputError('--instance', `mechanism "${mechanism}" is not a market mechanism; dynamics on instance files run for market, market-naive, market-single`);
    o.start ??= 'solo';
    const inst = toInstance(o);
    if (!STARTS.includes(o.start)) throw new InputError('--start', `must be one of ${STARTS.join(', ')} (got "${o.start}")`);
    if (!RULES.includes(o.rule)) throw new InputError('--rule', `must be one of ${RULES.join(', ')} (got "${o.rule}")`);
    const arena = await arenaWith();
    const { run } = arena.setup(mechanism, inst, mechanismParams(arena, mechanism, o));
    const game = new EffortGame(inst, run);
    const steps$ = new Subject<TraceStep>();
    const live = !o.json && Boolean(process.stderr.isTTY);
    if (live) steps$.subscribe((s) => io.err(`\riteration ${s.iteration}: Σn = ${s.n.reduce((a, b) => a + b, 0)}   `));
    const result = iterateBestResponse(game, {
      start: o.start as StartProfile,
      rule: o.rule as UpdateRule,
      maxIterations: o.roundsMax,
      seed: o.seed,
      steps$,
    });
    if (live) io.err('\r'.padEnd(40) + '\r');
    const t = o.tarski ? tarski(game) : null;
    const out = { mechanism, instance: inst, nMax: game.nMax, nRecommended: run.info.nRecommended, ...result, tarski: t };
    if (o.json) {
      io.out(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const lines = [`Best-response dynamics (${result.rule}) for ${mechanism} at m=${inst.m}, σ=${inst.sigma}, c=${inst.cost}, from ${result.start}`];
    for (const s of result.trace) lines.push(`  ${String(s.iteration).padStart(3)}: n = [${s.n.join(', ')}]  Σn = ${s.n.reduce((a, b) => a + b, 0)}`);
    lines.push(
      result.converged
        ? `converged after ${result.iterations} sweeps to n = [${result.final.n.join(', ')}] (Σn = ${result.final.total}; recommended ⌈n*⌉ = ${run.info.nRecommended}; solo σ/√c = ${fmt(inst.sigma / Math.sqrt(inst.cost), 5)})`
        : result.cycleLength !== null
          ? `did not converge: entered a cycle of length ${result.cycleLength}`
          : `did not converge in ${result.iterations} sweeps`,
    );
    if (t) {
      const id = t.increasingDifferences;
      lines.push(
        `increasing differences: ${id.holds ? 'hold' : `fail (worst violation ${fmt(id.worstViolation, 3)} at n=${id.at?.n}, others ${id.at?.othersTotal}→${id.at?.othersTotalNext})`} on ${id.gridPoints} grid points`,
      );
      if (t.bracket) lines.push(`Tarski bracket: least [${t.bracket.least.join(', ')}], greatest [${t.bracket.greatest.join(', ')}]${t.bracket.unique ? ' (unique equilibrium)' : ''}`);
      else if (!id.holds) lines.push('not a supermodular game: Tarski iteration skipped (strategic substitutes, as spec/000 §5 finds)');
    }
    io.out(`${lines.join('\n')}\n`);
  });
}

/** `arena dynamics market… --instance FILE`: contributors' best-response dynamics in the data marketplace (seed 003). */
function marketDynamicsCli(arena: MarketArena, mechanism: string, o: Options, io: CliIO): void {
  if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs a market file (sigma, costs, buyers)`);
  if (o.tarski) throw new InputError('--tarski', 'is for the seed-000 effort game; the market dynamics search every family');
  const model = arena.load(o.instance);
  const split = arena.mechanism(mechanism).setup(model).split;
  const startText = o.start ?? 'recommended';
  const start = namedMarketStart(startText, split) ?? profileList(startText, '--start');
  const agents = agentList(o.agents, model.costs.length, 'a contributor');
  const events = new EventBus();
  const stop = attachProgress(events, io, Boolean(process.stderr.isTTY) && !o.json);
  let r: MarketDynamicsResult;
  try {
    r = marketDynamics(arena, mechanism, model, start, {
      seed: o.seed,
      families: nameList(o.families),
      agents,
      maxSweeps: o.roundsMax,
      events,
    });
  } finally {
    stop();
  }
  if (o.json) {
    io.out(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const rows = r.steps.map((s) => [String(s.sweep), String(s.agent), s.from, s.to ?? '(stays)', fmt(s.gain, 4), `[${fmt(s.ci[0], 3)}, ${fmt(s.ci[1], 3)}]`]);
  io.out(`Best-response dynamics: ${mechanism} on ${o.instance}; split ${r.split.join(', ')}; seed ${r.seed}, ${r.seconds.toFixed(1)} s\n`);
  io.out(`start: ${r.start.join('; ')}\n`);
  io.out(`${formatTable(['sweep', 'contributor', 'from', 'to', 'best gain', '95% CI'], rows)}\n`);
  io.out(`${r.converged ? `converged after ${r.sweeps} sweep(s)` : `did not converge in ${r.sweeps} sweeps`}: ${r.final.join('; ')}\n`);
  io.out(`final utilities (inf over μ): ${r.finalUtilities.map((u, i) => `${fmt(u, 6)} ± ${fmt(r.finalStderr[i]!, 2)}`).join(', ')}; buyers IR: ${r.finalBuyerIR.map((b) => (b === null ? '—' : b ? 'yes' : 'NO')).join(', ')}\n`);
}

/**
 * `arena dynamics threshold-pricing|free-sharing --instance FILE`: seed 004's effort game (Thm 3):
 * Tarski iteration with greatest best responses from the top profile (√Q − 2, …) and least ones from 0
 * brackets the greatest and least equilibria; increasing differences are checked numerically.
 */
function effortDynamicsCli(mechanism: 'threshold-pricing' | 'free-sharing', o: Options, io: CliIO): void {
  if (o.instance === undefined) throw new InputError('--instance', `mechanism ${mechanism} needs a seed-004 instance file (correlation, priors, effortCost)`);
  const from = o.from ?? 'both';
  if (from !== 'top' && from !== 'bottom' && from !== 'both') throw new InputError('--from', `must be top, bottom or both (got "${from}")`);
  const update = o.update ?? 'jacobi';
  if (update !== 'jacobi' && update !== 'gauss-seidel') throw new InputError('--update', `must be jacobi or gauss-seidel (got "${update}")`);
  const file = o.instance;
  const named = <T,>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      // the effort game validates effortCost[i] and the box; say which file
      if (e instanceof InputError && !e.field.startsWith(file)) throw new InputError(`${file}: ${e.field}`, e.message.slice(e.field.length + 2));
      throw e;
    }
  };
  if ((o.vary === undefined) !== (o.values === undefined)) throw new InputError(o.vary === undefined ? '--vary' : '--values', 'give --vary I,J and --values V1,V2,… together');
  if (o.vary !== undefined && o.values !== undefined) {
    const ij = o.vary.split(',').map((x) => Number(x.trim()));
    if (ij.length !== 2 || !ij.every(Number.isInteger)) throw new InputError('--vary', `"${o.vary}" is not two agent indices I,J`);
    const values = numberList(o.values, '--values');
    for (const v of values) if (Math.abs(v) >= 1) throw new InputError('--values', `${v} is not a correlation in (−1, 1)`);
    const cs = named(() => thresholdComparativeStatics(loadBayesFile(file), ij[0]!, ij[1]!, values, { seed: o.seed })) as {
      rows: { value: number; highest: number[] | null; skipped: string | null }[];
      monotone: boolean;
    };
    if (o.json) {
      io.out(`${JSON.stringify(cs, null, 2)}\n`);
      return;
    }
    const rows = cs.rows.map((r) => [fmt(r.value, 4), r.highest === null ? `skipped: ${r.skipped}` : r.highest.map((e) => fmt(e, 10)).join(', ')]);
    io.out(`Highest equilibrium of the effort game against R_${ij[0]}${ij[1]} (seed 004, Thm 3(iii)); ${o.instance}\n`);
    io.out(`${formatTable([`R_${ij[0]}${ij[1]}`, 'highest equilibrium'], rows)}\n`);
    io.out(`non-decreasing in R²: ${cs.monotone ? 'yes' : 'NO'}\n`);
    return;
  }
  const r = named(() => thresholdDynamics(loadBayesFile(file), { from, update, mechanism, seed: o.seed })) as Record<string, unknown> & {
    highest: number[] | null;
    lowest: number[] | null;
    unique: boolean | null;
    supermodular: { pass: boolean; worstViolation: number };
    traces: { top: number[][] | null; bottom: number[][] | null };
  };
  if (o.json) {
    io.out(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const prof = (e: readonly number[] | null) => (e === null ? '—' : `(${e.map((x) => fmt(x, 10)).join(', ')})`);
  const lines = [`Effort game (seed 004, Thm 3) under ${mechanism} on ${o.instance}; ${update} updates`];
  lines.push(`increasing differences: ${r.supermodular.pass ? 'pass' : 'FAIL'} (worst violation ${fmt(r.supermodular.worstViolation, 3)})`);
  for (const end of ['top', 'bottom'] as const) {
    const t = r.traces[end];
    if (t) lines.push(`from the ${end}: ${t.map((e) => prof(e)).join(' → ')}`);
  }
  lines.push(`highest equilibrium ${prof(r.highest)}; lowest ${prof(r.lowest)}${r.unique === null ? '' : r.unique ? ' (unique)' : ' (distinct: a lattice of equilibria)'}`);
  io.out(`${lines.join('\n')}\n`);
}
