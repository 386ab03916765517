/**
 * Seed-001 experiments in the runner (issue #5): specs that list heterogeneous instances (files
 * relative to the spec, or Thm 4's generator) with the tasks `allocations` and
 * `heterogeneous-theory`; validation with the path of the bad field; deterministic rows; the
 * report's tables, per-agent charts and CSVs.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandCells } from '../../src/experiments/cells.js';
import { chartData, formatValue } from '../../src/experiments/report.js';
import { runExperiment } from '../../src/experiments/runner.js';
import { agentRows } from '../../src/experiments/run-hetero-cell.js';
import { loadSpec, parseSpec } from '../../src/experiments/spec.js';
import { InputError } from '../../src/core/instance.js';
import { cblTheory } from '../../src/theory/heterogeneous/cbl.js';
import { thm4Instance } from '../../src/theory/heterogeneous/thm4.js';
import { runCli } from '../helpers.js';

const SPEC = 'test/experiments/fixtures/hetero-small.json';
const FIG1 = '../../theory/heterogeneous/fixtures/fig1.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'arena-hetero-'));

const minimal = {
  name: 'tiny-hetero',
  description: 'a test',
  seed: 1,
  instances: [{ thm4: { m: [3] } }],
  tasks: [{ kind: 'heterogeneous-theory' }],
};

describe('seed-001 experiment specs', () => {
  it('accepts instance files and the thm4 generator, with defaults (cbl; σ = γ = 1)', () => {
    const s = parseSpec(minimal);
    expect(s.tasks[0]).to.deep.equal({ kind: 'heterogeneous-theory', mechanisms: ['cbl'] });
    expect(s.instances).to.deep.equal([{ thm4: { m: [3], sigma: 1, gamma: 1 } }]);
    expect(s.mechanisms).to.deep.equal([]);
    expect(() => loadSpec(SPEC)).to.not.throw();
  });

  it('names the path of a bad field', () => {
    const bad: [unknown, RegExp][] = [
      [{ ...minimal, grid: { m: [5], nStar: [4] } }, /spec: instances: give exactly one of grid .*, instances .* and bayes/],
      [{ ...minimal, instances: undefined }, /spec: grid: give exactly one of grid/],
      [{ ...minimal, instances: [] }, /spec: instances:/],
      [{ ...minimal, instances: [{ thm4: { m: [1, 4] } }] }, /instances\.0\.thm4\.m: every m must be an integer >= 2 \(got 1\)/],
      [{ ...minimal, instances: [{ thm4: { m: { from: 2, to: 3, steps: 3 } } }] }, /instances\.0\.thm4\.m: .*got 2\.5/],
      [{ ...minimal, instances: [{ thm4: { m: [4], gamma: 0 } }] }, /instances\.0/],
      [{ ...minimal, tasks: [{ kind: 'theory' }] }, /tasks\.0\.kind: "theory" runs on the grid/],
      [{ ...minimal, tasks: [{ kind: 'allocations', rules: ['opt', 'best'] }] }, /tasks\.0\.rules\.1/],
      [{ ...minimal, tasks: [{ kind: 'allocations', rules: ['opt', 'opt'] }] }, /tasks\.0\.rules: list each rule once/],
      [{ ...minimal, tasks: [{ kind: 'allocations', rules: [] }] }, /tasks\.0\.rules/],
      [{ ...minimal, tasks: [{ kind: 'heterogeneous-theory', mechanisms: ['c3d'] }] }, /tasks\.0\.mechanisms\.0/],
      [{ ...minimal, mechanisms: ['cbl'] }, /spec: mechanisms: not used with instances/],
      [{ ...minimal, plugins: ['x.ts'] }, /spec: plugins: not used with instances/],
      [{ ...minimal, charts: [{ id: 'c', title: 't', task: 'heterogeneous-theory', x: 'm', y: 'ratio', y2: 'p' }] }, /charts\.0\.y2: y2 needs mark "bar"/],
      [{ name: 'g', description: 'd', seed: 1, grid: { m: [5], nStar: [4] }, mechanisms: ['pool'], tasks: [{ kind: 'theory' }], charts: [{ id: 'c', title: 't', task: 'theory', x: 'm', y: 'ratio', agents: true }] }, /charts\.0\.agents: per-agent rows need task/],
      [{ ...minimal, tables: [{ id: 't', title: 't', task: 'allocations', columns: [] }] }, /tables\.0\.columns/],
      [{ ...minimal, tables: [{ id: 't', title: 't', task: 'allocations', columns: ['rule'] }] }, /tables\.0\.task: no "allocations" task in tasks/],
      [{ ...minimal, charts: [{ id: 'c', title: 't', task: 'theory', x: 'm', y: 'ratio' }] }, /charts\.0\.task: no "theory" task in tasks/],
      [{ name: 'g', description: 'd', seed: 1, grid: { m: [5], nStar: [4] }, tasks: [{ kind: 'theory' }] }, /spec: mechanisms: a grid experiment needs at least one mechanism/],
      [{ name: 'g', description: 'd', seed: 1, grid: { m: [5], nStar: [4] }, mechanisms: ['pool'], tasks: [{ kind: 'allocations', rules: ['opt'] }] }, /tasks\.0\.kind: "allocations" needs instances/],
    ];
    for (const [spec, pattern] of bad) expect(() => parseSpec(spec), JSON.stringify(spec)).to.throw(InputError, pattern);
  });

  it('an instance file that is missing or bad is an error naming the spec field and the file', () => {
    const spec = parseSpec({ ...minimal, instances: ['no/such.json'] });
    expect(() => expandCells(spec, SPEC)).to.throw(InputError, /hetero-small\.json: instances\.0: .*no\/such\.json/);
    const bad = parseSpec({ ...minimal, instances: [{ thm4: { m: [3] } }, '../../theory/heterogeneous/fixtures/bad-row.json'] });
    expect(() => expandCells(bad, SPEC)).to.throw(InputError, /instances\.1: .*bad-row\.json: costs\[2\]/);
  });

  it('expands one cell per (instance, rule) and per (instance, mechanism), files resolved relative to the spec', () => {
    const cells = expandCells(loadSpec(SPEC), SPEC);
    expect(cells).to.have.length(3 * (3 + 2));
    expect(cells.map((c) => c.index)).to.deep.equal(cells.map((_, j) => j));
    expect(new Set(cells.map((c) => c.key)).size).to.equal(cells.length);
    const first = cells[0]!;
    expect(first.family).to.equal('heterogeneous');
    if (first.family !== 'heterogeneous') return;
    expect(first.instance.label).to.equal(FIG1);
    expect(first.instance.costs).to.deep.equal([[0.033], [0.066], [0.1]]);
    expect(cells.map((c) => (c.family === 'heterogeneous' ? (c.rule ?? c.mechanism) : ''))).to.deep.equal(
      Array.from({ length: 3 }, () => ['alone', 'opt', 'input', 'cbl', 'sm']).flat(),
    );
    expect(cells.slice(5).map((c) => c.instance.m)).to.deep.equal([3, 3, 3, 3, 3, 5, 5, 5, 5, 5]);
  });

  it('a cell keeps its key and seed when other instances or tasks are added', () => {
    const small = expandCells(parseSpec(minimal));
    const more = expandCells(parseSpec({ ...minimal, instances: [{ thm4: { m: [2, 3, 4] } }], tasks: [{ kind: 'allocations', rules: ['opt'] }, { kind: 'heterogeneous-theory' }] }));
    const byKey = new Map(more.map((c) => [c.key, c.seed]));
    for (const c of small) expect(byKey.get(c.key)).to.equal(c.seed);
  });
});

describe('seed-001 experiments in the runner', function () {
  this.timeout(300_000);
  let refDir = '';
  let reference = '';
  let rows: Record<string, unknown>[] = [];

  before(async () => {
    refDir = tmp();
    const s = await runExperiment(loadSpec(SPEC), { specFile: SPEC, outDir: refDir, workers: 1 });
    expect(s.errors).to.equal(0);
    reference = readFileSync(join(refDir, 'cells.jsonl'), 'utf8');
    rows = reference.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  });

  it('gives byte-identical cells.jsonl with 1 and 2 workers, and after --resume', async () => {
    const dir = tmp();
    await runExperiment(loadSpec(SPEC), { specFile: SPEC, outDir: dir, workers: 2 });
    expect(readFileSync(join(dir, 'cells.jsonl'), 'utf8')).to.equal(reference);
    const lines = reference.split('\n');
    writeFileSync(join(dir, 'cells.jsonl'), `${lines.slice(0, 4).join('\n')}\n`);
    const resumed = await runExperiment(loadSpec(SPEC), { specFile: SPEC, outDir: dir, workers: 1, resume: true });
    expect(resumed.resumed).to.equal(4);
    expect(readFileSync(join(dir, 'cells.jsonl'), 'utf8')).to.equal(reference);
  });

  it('rows hold what cblTheory gives for the same instance (Thm 4, m = 5: social 17.25 = 2 + 1/4 + 12, spec/001 §5.6)', () => {
    const row = rows.find((r) => r.task === 'heterogeneous-theory' && r.mechanism === 'cbl' && r.m === 5)!;
    const { instance, allocation } = thm4Instance(5);
    const t = cblTheory(instance, allocation);
    expect(row.socialPenalty).to.equal(t.socialPenalty);
    expect(row.agentPenalties).to.deep.equal(t.agentPenalties);
    expect(row.n).to.deep.equal(t.nStar);
    expect(row.ratio).to.equal(t.ratio);
    expect(Math.abs((row.socialPenalty as number) - (2 + 1 / 4 + 3 * 4))).to.be.below(1e-12); // spec/001 §5.6: 2 + 1/(m−1) + 3(m−1)
    expect([row.sqrtMOver4, row.sqrtM, row.gamma, row.opt]).to.deep.equal([Math.sqrt(5) / 4, Math.sqrt(5), 1, 4 * Math.sqrt(5)]);
  });

  it('writes infinite penalties as "inf" (working alone on the Thm 4 instance, seed 001 Fact 1)', () => {
    const alone = rows.find((r) => r.task === 'allocations' && r.rule === 'alone' && r.instance === 'thm4' && r.m === 3)!;
    expect(alone.agentPenalties).to.deep.equal(['inf', 'inf', 'inf']);
    expect(alone.socialPenalty).to.equal('inf');
    expect(alone.n).to.deep.equal([[1, 0], [0, 1], [0, 1]]); // n^IND = σ/√c where c is finite
    expect(agentRows(alone).map((r) => r.pInd)).to.deep.equal([null, null, null]);
  });

  it('the input rule is the instance file\'s own allocation (fig1.json: opt)', () => {
    const input = rows.find((r) => r.task === 'allocations' && r.rule === 'input' && r.instance === FIG1)!;
    const opt = rows.find((r) => r.task === 'allocations' && r.rule === 'opt' && r.instance === FIG1)!;
    expect(input.inputAllocation).to.equal('opt');
    expect(input.n).to.deep.equal(opt.n);
    expect(input.mechanism).to.equal('sm');
  });

  it('writes the tables and per-agent charts into the report, with their CSVs', () => {
    for (const f of ['summary.csv', 'report.html', 'tables/allocations.csv', 'tables/agents.csv', 'charts/bars.csv', 'charts/ratio.csv']) {
      expect(existsSync(join(refDir, f)), f).to.equal(true);
    }
    const agents = readFileSync(join(refDir, 'tables/agents.csv'), 'utf8').trim().split('\n');
    expect(agents[0]).to.equal('rule,agent,n,p,pInd');
    expect(agents).to.have.length(1 + 3 * 3);
    const html = readFileSync(join(refDir, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)).to.have.length(2);
    expect(html.match(/<table>/g)).to.have.length(2);
    expect(html).to.include('data-series="n|p|pInd"');
    expect(html).to.include('<td>15.0958</td>'); // Fig. 1 working alone: Σ p^IND (spec/001 §5.1)
    expect(readFileSync(join(refDir, 'summary.csv'), 'utf8').split('\n')[0]).to.not.match(/(^|,)(n|penalties|cases)(,|$)/);
  });

  it('flattens rows per agent for charts: agent, n, p, pInd', () => {
    const spec = loadSpec(SPEC);
    const bars = chartData(spec.charts[0]!, rows as never);
    expect(bars).to.have.length(3 * 3);
    const opt2 = bars.find((r) => r.rule === 'opt' && r.agent === 2)!;
    const opt = rows.find((r) => r.task === 'allocations' && r.rule === 'opt' && r.instance === FIG1)!;
    expect([opt2.n, opt2.p, opt2.pInd]).to.deep.equal([(opt.n as number[][])[1]![0], (opt.agentPenalties as number[])[1], (opt.soloPenalties as number[])[1]]);
  });

  it('formats table values: 6 significant digits, ∞, lists', () => {
    expect(formatValue(3.6331804249169903)).to.equal('3.63318');
    expect(formatValue('inf')).to.equal('∞');
    expect(formatValue([1.0641339091839643, 0])).to.equal('1.06413, 0');
    expect(formatValue([true, false])).to.equal('yes, no');
    expect(formatValue(null)).to.equal('—');
  });

  it('a cell that fails is recorded and the others kept (KS needs finite p^IND: the Thm 4 instance has none)', async () => {
    const dir = tmp();
    const spec = parseSpec({ ...minimal, tasks: [{ kind: 'allocations', rules: ['opt', 'ks'] }] });
    const s = await runExperiment(spec, { outDir: dir, workers: 1 });
    expect([s.computed, s.errors]).to.deep.equal([1, 1]);
    const errors = readFileSync(join(dir, 'errors.jsonl'), 'utf8').trim().split('\n');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/Kalai/);
  });

  it('runs from the CLI; a bad spec is an error naming the file and field', async () => {
    const out = tmp();
    const ok = await runCli(['run', SPEC, '--out', out]);
    expect(ok.code, ok.err).to.equal(0);
    expect(readFileSync(join(out, 'cells.jsonl'), 'utf8')).to.equal(reference);
    const file = join(tmp(), 'bad.json');
    writeFileSync(file, JSON.stringify({ ...minimal, tasks: [{ kind: 'heterogeneous-theory', mechanisms: ['pool'] }] }));
    const bad = await runCli(['run', file]);
    expect(bad.code).to.equal(2);
    expect(bad.err).to.match(/bad\.json: tasks\.0\.mechanisms\.0/);
  });
});
