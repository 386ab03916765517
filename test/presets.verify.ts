/**
 * `npm run verify`: the seed-001 head-to-head preset (experiments/cbl-vs-sm.json),
 * whose searches take a few minutes, shows its claim.
 */
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment } from '../src/experiments/runner.js';
import { loadSpec } from '../src/experiments/spec.js';

describe('verify: preset cbl-vs-sm (seed 001 head to head)', function () {
  this.timeout(1_800_000);

  it('M_SM has a profitable deviation on every instance, M_CBL none, at the ratios of spec/001 §5', async () => {
    const file = 'experiments/cbl-vs-sm.json';
    const s = await runExperiment(loadSpec(file), { specFile: file, outDir: mkdtempSync(join(tmpdir(), 'arena-cbl-vs-sm-')), workers: 2 });
    expect(s.errors).to.equal(0);
    const rows = s.rows as unknown as Record<string, unknown>[];
    const row = (instance: string, mechanism: string) => rows.find((r) => r.instance === `instances/${instance}.json` && r.mechanism === mechanism) as Record<string, unknown>;
    const ratios: [string, number][] = [['fig1', 1.48057], ['m2-d2-no-leverage', 1.06066], ['m3-d2-bargaining', 1.78112], ['homogeneous-m25-integer', 1.84537]];
    for (const [instance, ratio] of ratios) {
      expect(row(instance, 'cbl').ratio as number, instance).to.be.closeTo(ratio, 5e-6);
      expect(row(instance, 'cbl').verdict, instance).to.equal('epsilon-equilibrium');
      expect(row(instance, 'sm').verdict, instance).to.equal('profitable-deviation');
      expect(row(instance, 'sm').ratio, instance).to.equal(1);
    }
    const fig1 = row('fig1', 'sm');
    expect((fig1.bestDeviations as string[])[1]).to.equal('collect:k=0,n=0');
    expect((fig1.paperGains as number[])[1]).to.be.closeTo(0.320244, 1e-6); // spec/001 §5.1
  });
});
