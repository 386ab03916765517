import { expect } from 'chai';
import { loadPluginFile } from '../src/engine/plugin-loader.js';
import type { StrategyPlugin } from '../src/core/strategy.js';
import { strategyContract } from './contract/kit.js';
import { runCli, S10 } from './helpers.js';

const plugins = await loadPluginFile('examples/withhold-fraction.ts');

describe('the README example plugin (examples/withhold-fraction.ts)', () => {
  it('loads from its file', () => {
    expect(plugins.map((p) => p.name)).to.deep.equal(['withhold-fraction']);
  });

  it('runs through `arena evaluate --plugin`', async () => {
    const r = await runCli([
      'evaluate', 'c3d', ...S10, '--rounds', '3000', '--seed', '1',
      '--plugin', 'examples/withhold-fraction.ts', '--deviation', 'withhold-fraction:fraction=0.5', '--json',
    ]);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.agents[0].strategy).to.equal('withhold-fraction:fraction=0.5');
    expect(j.agents[0].theory).to.equal(null);
    // Withholding half adds variance to mean(Y_0): worse than s* (0.03396), better than ignoring Z' (0.06).
    expect(j.agents[0].penalty).to.be.within(0.034, 0.06);
  });

  it('is searched over its declared range like a built-in (`arena search --plugin`)', async function () {
    this.timeout(120_000);
    const r = await runCli([
      'search', 'c3d', ...S10, '--plugin', 'examples/withhold-fraction.ts', '--families', 'withhold-fraction', '--rounds', '300', '--json',
    ]);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    const family = j.agents[0].searched[0];
    expect(family.family).to.equal('under-collect+withhold-fraction');
    expect(family.ranges.fraction).to.deep.equal([0, 1]);
    expect(family.source).to.equal('monte-carlo');
    expect(j.verdict).to.equal('epsilon-equilibrium');
  });

  it('shows in `arena list --plugin`', async () => {
    const r = await runCli(['list', '--plugin', 'examples/withhold-fraction.ts']);
    expect(r.out).to.match(/withhold-fraction/);
  });
});

strategyContract(plugins[0] as StrategyPlugin);
