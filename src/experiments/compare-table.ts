import type { CellRow, GridRow } from './run-cell.js';

export interface CompareEntry {
  readonly m: number;
  readonly sigma: number;
  readonly cost: number;
  readonly rank: number;
  readonly mechanism: string;
  readonly socialPenalty: number;
  readonly globalMinimum: number;
  readonly ratio: number;
  readonly individuallyRational: boolean;
  readonly verdict: string | null;
  readonly bestGain: number | null;
  readonly gainLo: number | null;
  readonly gainHi: number | null;
  readonly bestDeviation: string | null;
  readonly equilibriumRatio: number | null;
}

/**
 * The head-to-head ranking per instance: mechanisms whose recommended profile
 * survived the search (ε-equilibrium) first, by ratio to the global minimum;
 * then those with a profitable deviation, by ratio.
 */
export function compareTable(rows: readonly CellRow[]): CompareEntry[] {
  // Only grid rows (seed 000's m/σ/c instances) take part; seed-001 rows have a cost matrix instead.
  const grid = rows.filter((r): r is GridRow => r.task === 'theory' || r.task === 'search');
  const theory = grid.filter((r) => r.task === 'theory');
  const search = new Map(grid.filter((r) => r.task === 'search').map((r) => [`${r.mechanism}|${r.m}|${r.sigma}|${r.cost}`, r]));
  const groups = new Map<string, CompareEntry[]>();
  for (const t of theory) {
    const s = search.get(`${t.mechanism}|${t.m}|${t.sigma}|${t.cost}`);
    const entry: CompareEntry = {
      m: t.m,
      sigma: t.sigma,
      cost: t.cost,
      rank: 0,
      mechanism: t.mechanism,
      socialPenalty: t.socialPenalty as number,
      globalMinimum: t.globalMinimum as number,
      ratio: t.ratio as number,
      individuallyRational: t.individuallyRational as boolean,
      verdict: (s?.verdict as string) ?? null,
      bestGain: (s?.maxGain as number) ?? null,
      gainLo: (s?.gainLo as number) ?? null,
      gainHi: (s?.gainHi as number) ?? null,
      bestDeviation: s?.bestFamily ? `${String(s.bestFamily)} ${JSON.stringify(s.bestParams)}${s.sameAsBaseline ? ' (= s*)' : ''}` : null,
      equilibriumRatio: (t.equilibriumRatio as number | null) ?? null,
    };
    const k = `${t.m}|${t.sigma}|${t.cost}`;
    groups.set(k, [...(groups.get(k) ?? []), entry]);
  }
  const out: CompareEntry[] = [];
  for (const g of groups.values()) {
    const holds = (e: CompareEntry) => (e.verdict === 'profitable-deviation' ? 1 : 0);
    g.sort((a, b) => holds(a) - holds(b) || a.ratio - b.ratio);
    g.forEach((e, j) => out.push({ ...e, rank: j + 1 }));
  }
  return out;
}
