/**
 * Best-response dynamics in the data marketplace (spec/003 §5.2, §7): mean-truthful contributors reach
 * (N_1*, N_2*) in one step; the collusive constant profile (§5.3) is a rest point; a lone fabricator
 * (judged in the worst case over μ) returns to s*.
 */
import { expect } from 'chai';
import type { StrategyRef } from '../../src/engine/arena.js';
import { createMarketArena } from '../../src/engine/container.js';
import { marketDynamics, namedMarketStart } from '../../src/market/dynamics.js';
import { runCli } from '../helpers.js';

const B_FILE = 'experiments/markets/example-b.json';
const arena = createMarketArena();
const exB = arena.load(B_FILE);

describe('market best-response dynamics (seed 003 §5.2)', function () {
  this.timeout(120_000);

  it('mean-truthful contributors (pad to any n) reach (N_1*, N_2*) = (16, 1) in one sweep and stay', () => {
    const start: StrategyRef[] = [
      { name: 'pad', params: { n: 5, extra: 11 } },
      { name: 'pad', params: { n: 3, extra: 0 } },
      { name: 'recommended', params: {} },
    ];
    const r = marketDynamics(arena, 'market', exB, start, { seed: 1, families: ['pad'] });
    expect(r.converged).to.equal(true);
    expect(r.sweeps, 'one sweep of moves, one that confirms').to.equal(2);
    expect(r.final.slice(0, 2)).to.deep.equal(['pad:n=16,extra=0', 'pad:n=1,extra=0']);
    expect(r.steps.filter((s) => s.sweep === 2).every((s) => s.to === null)).to.equal(true);
    // the final profile is s*: utilities (1.247920, 0.077995) within 4 SE (spec/003 §7 oracle 3)
    expect(Math.abs(r.finalUtilities[0]! - 1.24792)).to.be.below(4 * r.finalStderr[0]!);
    expect(Math.abs(r.finalUtilities[1]! - 0.077995)).to.be.below(4 * r.finalStderr[1]! + 1e-12);
  });

  it('the collusive constant profile is a rest point, with every buyer IR failing (spec/003 §5.3)', () => {
    const start = namedMarketStart('collusive', [16, 1, 0])!;
    const r = marketDynamics(arena, 'market', exB, start, { seed: 2, families: ['recommended', 'collect', 'fabricate', 'constant'], agents: [0, 1] });
    expect(r.converged).to.equal(true);
    expect(r.sweeps).to.equal(1);
    expect(r.final).to.deep.equal(['constant:value=0,count=16', 'constant:value=0,count=1', 'recommended']);
    expect(r.finalUtilities[0]!).to.be.closeTo(4.12792, 1e-6);
    expect(r.finalUtilities[1]!).to.be.closeTo(0.119245, 1e-6);
    expect(r.finalBuyerIR).to.deep.equal([false, false, false]);
  });

  it('a lone constant reporter returns to s* (worst case over μ; a fixed μ would have kept her there)', async () => {
    const out = await runCli(['dynamics', 'market', '--instance', B_FILE, '--start', 'constant;recommended;recommended', '--families', 'recommended,constant', '--agents', '0', '--seed', '3', '--json']);
    expect(out.code, out.err).to.equal(0);
    const r = JSON.parse(out.out);
    expect(r.final).to.deep.equal(['recommended', 'recommended', 'recommended']);
    expect(r.steps[0].to).to.equal('recommended');
    expect(r.steps[0].ci[0]).to.be.above(0);
    expect(r.finalBuyerIR).to.deep.equal([true, true, true]);
  });

  it('bad --start entries and market-only flags are named', async () => {
    const bad = await runCli(['dynamics', 'market', '--instance', B_FILE, '--start', 'constant;;recommended']);
    expect(bad.code).to.equal(2);
    expect(bad.err).to.include('--start');
    const len = await runCli(['dynamics', 'market', '--instance', B_FILE, '--start', 'constant']);
    expect(len.code).to.equal(2);
    expect(len.err).to.include('--start').and.to.include('one strategy per contributor');
    const seed000 = await runCli(['dynamics', 'pool', '--instance', B_FILE]);
    expect(seed000.code).to.equal(2);
    expect(seed000.err).to.include('--instance');
  });
});
