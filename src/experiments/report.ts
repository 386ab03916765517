import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { ResultsStore } from './results-store.js';
import { toCsv } from './results-store.js';
import type { CellRow } from './run-cell.js';
import { agentRows } from './run-hetero-cell.js';
import { effortAgentRows } from './run-bayes-cell.js';
import type { ChartSpec, ExperimentSpec, TableSpec } from './spec.js';
import { expand } from './spec.js';

type Row = Record<string, unknown>;

/**
 * A task's rows that match `where`, optionally flattened to one row per agent (seed-001 rows; seed-004
 * effort-dynamics rows). Flattened, `where` may also name the per-agent fields (e.g. agent).
 */
function taskRows(task: string, where: Record<string, unknown>, agents: boolean, rows: readonly CellRow[]): Row[] {
  const entries = Object.entries(where);
  if (!agents) return rows.filter((r) => r.task === task && entries.every(([k, v]) => r[k] === v));
  const data: Row[] = rows.filter((r) => r.task === task && entries.every(([k, v]) => !(k in r) || r[k] === v || typeof r[k] === 'object'));
  return data.flatMap((r) => (r.task === 'effort-dynamics' ? effortAgentRows(r) : agentRows(r))).filter((r) => entries.every(([k, v]) => r[k] === v));
}

/** The rows a chart plots: its task's rows, dynamics traces or agents flattened, reference series added. */
export function chartData(chart: ChartSpec, rows: readonly CellRow[]): Row[] {
  let data = taskRows(chart.task, chart.where, chart.agents, rows);
  if (chart.trace) {
    data = data.flatMap((r) =>
      ((r.trace as Row[] | undefined) ?? []).map((s) => ({ mechanism: r.mechanism, m: r.m, start: r.start, rule: r.rule, ...s, n: undefined })),
    );
  }
  const series = chart.color ?? 'series';
  const out: Row[] = data.map((r) => ({ ...r, [series]: chart.color ? r[chart.color] : chart.y }));
  for (const rule of chart.rules) {
    if (typeof rule.y === 'string') {
      // A field drawn as its own dashed series, e.g. the bound 5/m beside E(m).
      const field = rule.y;
      const seen = new Set<string>();
      for (const r of data) {
        const k = String(r[chart.x]);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ [chart.x]: r[chart.x], [chart.y]: r[field], [series]: rule.label });
      }
    }
  }
  return out;
}

const label = (chart: ChartSpec, field: string) => chart.labels[field] ?? field;

/** The series a chart's legend shows. */
export function chartSeries(chart: ChartSpec, data: readonly Row[]): string[] {
  if (chart.y2 !== undefined) return [chart.y, chart.y2, ...(chart.tick ? [chart.tick] : [])].map((f) => label(chart, f));
  return [...new Set(data.map((r) => String(r[chart.color ?? 'series'])))];
}

/** Paper colours of seed 001 Fig. 1: blue n_i, red p_i, gray p_i^IND. */
const DUAL_COLORS = ['#4c78a8', '#e45756', '#7f7f7f'];

/**
 * Bars of y (left axis) and y2 (right axis) side by side for each x, with an optional gray tick
 * of another field over the y2 bars (seed 001 Fig. 1: n_i, p_i and p_i^IND).
 */
function dualAxisLayers(chart: ChartSpec, data: readonly Row[]): { layer: object[]; resolve: object } {
  const y2 = chart.y2 as string;
  // Explicit domains: every panel of a faceted chart then has the same two axes (Vega-Lite cannot share them across facets here).
  const top = (...fields: string[]) => Math.max(0, ...data.flatMap((r) => fields.map((f) => r[f])).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  const [yTop, y2Top] = [top(chart.y), top(y2, ...(chart.tick ? [chart.tick] : []))];
  const [ly, ly2] = [label(chart, chart.y), label(chart, y2)];
  const lt = chart.tick ? label(chart, chart.tick) : undefined;
  const colorScale = { domain: [ly, ly2, ...(lt ? [lt] : [])], range: DUAL_COLORS.slice(0, lt ? 3 : 2) };
  const offsetScale = { domain: [ly, ly2] };
  const x = { field: chart.x, type: 'ordinal' as const, title: label(chart, chart.x) };
  const bars = (field: string, name: string, orient: 'left' | 'right', domainTop: number) => ({
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x,
      xOffset: { datum: name, scale: offsetScale },
      y: { field, type: 'quantitative', axis: { orient, title: name }, scale: { domain: [0, domainTop], nice: true } },
      color: { datum: name, scale: colorScale, title: null },
    },
  });
  const right: object[] = [bars(y2, ly2, 'right', y2Top)];
  if (chart.tick && lt) {
    right.push({
      mark: { type: 'tick', thickness: 3, tooltip: true },
      encoding: { x, xOffset: { datum: ly2, scale: offsetScale }, y: { field: chart.tick, type: 'quantitative' }, color: { datum: lt, scale: colorScale, title: null } },
    });
  }
  return { layer: [bars(chart.y, ly, 'left', yTop), { layer: right }], resolve: { scale: { y: 'independent' } } };
}

function vegaLite(chart: ChartSpec, data: Row[]): vl.TopLevelSpec {
  const series = chart.color ?? 'series';
  const constantRules = chart.rules.filter((r) => typeof r.y === 'number');
  const scale = (s: 'linear' | 'log') => (s === 'log' ? { type: 'log' as const } : { zero: false });
  const main = {
    mark: { type: chart.mark, point: chart.mark === 'line', tooltip: true },
    encoding: {
      x: {
        field: chart.x,
        type: chart.mark === 'bar' ? ('ordinal' as const) : ('quantitative' as const),
        scale: chart.mark === 'bar' ? undefined : scale(chart.xScale),
        ...(chart.labels[chart.x] ? { title: chart.labels[chart.x] } : {}),
      },
      y: { field: chart.y, type: 'quantitative' as const, scale: scale(chart.yScale), title: label(chart, chart.y) },
      color: { field: series, type: 'nominal' as const, title: chart.color ? label(chart, chart.color) : 'series' },
      ...(chart.mark === 'bar' ? { xOffset: { field: series } } : {}),
    },
  };
  let layers: object[] = [main];
  let resolve: object | undefined;
  if (chart.y2 !== undefined) ({ layer: layers, resolve } = dualAxisLayers(chart, data));
  else if (chart.tick !== undefined) {
    layers.push({ mark: { type: 'tick', thickness: 3, color: DUAL_COLORS[2] }, encoding: { x: main.encoding.x, xOffset: main.encoding.xOffset, y: { field: chart.tick, type: 'quantitative' } } });
  }
  for (const r of constantRules) {
    layers.push({
      data: { values: [{ y: r.y, label: r.label }] },
      mark: { type: 'rule', strokeDash: [6, 4], color: '#444' },
      encoding: { y: { field: 'y', type: 'quantitative', title: chart.y } },
    });
    layers.push({
      data: { values: [{ y: r.y, label: r.label }] },
      mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: '#444' },
      encoding: { y: { field: 'y', type: 'quantitative', title: chart.y }, x: { value: 0 }, text: { field: 'label' } },
    });
  }
  const body = { layer: layers, ...(resolve ? { resolve } : {}) };
  if (chart.column !== undefined) {
    // Small multiples in the rows' order (e.g. the allocation rules as the spec lists them), three per line.
    const panels = [...new Set(data.map((r) => String(r[chart.column as string])))];
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: chart.title,
      data: { values: data },
      facet: { field: chart.column, type: 'nominal', sort: panels, title: label(chart, chart.column) },
      columns: Math.min(3, panels.length),
      spec: { width: 200, height: 180, ...body },
      // Two y axes per panel only work with per-panel y scales in Vega-Lite 6 (their domains are fixed above).
      ...(resolve ? { resolve } : {}),
    } as unknown as vl.TopLevelSpec;
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chart.title,
    width: 560,
    height: 300,
    data: { values: data },
    ...body,
  } as unknown as vl.TopLevelSpec;
}

/** Renders a chart to SVG in Node (Vega's SVG renderer needs no browser). */
export async function renderSvg(chart: ChartSpec, data: Row[]): Promise<string> {
  const compiled = vl.compile(vegaLite(chart, data)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A value as a table shows it: 6 significant digits, ∞ for "inf", lists joined by commas. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (v === 'inf') return '∞';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map((x) => (Array.isArray(x) ? `(${x.map(formatValue).join(', ')})` : formatValue(x))).join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A table's rows, restricted to its columns in order (field names as keys). */
export function tableData(table: TableSpec, rows: readonly CellRow[]): Row[] {
  const fields = table.columns.map((c) => (typeof c === 'string' ? c : c.field));
  return taskRows(table.task, table.where, table.agents, rows).map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])));
}

function renderTable(table: TableSpec, data: readonly Row[]): string {
  const cols = table.columns.map((c) => (typeof c === 'string' ? { field: c, label: c } : c));
  const head = cols.map((c) => `<th>${escape(c.label)}</th>`).join('');
  const body = data.map((r) => `<tr>${cols.map((c) => `<td>${escape(formatValue(r[c.field]))}</td>`).join('')}</tr>`).join('\n');
  return (
    `<figure data-table="${escape(table.id)}"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>` +
    `<figcaption>${escape(table.title)} — data: <a href="tables/${escape(table.id)}.csv">tables/${escape(table.id)}.csv</a> (full precision)</figcaption></figure>`
  );
}

/** What the experiment ran on, for the report's header. */
function scope(spec: ExperimentSpec): string {
  if (spec.bayes) {
    const entries = spec.bayes.map((e) => {
      if (typeof e === 'string') return e;
      const ms = (m: string | readonly string[]) => (typeof m === 'string' ? m : m.join(', '));
      if (e.star) return `star (n = ${e.star.n}, Q = ${e.star.Q}, ρ ∈ {${expand(e.star.rho).join(', ')}}, ${ms(e.star.model)})`;
      return `pair (Q = ${e.pair!.Q}, r ∈ {${expand(e.pair!.r).join(', ')}}, ${ms(e.pair!.model)})`;
    });
    return `bayes ${entries.join('; ')}; tasks ${spec.tasks.map((t) => t.kind).join(', ')}`;
  }
  if (spec.markets) {
    const files = spec.markets.map((e) => (typeof e === 'string' ? e : `${e.file} (c_2 − c_1 ∈ {${expand(e.costGap).join(', ')}})`));
    return `markets ${files.join(', ')}; tasks ${spec.tasks.map((t) => t.kind).join(', ')}`;
  }
  if (!spec.instances) return `mechanisms ${spec.mechanisms.join(', ')}`;
  const instances = spec.instances.map((i) => (typeof i === 'string' ? i : `thm4 (m ∈ {${expand(i.thm4.m).join(', ')}})`));
  return `instances ${instances.join(', ')}; tasks ${spec.tasks.map((t) => t.kind).join(', ')}`;
}

/** Writes report.html (self-contained, inline SVG), charts/<id>.csv for every chart and tables/<id>.csv for every table of the spec. */
export async function writeReport(store: ResultsStore, spec: ExperimentSpec, rows: readonly CellRow[]): Promise<void> {
  const tables: string[] = [];
  for (const table of spec.tables) {
    const data = tableData(table, rows);
    store.writeText(`tables/${table.id}.csv`, toCsv(data, []));
    tables.push(renderTable(table, data));
  }
  const figures: string[] = [];
  for (const chart of spec.charts) {
    const data = chartData(chart, rows);
    store.writeText(`charts/${chart.id}.csv`, toCsv(data, ['key', 'trace', 'final']));
    const series = chartSeries(chart, data);
    const svg = data.length > 0 ? await renderSvg(chart, data) : '<p>(no data)</p>';
    figures.push(
      `<figure data-chart="${escape(chart.id)}" data-series="${escape(series.join('|'))}">${svg}` +
        `<figcaption>${escape(chart.title)} — data: <a href="charts/${escape(chart.id)}.csv">charts/${escape(chart.id)}.csv</a></figcaption></figure>`,
    );
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(spec.name)} — Mechanism Arena</title>
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}figure{margin:2em 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9em;color:#555}code{background:#f4f4f4;padding:0 .2em}table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left}</style></head>
<body>
<h1>${escape(spec.name)}</h1>
<p>${escape(spec.description)}</p>
${spec.claim ? `<p><strong>Claim:</strong> ${escape(spec.claim)}</p>` : ''}
<p>${rows.length} cells; seed ${spec.seed}; ${escape(scope(spec))}. Rows: <a href="cells.jsonl">cells.jsonl</a>, <a href="summary.csv">summary.csv</a>; provenance: <a href="manifest.json">manifest.json</a>.</p>
${[...tables, ...figures].join('\n')}
</body></html>
`;
  store.writeText('report.html', html);
}
