/**
 * Multi-agent profiles of the data marketplace (spec/003 §5.3: the collusive constant-report NE of M*
 * and its buyer-IR failure), the labelled fixed-μ diagnostic (§5.1), and user plugins (valuation
 * kinds and contributor strategies through --plugin).
 */
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMarketArena } from '../../src/engine/container.js';
import { halfLife } from '../fixtures/market-plugin.js';
import { runCli } from '../helpers.js';

const B_FILE = 'experiments/markets/example-b.json';
const PLUGIN = resolve('test/fixtures/market-plugin.ts');
const arena = createMarketArena();
const exB = arena.load(B_FILE);
const constant = { name: 'constant', params: {} };
const recommended = { name: 'recommended', params: {} };

describe('market profiles (seed 003 §5.3)', function () {
  this.timeout(60_000);

  it('collusive constant reports: u = (4.127920, 0.119245), prices q+ + DV/B, every buyer IR fails', () => {
    const r = arena.evaluate('market', exB, { rounds: 200, seed: 1, profile: [constant, constant, recommended] });
    expect(r.deviator).to.equal(null);
    expect(r.mus.length, 'not equivariant: judged on the μ grid').to.be.greaterThan(1);
    // Δ ≡ 0: payments are deterministic and the same at every μ (spec/003 §5.3)
    expect(r.contributors[0]!.utility).to.be.closeTo(4.12792, 1e-6);
    expect(r.contributors[1]!.utility).to.be.closeTo(0.119245, 1e-6);
    expect(r.contributors[0]!.stderr, 'deterministic up to the accumulator’s rounding').to.be.at.most(1e-6);
    const expected = [1.196593, 1.455091, 1.595481]; // q_j+ + DV/B (spec/003 §5.3)
    r.buyers.forEach((b, j) => {
      expect(b.expectedPrice, `p_${j}`).to.be.closeTo(expected[j]!, 1e-6);
      // v^ms = inf_μ v^e(|ν − μ|) = 0: uninformative data at a far μ
      expect(b.simulatedValue!, `value_${j}`).to.be.below(1e-9);
      expect(b.individuallyRational, `IRB_${j}`).to.equal(false);
      expect(b.utilitySimulated!, `u_${j}`).to.be.closeTo(-expected[j]!, 1e-6);
    });
    expect(r.budget.maxAbsResidual).to.be.at.most(1e-12);
  });

  it('no unilateral deviation from the collusive profile pays (collecting, fabricating, another constant)', () => {
    const base = arena.evaluate('market', exB, { rounds: 400, seed: 2, profile: [constant, constant, recommended] });
    for (const agent of [0, 1]) {
      for (const dev of [recommended, { name: 'collect', params: { n: 4 } }, { name: 'fabricate', params: {} }, { name: 'constant', params: { value: 0.5 } }]) {
        const profile = [constant, constant, recommended];
        profile[agent] = dev;
        const r = arena.evaluate('market', exB, { rounds: 400, seed: 2, profile });
        const u = r.contributors[agent]!;
        // worst case over μ: anything but the matching constant faces Δ² that grows with |μ − ν|
        expect(u.utility + 4 * u.stderr, `${agent} ${dev.name}`).to.be.below(base.contributors[agent]!.utility);
      }
    }
  });

  it('the truthful profile s* keeps every buyer IR (simulated value ≥ price)', () => {
    const r = arena.evaluate('market', exB, { rounds: 4000, seed: 3 });
    for (const b of r.buyers) {
      expect(b.individuallyRational, `buyer ${b.buyer}`).to.equal(true); // buyer 0 is tight: u = 0 (spec/003 §4)
      // spec/003 §7: realized value has mean v_j^d(m_j)
      expect(Math.abs(b.simulatedValue! - b.valueIfTruthful)).to.be.below(4 * b.simulatedValueStderr! + 1e-12);
    }
  });

  it('fixed μ is a labelled diagnostic: fabrication near μ looks profitable there, not in the worst case', () => {
    const dev = { name: 'constant', params: { value: 3.1 } }; // |δ| = 0.1 < σ√(2/16) = 0.3536 (spec/003 §5.1)
    const fixed = arena.evaluate('market', exB, { rounds: 200, seed: 4, deviation: dev, fixedMu: 3 });
    expect(fixed.view).to.match(/DIAGNOSTIC/);
    expect(fixed.mus).to.deep.equal([3]);
    // E u = u_1* + 2c_1N_1* − d_1δ² = 1.247920 + 0.32 − 2.56·0.01 (spec/003 §5.1)
    expect(fixed.contributors[0]!.utility).to.be.closeTo(1.24792 + 0.32 - 2.56 * 0.01, 4 * fixed.contributors[0]!.stderr + 1e-9);
    const worst = arena.evaluate('market', exB, { rounds: 200, seed: 4, deviation: dev });
    expect(worst.view).to.equal('worst case over μ');
    expect(worst.contributors[0]!.utility).to.be.below(-1000);
  });

  it('rejects a profile of the wrong length and a profile given with --deviation', () => {
    expect(() => arena.evaluate('market', exB, { rounds: 10, seed: 1, profile: [constant] })).to.throw(/--profile.*one strategy per contributor/);
    expect(() => arena.evaluate('market', exB, { rounds: 10, seed: 1, profile: [constant, constant, constant], deviation: constant })).to.throw(/not both/);
  });
});

describe('market plugins (valuation kinds and contributor strategies)', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'market-plugin-'));
  const file = join(dir, 'half-life.json');
  writeFileSync(file, JSON.stringify({ sigma: 1, costs: [0.01, 0.02], buyers: [{ kind: 'half-life', a: 0.9, h: 4 }, { kind: 'gaussian', a: 0.5, r: 2 }] }));

  it('a valuation kind from a plugin prices buyers like a built-in', () => {
    const a = createMarketArena({ plugins: [halfLife] });
    const m = a.load(file);
    expect(m.valuations[0]!(4)).to.be.closeTo(0.45, 1e-12);
    expect(m.a1.nPlus).to.be.greaterThan(1);
    expect(() => createMarketArena().load(file)).to.throw(/buyers\[0\]\.kind.*half-life/);
  });

  it('arena evaluate --plugin runs a user strategy on a user valuation kind; list shows both', async () => {
    const r = await runCli(['evaluate', 'market', '--instance', file, '--plugin', PLUGIN, '--deviation', 'twice:n=3', '--rounds', '500', '--seed', '1', '--json']);
    expect(r.code, r.err).to.equal(0);
    const j = JSON.parse(r.out);
    expect(j.deviation).to.match(/^twice/);
    expect(j.contributors[0].theory).to.be.a('number'); // wrong size: the closed form of spec/003 §5.1 applies
    expect(Math.abs(j.contributors[0].utility - j.contributors[0].theory)).to.be.below(4 * j.contributors[0].stderr + 1e-9);
    const l = await runCli(['list', '--plugin', PLUGIN]);
    expect(l.out).to.include('half-life').and.to.include('twice');
  });

  it('a decreasing plugin valuation is an error naming the buyer', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sigma: 1, costs: [0.01, 0.02], buyers: [{ kind: 'decreasing', a: 0.5 }] }));
    const r = await runCli(['evaluate', 'market', '--instance', bad, '--plugin', PLUGIN, '--rounds', '10', '--seed', '1']);
    expect(r.code).to.equal(2);
    expect(r.err).to.include('buyers[0]').and.to.include('non-decreasing');
  });
});
