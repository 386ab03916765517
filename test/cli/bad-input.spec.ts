import { expect } from 'chai';
import { runCli, S10 } from '../helpers.js';

describe('bad input: one-line errors that name the flag, exit code 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['m < 2', ['theory', 'c3d', '--m', '1', '--sigma', '1', '--cost', '0.01'], /--m/],
    ['non-integer m', ['theory', 'c3d', '--m', '2.5', '--sigma', '1', '--cost', '0.01'], /--m/],
    ['σ = 0', ['theory', 'c3d', '--m', '5', '--sigma', '0', '--cost', '0.01'], /--sigma/],
    ['σ < 0', ['theory', 'pool', '--m', '5', '--sigma', '-1', '--cost', '0.01'], /--sigma/],
    ['cost = 0', ['theory', 'c3d', '--m', '5', '--sigma', '1', '--cost', '0'], /--cost/],
    ['cost not a number', ['theory', 'c3d', '--m', '5', '--sigma', '1', '--cost', 'cheap'], /--cost/],
    ['missing --m', ['theory', 'c3d', '--sigma', '1', '--cost', '0.01'], /--m/],
    ['unknown mechanism', ['theory', 'nope', ...S10], /unknown mechanism "nope"/],
    ['--k on a mechanism without k', ['theory', 'pool', ...S10, '--k', '2'], /--k/],
    ['unknown deviation', ['evaluate', 'c3d', ...S10, '--rounds', '10', '--seed', '1', '--deviation', 'teleport'], /--deviation/],
    ['bad deviation parameter', ['evaluate', 'c3d', ...S10, '--rounds', '10', '--seed', '1', '--deviation', 'shift:delta=x'], /--deviation/],
    ['unknown deviation parameter', ['evaluate', 'c3d', ...S10, '--rounds', '10', '--seed', '1', '--deviation', 'shift:gamma=1'], /shift\.gamma/],
    ['out-of-range parameter', ['evaluate', 'c3d', ...S10, '--rounds', '10', '--seed', '1', '--deviation', 'under-collect:n=-1'], /under-collect\.n/],
    ['rounds = 0', ['evaluate', 'c3d', ...S10, '--rounds', '0', '--seed', '1'], /--rounds/],
    ['missing plugin file', ['evaluate', 'c3d', ...S10, '--rounds', '10', '--seed', '1', '--plugin', 'no/such.ts'], /--plugin/],
    ['unknown command', ['fly'], /fly/],
  ];
  for (const [what, args, pattern] of cases) {
    it(what, async () => {
      const r = await runCli(args);
      expect(r.code).to.equal(2);
      expect(r.out).to.equal('');
      expect(r.err).to.match(pattern);
      expect(r.err.split('\n')[0]).to.match(/error/);
    });
  }

  it('prints help with exit code 0', async () => {
    const r = await runCli(['evaluate', '--help']);
    expect(r.code).to.equal(0);
    expect(r.out).to.match(/--deviation/);
  });
});
