import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { ResultsStore } from './results-store.js';
import { toCsv } from './results-store.js';
import type { CellRow } from './run-cell.js';
import type { ChartSpec, ExperimentSpec } from './spec.js';

type Row = Record<string, unknown>;

/** The rows a chart plots: its task's rows, dynamics traces flattened, reference series added. */
export function chartData(chart: ChartSpec, rows: readonly CellRow[]): Row[] {
  let data: Row[] = rows.filter((r) => r.task === chart.task && Object.entries(chart.where).every(([k, v]) => r[k] === v));
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

function vegaLite(chart: ChartSpec, data: Row[]): vl.TopLevelSpec {
  const series = chart.color ?? 'series';
  const constantRules = chart.rules.filter((r) => typeof r.y === 'number');
  const scale = (s: 'linear' | 'log') => (s === 'log' ? { type: 'log' as const } : { zero: false });
  const main = {
    mark: { type: chart.mark, point: chart.mark === 'line', tooltip: true },
    encoding: {
      x: { field: chart.x, type: chart.mark === 'bar' ? ('ordinal' as const) : ('quantitative' as const), scale: chart.mark === 'bar' ? undefined : scale(chart.xScale) },
      y: { field: chart.y, type: 'quantitative' as const, scale: scale(chart.yScale), title: chart.y },
      color: { field: series, type: 'nominal' as const, title: chart.color ?? 'series' },
      ...(chart.mark === 'bar' ? { xOffset: { field: series } } : {}),
    },
  };
  const layers: object[] = [main];
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
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chart.title,
    width: 560,
    height: 300,
    data: { values: data },
    layer: layers,
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

/** Writes report.html (self-contained, inline SVG) and charts/<id>.csv for every chart of the spec. */
export async function writeReport(store: ResultsStore, spec: ExperimentSpec, rows: readonly CellRow[]): Promise<void> {
  const figures: string[] = [];
  for (const chart of spec.charts) {
    const data = chartData(chart, rows);
    store.writeText(`charts/${chart.id}.csv`, toCsv(data, ['key', 'trace', 'final']));
    const series = [...new Set(data.map((r) => String(r[chart.color ?? 'series'])))];
    const svg = data.length > 0 ? await renderSvg(chart, data) : '<p>(no data)</p>';
    figures.push(
      `<figure data-chart="${escape(chart.id)}" data-series="${escape(series.join('|'))}">${svg}` +
        `<figcaption>${escape(chart.title)} — data: <a href="charts/${escape(chart.id)}.csv">charts/${escape(chart.id)}.csv</a></figcaption></figure>`,
    );
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(spec.name)} — Mechanism Arena</title>
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}figure{margin:2em 0}figcaption{font-size:.9em;color:#555}code{background:#f4f4f4;padding:0 .2em}</style></head>
<body>
<h1>${escape(spec.name)}</h1>
<p>${escape(spec.description)}</p>
${spec.claim ? `<p><strong>Claim:</strong> ${escape(spec.claim)}</p>` : ''}
<p>${rows.length} cells; seed ${spec.seed}; mechanisms ${escape(spec.mechanisms.join(', '))}. Rows: <a href="cells.jsonl">cells.jsonl</a>, <a href="summary.csv">summary.csv</a>; provenance: <a href="manifest.json">manifest.json</a>.</p>
${figures.join('\n')}
</body></html>
`;
  store.writeText('report.html', html);
}
