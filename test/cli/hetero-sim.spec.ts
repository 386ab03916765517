/**
 * The d-distribution family on the CLI (issue 5): evaluate and search take
 * --instance FILE; c3d-hd takes --m/--sigma/--cost/--d.
 */
import { expect } from 'chai';
import { runCli } from '../helpers.js';

const FIG1 = 'experiments/instances/fig1.json';

describe('d-distribution instances on the CLI (seed 001; c3d-hd of seed 000 App. E)', () => {
  it('arena evaluate sm --instance prints each agent with the closed form beside it', async () => {
    const r = await runCli(['evaluate', 'sm', '--instance', FIG1, '--rounds', '400', '--seed', '3', '--deviation', 'collect:k=0,n=0', '--agent', '1', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.deviator).to.equal(1);
    expect(j.agents[1].strategy).to.equal('collect:k=0,n=0');
    expect(j.agents[1].theory).to.be.closeTo(100 / 72, 1e-12);
    expect(j.agents[0].theory).to.equal(null); // the closed forms cover the deviator only when someone deviates
  });

  it('is reproducible: the same seed prints the same bytes', async () => {
    const args = ['evaluate', 'cbl', '--instance', FIG1, '--rounds', '200', '--seed', '8', '--deviation', 'shrink:k=0,lambda=0.9'];
    const a = await runCli(args);
    const b = await runCli(args);
    expect(a.code, a.err).to.equal(0);
    expect(b.out).to.equal(a.out);
  });

  it('arena search sm --instance reports the free-riding deviation with the paper gain 0.320244', async () => {
    const r = await runCli(['search', 'sm', '--instance', FIG1, '--families', 'collect', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.verdict).to.equal('profitable-deviation');
    expect(j.agents[1].paperGain).to.be.closeTo(0.320244, 1e-6);
  });

  it('theory and evaluate c3d-hd with --d', async () => {
    const t = JSON.parse((await runCli(['theory', 'c3d-hd', '--m', '10', '--sigma', '1', '--cost', '0.003', '--d', '3', '--json'])).out);
    expect(t.nStar).to.be.closeTo(10, 1e-9);
    expect(t.agentPenalty - 0.003 * 10).to.be.closeTo(0.0908952786, 1e-9); // spec/000 §8 (c)
    const r = await runCli(['evaluate', 'c3d-hd', '--m', '10', '--sigma', '1', '--cost', '0.003', '--d', '3', '--noise', 'uniform', '--rounds', '50', '--seed', '1', '--json']);
    expect(r.code, r.err).to.equal(0);
    expect(JSON.parse(r.out).agents).to.have.length(10);
  });

  it('gives one-line errors naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [['evaluate', 'cbl', '--instance', FIG1, '--rounds', '10', '--seed', '1', '--agent', '7'], /--agent: must be an agent index in \[0, 2\]/],
      [['evaluate', 'cbl', '--instance', FIG1, '--rounds', '10', '--seed', '1', '--noise', 'cauchy'], /--noise: must be one of gaussian, uniform/],
      [['evaluate', 'cbl', '--instance', FIG1, '--rounds', '10', '--seed', '1', '--deviation', 'nope'], /--deviation: unknown d-distribution strategy "nope"/],
      [['evaluate', 'cbl', '--m', '3', '--sigma', '1', '--cost', '1', '--rounds', '10', '--seed', '1'], /mechanism "cbl" runs on d-distribution instances: give --instance FILE/],
      [['evaluate', 'sm', '--instance', 'no/such.json', '--rounds', '10', '--seed', '1'], /no\/such\.json/],
      [['theory', 'c3d-hd', '--m', '10', '--sigma', '1', '--cost', '0.003'], /--d: is required for c3d-hd/],
      [['search', 'cbl', '--instance', FIG1, '--agents', '0,9'], /--agents: "9" is not an agent index/],
      [['evaluate', 'c3d-hd', '--instance', FIG1, '--rounds', '10', '--seed', '1'], /costs/],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.err, args.join(' ')).to.match(msg);
    }
  });
});
