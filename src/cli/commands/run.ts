import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/instance.js';
import { EventBus } from '../../engine/events.js';
import { createLogger } from '../../engine/logger.js';
import { compareTable, type CompareEntry } from '../../experiments/compare-table.js';
import { runExperiment, type RunSummary } from '../../experiments/runner.js';
import { loadSpec, type ExperimentSpec } from '../../experiments/spec.js';
import { toCsv } from '../../experiments/results-store.js';
import type { CliIO } from '../io.js';
import { positiveInteger } from '../parse.js';
import { attachProgress } from '../progress.js';
import { fmt, formatTable } from '../table.js';

export interface RunFlags {
  workers: number;
  cellTimeout?: number;
  resume?: boolean;
  out?: string;
  json?: boolean;
}

export function runCommand(program: Command, io: CliIO): void {
  program
    .command('run')
    .argument('<file>', 'experiment spec (JSON; see experiments/)')
    .description(
      'Run an experiment: every cell on worker threads, each appended to results/<name>/cells.jsonl as it ends; then the summary ' +
        'CSV, the manifest and report.html with its charts. --resume skips cells already done.',
    )
    .option('--workers <N>', 'worker threads (results are identical for any N)', positiveInteger, 1)
    .option('--resume', 'keep the cells already in cells.jsonl and run only the rest')
    .option('--out <DIR>', 'output folder (default results/<name>)')
    .option('--cell-timeout <SEC>', 'stop a cell still running after SEC seconds (a plugin that never returns); the run goes on', positiveInteger)
    .option('--json', 'print the run summary as JSON')
    .action(async (file: string, o: RunFlags) => {
      const spec = loadSpec(file);
      await runAndPrint(spec, file, o, io);
    });
}

/** Runs a spec with a progress bar and prints what it found. */
export async function runAndPrint(spec: ExperimentSpec, file: string | undefined, o: RunFlags, io: CliIO): Promise<RunSummary> {
  const events = new EventBus();
  const stop = attachProgress(events, io, Boolean(process.stderr.isTTY) && !o.json);
  let summary: RunSummary;
  try {
    summary = await runExperiment(spec, {
      specFile: file,
      outDir: o.out,
      workers: o.workers,
      resume: o.resume,
      cellTimeout: o.cellTimeout,
      events,
      logger: createLogger(),
    });
  } finally {
    stop();
  }
  const table = compareTable(summary.rows);
  const ranked = table.length > 0 && summary.rows.some((r) => r.task === 'search');
  if (ranked) {
    writeFileSync(join(summary.dir, 'compare.csv'), toCsv(table as unknown as Record<string, unknown>[]));
  }
  if (o.json) {
    io.out(`${JSON.stringify({ ...summary, rows: undefined, compare: table }, null, 2)}\n`);
    return summary;
  }
  if (ranked) io.out(`${renderCompare(table)}\n`);
  io.out(
    `${spec.name}: ${summary.cells} cells (${summary.computed} computed, ${summary.resumed} resumed, ${summary.errors} failed) in ${summary.seconds.toFixed(1)} s\n` +
      `report: ${resolve(summary.dir, 'report.html')}\n`,
  );
  if (summary.errors > 0) throw new InputError('run', `${summary.errors} cell(s) failed; see ${join(summary.dir, 'errors.jsonl')}`);
  return summary;
}

export function renderCompare(table: readonly CompareEntry[]): string {
  const rows = table.map((e) => [
    String(e.m),
    String(e.rank),
    e.mechanism,
    fmt(e.socialPenalty, 5),
    fmt(e.globalMinimum, 5),
    fmt(e.ratio, 4),
    e.individuallyRational ? 'yes' : 'NO',
    e.verdict === null ? '—' : e.verdict === 'profitable-deviation' ? 'PROFITABLE' : 'ε-eq',
    e.bestGain === null ? '—' : `${fmt(e.bestGain, 3)} [${fmt(e.gainLo, 2)}, ${fmt(e.gainHi, 2)}]`,
    e.bestDeviation ?? '—',
    fmt(e.equilibriumRatio, 4),
  ]);
  return formatTable(['m', 'rank', 'mechanism', 'social', 'global min', 'ratio', 'IR', 'search', 'best gain [95% CI]', 'best deviation', 'PoS'], rows);
}
