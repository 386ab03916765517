import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellRow } from './run-cell.js';

/**
 * results/<name>/: cells.jsonl (one line per finished cell, appended as each
 * ends, so a crash loses nothing finished), errors.jsonl, summary.csv,
 * manifest.json, report.html and charts/.
 */
export class ResultsStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  get cellsFile(): string {
    return join(this.dir, 'cells.jsonl');
  }

  /** Rows already on disk (a torn last line from a killed run is ignored). */
  readRows(): CellRow[] {
    if (!existsSync(this.cellsFile)) return [];
    const rows: CellRow[] = [];
    for (const line of readFileSync(this.cellsFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        rows.push(JSON.parse(line) as CellRow);
      } catch {
        // an incomplete line written when the process was killed
      }
    }
    return rows;
  }

  /** Starts a fresh cells.jsonl. */
  clear(): void {
    writeFileSync(this.cellsFile, '');
    writeFileSync(join(this.dir, 'errors.jsonl'), '');
  }

  append(row: CellRow): void {
    appendFileSync(this.cellsFile, `${JSON.stringify(row)}\n`);
  }

  appendError(entry: Record<string, unknown>): void {
    appendFileSync(join(this.dir, 'errors.jsonl'), `${JSON.stringify(entry)}\n`);
  }

  /** Rewrites cells.jsonl in canonical cell order (atomically), so every complete run gives the same bytes. */
  canonicalize(rows: readonly CellRow[]): void {
    const tmp = `${this.cellsFile}.tmp`;
    writeFileSync(tmp, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
    renameSync(tmp, this.cellsFile);
  }

  writeJson(name: string, value: unknown): void {
    writeFileSync(join(this.dir, name), `${JSON.stringify(value, null, 2)}\n`);
  }

  writeText(name: string, text: string): void {
    mkdirSync(join(this.dir, name, '..'), { recursive: true });
    writeFileSync(join(this.dir, name), text);
  }
}

/** Scalar fields of rows as CSV (objects and arrays as JSON text); the column order is first appearance. */
export function toCsv(rows: readonly Record<string, unknown>[], omit: readonly string[] = ['key', 'trace']): string {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!omit.includes(k) && !cols.includes(k) && r[k] !== undefined) cols.push(k);
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
