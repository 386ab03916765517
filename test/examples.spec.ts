import { expect } from 'chai';
import { loadPluginFile } from '../src/engine/plugin-loader.js';
import type { StrategyPlugin } from '../src/core/strategy.js';
import { strategyContract } from './contract/kit.js';
import { runCli, S10 } from './helpers.js';

const plugins = await loadPluginFile('examples/trim-outliers.ts');

describe('the README example plugin (examples/trim-outliers.ts)', () => {
  it('loads from its file', () => {
    expect(plugins.map((p) => p.name)).to.deep.equal(['trim-outliers']);
  });

  it('runs through `arena evaluate --plugin`, and loses to the recommended play (seed 000, Lemma 5)', async function () {
    this.timeout(60_000);
    const args = ['evaluate', 'c3d', ...S10, '--rounds', '20000', '--seed', '1', '--plugin', 'examples/trim-outliers.ts', '--json'];
    const r = await runCli([...args, '--deviation', 'trim-outliers:k=1']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.agents[0].strategy).to.equal('trim-outliers:k=1');
    expect(j.agents[0].theory).to.equal(null);
    const base = JSON.parse((await runCli(args)).out);
    // Same seed, so the others' data and the mechanism's draws are shared: trimming moves mean(Y_0) and only adds to η².
    expect(j.agents[0].penalty).to.be.above(base.agents[0].penalty);
    expect(j.agents[0].penalty).to.be.below(0.06); // still better than ignoring Z' (spec/000 §8)
  });

  it('is searched over its declared range like a built-in (`arena search --plugin`)', async function () {
    this.timeout(120_000);
    const r = await runCli([
      'search', 'c3d', ...S10, '--plugin', 'examples/trim-outliers.ts', '--families', 'trim-outliers', '--rounds', '300', '--json',
    ]);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    const family = j.agents[0].searched[0];
    expect(family.family).to.equal('under-collect+trim-outliers');
    expect(family.ranges.k).to.deep.equal([0.1, 4]);
    expect(family.source).to.equal('monte-carlo');
    expect(j.verdict).to.equal('epsilon-equilibrium');
  });

  it('shows in `arena list --plugin`', async () => {
    const r = await runCli(['list', '--plugin', 'examples/trim-outliers.ts']);
    expect(r.out).to.match(/trim-outliers/);
  });
});

strategyContract(plugins[0] as StrategyPlugin);
