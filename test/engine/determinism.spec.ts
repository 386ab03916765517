import { expect } from 'chai';
import { makeInstance } from '../../src/core/instance.js';
import { createArena } from '../../src/engine/container.js';
import { EventBus, type ArenaEvent } from '../../src/engine/events.js';

const S10 = makeInstance(10, 1, 0.001);

describe('reproducibility and common random numbers', () => {
  const arena = createArena();

  it('gives identical results for the same seed, for every mechanism', () => {
    for (const mech of ['pool', 'pcs', 'c3d', 'cded']) {
      const a = arena.evaluate(mech, S10, { rounds: 30, seed: 5, deviation: { name: 'add-noise', params: { tau: 0.7 } } });
      const b = arena.evaluate(mech, S10, { rounds: 30, seed: 5, deviation: { name: 'add-noise', params: { tau: 0.7 } } });
      expect(JSON.stringify(b), mech).to.equal(JSON.stringify(a));
    }
  });

  it('shares random numbers between a profile and a one-agent deviation', () => {
    // An estimator-only deviation changes nothing the others see: their squared errors are identical.
    const base = arena.evaluate('c3d', S10, { rounds: 200, seed: 9 });
    const dev = arena.evaluate('c3d', S10, { rounds: 200, seed: 9, deviation: { name: 'plain-mean' } });
    for (let i = 1; i < 10; i++) expect(dev.agents[i].penalty).to.equal(base.agents[i].penalty);
    expect(dev.agents[0].penalty).to.not.equal(base.agents[0].penalty);
  });

  it('pairs well: the paired difference of a deviation is far less noisy than either penalty', () => {
    // Under pool, add-noise does not change the deviator's own estimate at all: exact zero gain.
    const base = arena.evaluate('pool', S10, { rounds: 100, seed: 4 });
    const dev = arena.evaluate('pool', S10, { rounds: 100, seed: 4, deviation: { name: 'add-noise', params: { tau: 2 } } });
    expect(dev.agents[0].penalty).to.equal(base.agents[0].penalty);
  });

  it('emits progress and evaluation events on the rxjs stream', () => {
    const events = new EventBus();
    const seen: ArenaEvent[] = [];
    const sub = events.events$.subscribe((e) => seen.push(e));
    createArena({ events }).evaluate('pool', S10, { rounds: 300, seed: 1 });
    sub.unsubscribe();
    const progress = seen.filter((e) => e.type === 'progress');
    expect(progress.length).to.equal(100);
    expect(progress.at(-1)).to.include({ done: 300, total: 300 });
    expect(seen.at(-1)?.type).to.equal('evaluation');
  });

  it('switches to the μ grid when an agent has to estimate from no data', () => {
    // Free-riding under PCS leaves the agent with nothing: the fallback estimate is a constant.
    const events = new EventBus();
    const notices: string[] = [];
    events.events$.subscribe((e) => e.type === 'notice' && notices.push(e.message));
    const r = createArena({ events }).evaluate('pcs', S10, { rounds: 20, seed: 1, deviation: { name: 'free-ride' } });
    expect(notices).to.have.length(1);
    expect(r.agents[0].penalty).to.be.at.least(1e5);
  });
});
