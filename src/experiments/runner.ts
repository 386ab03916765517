import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventBus } from '../engine/events.js';
import type { Logger } from '../engine/logger.js';
import { expandCells, type CellDescriptor } from './cells.js';
import { runCellTask } from './cell-worker.js';
import { writeReport } from './report.js';
import { WorkerPool } from './watchdog.js';
import { ResultsStore, toCsv } from './results-store.js';
import type { CellRow } from './run-cell.js';
import type { ExperimentSpec } from './spec.js';

export interface RunOptions {
  readonly specFile?: string;
  readonly outDir?: string;
  readonly workers?: number;
  readonly resume?: boolean;
  readonly events?: EventBus;
  readonly logger?: Logger;
  /** Stop any cell still running after this many seconds (runs cells on worker threads). */
  readonly cellTimeout?: number;
}

export interface RunSummary {
  readonly dir: string;
  readonly cells: number;
  readonly computed: number;
  readonly resumed: number;
  readonly errors: number;
  readonly seconds: number;
  readonly rows: readonly CellRow[];
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
  return pkg.version;
}

function gitCommit(): string | null {
  try {
    return execSync('git rev-parse HEAD', { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

/**
 * Runs an experiment: every cell not already in results/<name>/cells.jsonl
 * (with --resume), on `workers` threads (piscina), appending each row as it
 * ends. At the end the rows are rewritten in canonical cell order, so the
 * file is byte-identical whatever the worker count or interruptions, and the
 * summary CSV, the report and the manifest are written.
 */
export async function runExperiment(spec: ExperimentSpec, opts: RunOptions = {}): Promise<RunSummary> {
  const t0 = performance.now();
  const started = new Date().toISOString();
  const store = new ResultsStore(opts.outDir ?? join('results', spec.name));
  const cells = expandCells(spec, opts.specFile);
  const byKey = new Map<string, CellRow>();
  if (opts.resume) for (const r of store.readRows()) byKey.set(r.key, r);
  else store.clear();
  const resumed = cells.filter((c) => byKey.has(c.key)).length;
  const todo = cells.filter((c) => !byKey.has(c.key));
  const workers = Math.max(1, opts.workers ?? 1);
  const manifest = {
    name: spec.name,
    description: spec.description,
    claim: spec.claim ?? null,
    spec,
    specFile: opts.specFile ?? null,
    version: packageVersion(),
    commit: gitCommit(),
    seed: spec.seed,
    started,
    finished: null as string | null,
    workers,
    machine: { hostname: hostname(), platform: process.platform, arch: process.arch, cpus: cpus().length, node: process.version },
    cells: cells.length,
    resumed,
    errors: 0,
  };
  store.writeJson('manifest.json', manifest);
  opts.logger?.info(`${spec.name}: ${cells.length} cells, ${resumed} already done, ${workers} worker(s)`, { module: 'runner' });

  let done = resumed;
  let errors = 0;
  const finish = (cell: CellDescriptor, row: CellRow | null, error?: unknown) => {
    done++;
    if (row) {
      byKey.set(cell.key, row);
      store.append(row);
    } else {
      errors++;
      const message = error instanceof Error ? error.message : String(error);
      store.appendError({ key: cell.key, error: message });
      opts.logger?.error(`cell ${cell.index} (${cell.mechanism}, m=${cell.instance.m}, ${describeTask(cell)}) failed: ${message}`, { module: 'runner' });
    }
    opts.events?.emit({ type: 'progress', task: `${spec.name}: ${cell.mechanism} m=${cell.instance.m} ${cell.task.kind}`, done, total: cells.length });
  };

  if (workers === 1 && opts.cellTimeout === undefined) {
    for (const cell of todo) {
      try {
        finish(cell, await runCellTask(cell));
      } catch (e) {
        finish(cell, null, e);
      }
    }
  } else {
    // Longest cells first (LPT scheduling) keeps both threads busy to the end; the output order is canonical anyway.
    todo.sort((a, b) => estimatedCost(b) - estimatedCost(a) || a.index - b.index);
    const pool = new WorkerPool(workers);
    try {
      await Promise.all(
        todo.map((cell) =>
          pool.run<CellRow>({ kind: 'cell', cell }, opts.cellTimeout, `cell ${cell.index} (${cell.mechanism}, m=${cell.instance.m}, ${describeTask(cell)})`).then(
            (row: CellRow) => finish(cell, row),
            (e: unknown) => finish(cell, null, e),
          ),
        ),
      );
    } finally {
      await pool.destroy();
    }
  }

  const rows = cells.map((c) => byKey.get(c.key)).filter((r): r is CellRow => r !== undefined);
  store.canonicalize(rows);
  const omit = spec.instances ? [...SUMMARY_OMIT, ...HETERO_MATRICES] : spec.markets ? [...SUMMARY_OMIT, ...MARKET_NESTED] : spec.bayes ? [...SUMMARY_OMIT, ...BAYES_NESTED] : SUMMARY_OMIT;
  store.writeText('summary.csv', toCsv(rows, omit));
  await writeReport(store, spec, rows);
  store.writeJson('manifest.json', { ...manifest, finished: new Date().toISOString(), errors, seconds: (performance.now() - t0) / 1000 });
  return { dir: store.dir, cells: cells.length, computed: todo.length - errors, resumed, errors, seconds: (performance.now() - t0) / 1000, rows };
}

/** Columns left out of summary.csv (cells.jsonl has them all): keys and traces, and the m×d matrices of seed-001 rows. */
const SUMMARY_OMIT = ['key', 'trace', 'final'];
const HETERO_MATRICES = ['n', 'nInput', 'V', 'cases', 'alpha', 'penalties'];
/** Nested objects of seed-003 rows (cells.jsonl keeps them). */
const MARKET_NESTED = ['budgetResidualOffPath', 'bestParams'];
/** Nested parts of seed-004 rows: the dynamics' traces and Monte Carlo standard errors (cells.jsonl keeps them). */
const BAYES_NESTED = ['traces', 'standardErrors'];

/** A rough relative cost of a cell, for scheduling only. */
function estimatedCost(cell: CellDescriptor): number {
  const m = cell.instance.m;
  if (cell.family === 'market') return cell.task.kind === 'market-search' ? 1000 : 1;
  if (cell.family === 'bayes') {
    // effort dynamics: two bracketing runs and the increasing-differences grid; theory: one quadrature (memoised per thread)
    const size = m <= 4 ? 48 ** (m - 1) : 4096;
    return cell.task.kind === 'effort-dynamics' ? 60 * size : cell.task.kind === 'best-response-curve' ? 2 * size : (cell.task.nodes ?? 64) ** Math.min(m - 1, 3) / 50;
  }
  if (cell.family === 'heterogeneous') return cell.task.kind === 'allocations' && cell.rule !== 'alone' && cell.rule !== 'social' ? m * m : m; // convex solves
  switch (cell.task.kind) {
    case 'search':
      return 40 * m * m;
    case 'evaluate':
    case 'sweep':
      return cell.task.rounds * m * m * 1e-3;
    case 'dynamics':
      return m;
    default:
      return 1;
  }
}

function describeTask(cell: CellDescriptor): string {
  const t = cell.task;
  if (cell.family === 'heterogeneous') return `${t.kind} ${cell.rule ?? cell.mechanism} on ${cell.instance.label}`;
  if (cell.family === 'bayes') {
    const i = cell.instance;
    const at = i.rho !== undefined ? ` ρ = ${i.rho}` : i.r !== undefined ? ` r = ${i.r}` : '';
    const unit = cell.otherEffort !== undefined ? `, e_j = ${cell.otherEffort}` : cell.agent !== undefined ? `, agent ${cell.agent + 1}` : '';
    return `${t.kind} ${cell.mechanism} on ${i.label}${at} (${i.model})${unit}`;
  }
  if (cell.family === 'market') return `${t.kind} ${cell.mechanism} on ${cell.instance.label}, c_2 − c_1 = ${cell.instance.costGap}`;
  return t.kind === 'evaluate' || t.kind === 'sweep' ? `${t.kind} ${t.deviation ?? 'recommended'}` : t.kind;
}
