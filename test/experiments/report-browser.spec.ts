/**
 * Opens a generated report in headless Chromium (Debian's chromium, driven
 * by playwright-core) and checks that every chart rendered, with the
 * expected series in its legend. .ci/run installs chromium.
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

describe('the HTML report in a headless browser', function () {
  this.timeout(180_000);
  let browser: Browser;
  let report = '';

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run should have installed Debian's chromium`);
      this.skip(); // a developer machine without chromium; CI always runs this test
    }
    const spec = loadSpec('test/experiments/fixtures/small.json');
    const dir = mkdtempSync(join(tmpdir(), 'arena-report-'));
    await runExperiment(spec, { specFile: 'test/experiments/fixtures/small.json', outDir: dir, workers: 1 });
    report = pathToFileURL(join(dir, 'report.html')).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
  });

  it('renders every chart as a visible SVG with the expected legend series', async () => {
    const page = await browser.newPage();
    await page.goto(report);
    const charts = await page.$$eval('figure[data-chart]', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const legend = [...f.querySelectorAll('.role-legend-label text')].map((t) => t.textContent ?? '');
        const marks = f.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect').length;
        return { id: f.getAttribute('data-chart'), series: f.getAttribute('data-series'), width: box?.width ?? 0, height: box?.height ?? 0, legend, marks };
      }),
    );
    expect(charts.map((c) => c.id)).to.deep.equal(['ratio', 'gain', 'paths']);
    for (const c of charts) {
      expect(c.width, c.id ?? '').to.be.above(200);
      expect(c.height, c.id ?? '').to.be.above(100);
      expect(c.marks, c.id ?? '').to.be.above(0);
      expect([...c.legend].sort(), c.id ?? '').to.deep.equal(['c3d', 'pool']);
      expect(c.series?.split('|').sort()).to.deep.equal(['c3d', 'pool']);
    }
    const text = await page.textContent('figure[data-chart="ratio"]');
    expect(text).to.include('bound');
    await page.close();
  });
});
