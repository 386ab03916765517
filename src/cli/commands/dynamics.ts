import type { Command } from 'commander';
import { Subject } from 'rxjs';
import { InputError } from '../../core/instance.js';
import { iterateBestResponse, type StartProfile, type TraceStep, type UpdateRule } from '../../search/dynamics.js';
import { EffortGame } from '../../search/effort-game.js';
import { tarski } from '../../search/supermodularity.js';
import { arenaWith, instanceOptions, mechanismParams, toInstance, type InstanceOptions } from '../common.js';
import type { CliIO } from '../io.js';
import { integer, positiveInteger } from '../parse.js';
import { fmt } from '../table.js';

interface Options extends InstanceOptions {
  start: string;
  rule: string;
  roundsMax: number;
  seed: number;
  tarski?: boolean;
  json?: boolean;
}

const STARTS = ['solo', 'free-ride', 'recommended', 'random'];
const RULES = ['round-robin', 'simultaneous'];

export function dynamicsCommand(program: Command, io: CliIO): void {
  instanceOptions(
    program
      .command('dynamics')
      .argument('<mechanism>', 'mechanism name (see `arena list`)')
      .description(
        'Iterated best response in the effort game (agents choose n, submit truthfully, estimate as recommended), from a start ' +
          'profile; prints the trace and whether it converged. --tarski also checks increasing differences and, if they hold, ' +
          'brackets the least and greatest equilibria.',
      )
      .option('--start <PROFILE>', `start profile: ${STARTS.join('|')}`, 'solo')
      .option('--rule <RULE>', `update rule: ${RULES.join('|')}`, 'round-robin')
      .option('--rounds-max <N>', 'maximum sweeps', positiveInteger, 200)
      .option('--seed <N>', 'seed for --start random', integer, 1)
      .option('--tarski', 'check increasing differences and run Tarski iteration from the top and bottom profiles')
      .option('--json', 'print JSON'),
    { m: 10, sigma: 1, cost: 0.001 },
  ).action(async (mechanism: string, o: Options) => {
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
