/**
 * Cells of seed-004 experiments (Alaei et al., "Incentivizing Data Collaboration"; spec/004): the
 * spec's `bayes` entries resolved to instances — bayes instance files (src/theory/bayes/instance-file.ts)
 * or the generators
 *
 *   {"star": {"rho": numbers, "Q": 10, "n": 3}}   Example 1: agent 1 correlated with agents 2..n at ρ,
 *                                                  the others uncorrelated; q_i ~ Unif[0, Q] (spec/004 §4 W5, W6, W9)
 *   {"pair": {"r": numbers, "Q": 16, "cost": {…}}} two agents with correlation r (spec/004 §4 W7, W10)
 *
 * and expanded into cells: threshold-theory one per (instance, mechanism, agent), effort-dynamics one
 * per (instance, mechanism), best-response-curve one per (instance, mechanism, e_j). A cell carries
 * plain data only (correlation, prior specs, cost specs), so it crosses to worker threads by
 * structured clone; the worker rebuilds priors and the effort game.
 *
 * Everything the effort game would reject (Q ≤ 4, a threshold below the effort box, a bad cost, a
 * non-uniform prior) is found here, when the cells are built, and reported as an InputError naming the
 * spec entry, e.g. `experiments/x.json: bayes.0.pair.r`.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { InputError } from '../core/instance.js';
import { makeEffortGame } from '../effort/game.js';
import { loadBayesFile } from '../theory/bayes/instance-file.js';
import type { PriorSpec } from '../theory/bayes/priors.js';
import type { Model } from '../theory/bayes/value.js';
import type { CellCommon } from './cells.js';
import type { BayesEntrySpec, BayesTaskSpec, ExperimentSpec } from './spec.js';
import { expand } from './spec.js';

/** A seed-004 instance as a cell carries it (plain data). */
export interface BayesCellInstance {
  /** The spec's name for it: the file path as written, "star" or "pair". */
  readonly label: string;
  /** Index of its entry in the spec's `bayes` list. */
  readonly entry: number;
  readonly n: number;
  /** = n (the runner's progress lines call the number of agents m). */
  readonly m: number;
  /** The correlation matrix R (σ_i = 1, spec/004 §1.3). */
  readonly correlation: readonly (readonly number[])[];
  /** Prior specs {kind, …}, one per agent (rebuilt with makePrior where the cell runs). */
  readonly priors: readonly PriorSpec[];
  /** The mechanism's value model. */
  readonly model: Model;
  /** Q when every prior is Unif[0, Q] with one Q (the effort game's setting), else null. */
  readonly Q: number | null;
  /** Effort cost specs, one per agent, or null. */
  readonly costs: readonly Readonly<Record<string, unknown>>[] | null;
  /** The star generator's ρ. */
  readonly rho?: number;
  /** The pair generator's r = R_12. */
  readonly r?: number;
  /** The pair generator's kinked-cost slope κ, when swept. */
  readonly kappa?: number;
}

/** One unit of work on a bayes instance. */
export interface BayesCell extends CellCommon {
  readonly family: 'bayes';
  readonly instance: BayesCellInstance;
  readonly task: BayesTaskSpec;
  /** 0-based: the agent of a threshold-theory row, or the responding agent of a best-response-curve cell. */
  readonly agent?: number;
  /** best-response-curve: every other agent's effort e_j. */
  readonly otherEffort?: number;
  /** Monte Carlo seed (only for n > 4 agents: quadrature otherwise) — the experiment's seed. */
  readonly mcSeed: number;
}

const EFFORT_TASKS: readonly string[] = ['effort-dynamics', 'best-response-curve'];

/** Q of a common Unif[0, Q] prior, or null. */
function commonUniformQ(priors: readonly PriorSpec[]): number | null {
  let Q: number | null = null;
  for (const p of priors) {
    if (p.kind !== 'uniform' || p.low !== 0 || typeof p.high !== 'number') return null;
    if (Q === null) Q = p.high;
    else if (p.high !== Q) return null;
  }
  return Q;
}

function models(m: Model | readonly Model[]): readonly Model[] {
  return typeof m === 'string' ? [m] : m;
}

/** Example 1's star: R_1j = R_j1 = ρ for j ≥ 2, other off-diagonal entries 0. */
export function starCorrelation(n: number, rho: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : (i === 0) !== (j === 0) ? rho : 0)));
}

/** The spec's bayes entries, in order: each file once, each generator once per (model, ρ or r). */
export function resolveBayes(entries: readonly BayesEntrySpec[], base: string, source: string): BayesCellInstance[] {
  const out: BayesCellInstance[] = [];
  entries.forEach((entry, j) => {
    if (typeof entry === 'string') {
      let inst;
      try {
        inst = loadBayesFile(resolve(base, entry));
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`${source}: bayes.${j}`, e.message);
        throw e;
      }
      const priors = inst.priorSpecs.map((p) => ({ ...p }));
      out.push({
        label: entry,
        entry: j,
        n: inst.n,
        m: inst.n,
        correlation: inst.correlation,
        priors,
        model: inst.model,
        Q: commonUniformQ(priors),
        costs: inst.effortCost ? inst.effortCost.map((c) => ({ ...c })) : null,
      });
      return;
    }
    const uniform = (n: number, Q: number): PriorSpec[] => Array.from({ length: n }, () => ({ kind: 'uniform', low: 0, high: Q }));
    if (entry.star) {
      const { n, Q, cost } = entry.star;
      for (const model of models(entry.star.model)) {
        for (const rho of expand(entry.star.rho)) {
          out.push({ label: 'star', entry: j, n, m: n, correlation: starCorrelation(n, rho), priors: uniform(n, Q), model, Q, costs: cost ? Array.from({ length: n }, () => ({ ...cost })) : null, rho });
        }
      }
    } else if (entry.pair) {
      const { Q, cost } = entry.pair;
      // spec/004 §4 W8: κ sweeps the kinked cost's slope (spec.ts checks the cost is kinked)
      const kappas: (number | undefined)[] = entry.pair.kappa === undefined ? [undefined] : expand(entry.pair.kappa);
      for (const model of models(entry.pair.model)) {
        for (const r of expand(entry.pair.r)) {
          for (const kappa of kappas) {
            const c = cost && (kappa === undefined ? { ...cost } : { ...cost, slope: kappa });
            out.push({ label: 'pair', entry: j, n: 2, m: 2, correlation: [[1, r], [r, 1]], priors: uniform(2, Q), model, Q, costs: c ? [c, { ...c }] : null, r, ...(kappa === undefined ? {} : { kappa }) });
          }
        }
      }
    }
  });
  return out;
}

/** Where an effort-game error about `field` sits in the spec: the generator's field, or the file's entry. */
function errorPath(inst: BayesCellInstance, source: string, field: string): string {
  const at = `${source}: bayes.${inst.entry}`;
  if (inst.label !== 'star' && inst.label !== 'pair') return at;
  const gen = `${at}.${inst.label}`;
  if (field.startsWith('correlation') || field === 'S') return `${gen}.${inst.label === 'star' ? 'rho' : 'r'}`;
  if (field.startsWith('effortCost')) return `${gen}.cost`;
  if (field === 'Q') return `${gen}.Q`;
  return gen;
}

/** Checks that the effort game can run on the instance under each mechanism; returns the box top √Q − 2. */
function checkEffortInstance(inst: BayesCellInstance, mechanisms: readonly string[], source: string): number {
  const at = `${source}: bayes.${inst.entry}`;
  const what = inst.rho !== undefined ? ` (ρ = ${inst.rho}, ${inst.model})` : inst.r !== undefined ? ` (r = ${inst.r}, ${inst.model})` : '';
  if (inst.Q === null) throw new InputError(at, `the effort tasks need uniform priors Unif[0, Q] with one Q for every agent (seed 004, Theorem 3)${what}`);
  if (inst.costs === null) throw new InputError(at, `the effort tasks need an effort cost per agent (instance files: "effortCost")${what}`);
  let upper = NaN;
  for (const mechanism of mechanisms) {
    try {
      // a 2-point rule: the checks do not depend on it, and it is cheap for any n
      upper = makeEffortGame({ correlation: inst.correlation, Q: inst.Q, costs: inst.costs, model: inst.model, mechanism: mechanism as 'threshold-pricing', rule: { nodes: 2, samples: 2 } }).upper;
    } catch (e) {
      if (e instanceof InputError) throw new InputError(errorPath(inst, source, e.field), `${e.message}${what}`);
      throw e;
    }
  }
  return upper;
}

/** A short fingerprint of an instance's content, so that --resume never reuses a row of an edited file. */
function fingerprint(inst: BayesCellInstance): string {
  const text = JSON.stringify({ R: inst.correlation, priors: inst.priors, model: inst.model, costs: inst.costs });
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function bayesCells(spec: ExperimentSpec, entries: readonly BayesEntrySpec[], base: string, source: string): BayesCell[] {
  const cells: BayesCell[] = [];
  const tasks = spec.tasks as BayesTaskSpec[];
  const effortMechanisms = [...new Set(tasks.filter((t) => EFFORT_TASKS.includes(t.kind)).flatMap((t) => t.mechanisms))];
  for (const instance of resolveBayes(entries, base, source)) {
    const upper = effortMechanisms.length > 0 ? checkEffortInstance(instance, effortMechanisms, source) : NaN;
    const id = { bayes: instance.label, ...(instance.rho !== undefined ? { rho: instance.rho } : {}), ...(instance.r !== undefined ? { r: instance.r } : {}), model: instance.model, content: fingerprint(instance) };
    tasks.forEach((task, t) => {
      let units: { agent?: number; otherEffort?: number }[];
      let taskKey: Record<string, unknown>;
      switch (task.kind) {
        case 'threshold-theory':
          units = Array.from({ length: instance.n }, (_, agent) => ({ agent }));
          taskKey = { kind: task.kind, nodes: task.nodes ?? null };
          break;
        case 'effort-dynamics':
          units = [{}];
          taskKey = { kind: task.kind, update: task.update, nodes: task.nodes ?? null };
          break;
        case 'best-response-curve': {
          const agent = task.agent - 1;
          if (agent >= instance.n) throw new InputError(`${source}: tasks.${t}.agent`, `must be an agent of every instance: 1 … ${instance.n} (got ${task.agent})`);
          const others = expand(task.others);
          for (const e of others) {
            if (!(e <= upper + 1e-12)) throw new InputError(`${source}: tasks.${t}.others`, `every effort must lie in the box [0, √Q − 2] = [0, ${upper}] of ${instance.label} (got ${e})`);
          }
          units = others.map((otherEffort) => ({ agent, otherEffort }));
          taskKey = { kind: task.kind, agent: task.agent, nodes: task.nodes ?? null };
          break;
        }
      }
      for (const mechanism of task.mechanisms) {
        for (const unit of units) {
          cells.push({
            family: 'bayes',
            key: JSON.stringify({ mechanism, instance: id, task: taskKey, ...unit }),
            index: cells.length,
            mechanism,
            mechanismParams: {},
            instance,
            task,
            ...unit,
            seed: `${spec.seed}/${JSON.stringify(id)}/${JSON.stringify(taskKey)}`,
            plugins: [],
            mcSeed: spec.seed,
          });
        }
      }
    });
  }
  return cells;
}
