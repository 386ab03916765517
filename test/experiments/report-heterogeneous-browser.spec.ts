/**
 * The seed-001 Fig. 1 preset's report in headless Chromium (as report-browser.spec.ts does for
 * seed 000): the grouped bar charts render with blue n_i, red p_i and gray p_i^IND, one panel per
 * allocation, and the tables are there.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { runExperiment } from '../../src/experiments/runner.js';
import { loadSpec } from '../../src/experiments/spec.js';

const CHROMIUM = process.env.ARENA_CHROMIUM ?? '/usr/bin/chromium';
const PRESET = 'experiments/heterogeneous-fig1.json';

describe('the seed-001 Fig. 1 report in a headless browser', function () {
  this.timeout(180_000);
  let browser: Browser;
  let report = '';

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run should have installed Debian's chromium`);
      this.skip(); // a developer machine without chromium; CI always runs this test
    }
    const dir = mkdtempSync(join(tmpdir(), 'arena-fig1-report-'));
    await runExperiment(loadSpec(PRESET), { specFile: PRESET, outDir: dir, workers: 1 });
    report = pathToFileURL(join(dir, 'report.html')).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
  });

  it('draws n_i and p_i bars and p_i^IND ticks for every agent in one panel per allocation, and the tables', async () => {
    const page = await browser.newPage();
    await page.goto(report);
    const charts = await page.$$eval('figure[data-chart]', (figs) =>
      figs.map((f) => {
        const box = f.querySelector('svg')?.getBoundingClientRect();
        // (no named helper functions in here: tsx would wrap them in __name, which the page lacks)
        const fills = [...f.querySelectorAll('[aria-roledescription="bar"]')].map((b) => b.getAttribute('fill'));
        return {
          id: f.getAttribute('data-chart'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          legend: [...f.querySelectorAll('.role-legend-label text')].map((t) => t.textContent ?? ''),
          panels: [...f.querySelectorAll('.role-column-title text, .facet-title text, .role-title-text text')].map((t) => t.textContent ?? ''),
          bars: f.querySelectorAll('[aria-roledescription="bar"]').length,
          ticks: f.querySelectorAll('[aria-roledescription="tick"]').length,
          fills: [...new Set(fills)].sort(),
          tickFills: [...new Set([...f.querySelectorAll('[aria-roledescription="tick"]')].map((b) => b.getAttribute('fill')))],
        };
      }),
    );
    expect(charts.map((c) => c.id)).to.deep.equal(['fig1', 'mechanisms']);
    const [fig1, mech] = charts as [(typeof charts)[0], (typeof charts)[0]];
    for (const c of charts) {
      expect(c.width, c.id ?? '').to.be.above(200);
      expect(c.height, c.id ?? '').to.be.above(100);
      expect(c.legend, c.id ?? '').to.deep.equal(['n_i (samples)', 'p_i (penalty)', 'p_i^IND (alone)']);
      expect(c.fills, c.id ?? '').to.deep.equal(['#4c78a8', '#e45756']); // blue n_i, red p_i (seed 001 Fig. 1)
      expect(c.tickFills, c.id ?? '').to.deep.equal(['#7f7f7f']); // gray p_i^IND
    }
    expect(fig1.bars).to.equal(6 * 3 * 2); // 6 allocations × 3 agents × (n_i, p_i)
    expect(fig1.ticks).to.equal(6 * 3);
    expect(fig1.panels).to.include.members(['alone', 'social', 'opt', 'nash', 'egalitarian', 'ks']);
    expect(mech.bars).to.equal(2 * 3 * 2);
    expect(mech.panels).to.include.members(['cbl', 'sm']);
    const tables = await page.$$eval('figure[data-table] table', (ts) => ts.map((t) => [...t.querySelectorAll('tbody tr')].map((r) => r.querySelector('td')?.textContent ?? '')));
    expect(tables).to.deep.equal([['alone', 'social', 'opt', 'nash', 'egalitarian', 'ks'], ['cbl', 'sm']]);
    await page.close();
  });
});
