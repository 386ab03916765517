import { expect } from 'chai';
import { Subject } from 'rxjs';
import { makeInstance } from '../../src/core/instance.js';
import type { MechanismRun } from '../../src/core/mechanism.js';
import { createArena } from '../../src/engine/container.js';
import { iterateBestResponse, type TraceStep } from '../../src/search/dynamics.js';
import { EffortGame } from '../../src/search/effort-game.js';
import { checkIncreasingDifferences, tarski } from '../../src/search/supermodularity.js';
import { runCli } from '../helpers.js';

const arena = createArena();
const inst = makeInstance(8, 1.5, 2.25 / (8 * 49)); // n* = 7, σ/√c ≈ 19.8
const game = (mechanism: string) => new EffortGame(inst, arena.setup(mechanism, inst).run);

describe('best-response dynamics in the effort game', () => {
  it('pool from solo converges to a profile with Σn = σ/√c (spec/000 §2.1)', () => {
    const r = iterateBestResponse(game('pool'), { start: 'solo' });
    expect(r.converged).to.equal(true);
    expect(Math.abs(r.final.total - inst.sigma / Math.sqrt(inst.cost))).to.be.below(1);
  });

  it('pool under simultaneous updates falls into a cycle and says so', () => {
    const r = iterateBestResponse(game('pool'), { start: 'solo', rule: 'simultaneous' });
    expect(r.converged).to.equal(false);
    expect(r.cycleLength).to.equal(2);
  });

  for (const start of ['solo', 'free-ride', 'random'] as const) {
    it(`c3d from ${start} converges to n* (round-robin and simultaneous)`, () => {
      for (const rule of ['round-robin', 'simultaneous'] as const) {
        const r = iterateBestResponse(game('c3d'), { start, rule, seed: 5 });
        expect(r.converged, rule).to.equal(true);
        expect(r.final.n).to.deep.equal(Array(8).fill(7));
      }
    });
  }

  it('streams every step on rxjs and returns the same trace as JSON', () => {
    const steps$ = new Subject<TraceStep>();
    const seen: TraceStep[] = [];
    let completed = false;
    steps$.subscribe({ next: (s) => seen.push(s), complete: () => (completed = true) });
    const r = iterateBestResponse(game('c3d'), { start: 'solo', steps$ });
    expect(seen).to.deep.equal(r.trace);
    expect(completed).to.equal(true);
  });

  it('finds strategic substitutes, not increasing differences, in pool and C3D (spec/000 §5)', () => {
    for (const m of ['pool', 'c3d']) {
      const id = checkIncreasingDifferences(game(m));
      expect(id.holds, m).to.equal(false);
      expect(id.worstViolation).to.be.above(0);
      expect(tarski(game(m)).bracket).to.equal(null);
    }
  });

  it('brackets the least and greatest equilibria of a supermodular game by Tarski iteration', () => {
    // A coordination game: the best amount jumps from 1 to 9 once the others average 5 or more.
    const m = 4;
    const synthetic = {
      info: { mechanism: 'coordination', nStar: 5, nRecommended: 5, threshold: 0, alpha: null },
      theory: {
        effortPenalty: (n: number, others: number) => (n - (others / (m - 1) >= 5 ? 9 : 1)) ** 2,
      },
    } as unknown as MechanismRun;
    const g = new EffortGame(makeInstance(m, 1, 1), synthetic, 10);
    expect(checkIncreasingDifferences(g).holds).to.equal(true);
    const t = tarski(g);
    expect(t.bracket).to.deep.equal({ least: [1, 1, 1, 1], greatest: [9, 9, 9, 9], unique: false });
  });

  it('prints the trace with `arena dynamics --json`', async () => {
    const r = await runCli(['dynamics', 'c3d', '--m', '8', '--sigma', '1.5', '--cost', String(2.25 / (8 * 49)), '--start', 'solo', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.converged).to.equal(true);
    expect(j.final.n).to.deep.equal(Array(8).fill(7));
    expect(j.trace.length).to.be.at.least(2);
  });

  it('rejects an unknown start profile, naming the flag', async () => {
    const r = await runCli(['dynamics', 'c3d', '--start', 'sideways']);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/--start/);
  });
});
