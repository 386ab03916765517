/**
 * Seed-004 experiments in the runner: specs that list `bayes` instances (files relative to the spec,
 * Example 1's star and the two-agent pair generators) with the tasks threshold-theory,
 * effort-dynamics and best-response-curve; validation naming the path of the bad field; cell
 * expansion; rows that match the theory modules; the worker-thread path.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/core/instance.js';
import { bestResponse, makeEffortGame } from '../../src/effort/index.js';
import { starCorrelation } from '../../src/experiments/bayes-cells.js';
import { expandCells } from '../../src/experiments/cells.js';
import { chartData, tableData } from '../../src/experiments/report.js';
import { effortAgentRows, jsonSafe } from '../../src/experiments/run-bayes-cell.js';
import { runCellTask } from '../../src/experiments/cell-worker.js';
import { runExperiment } from '../../src/experiments/runner.js';
import { BAYES_MECHANISMS, parseSpec } from '../../src/experiments/spec.js';
import { MECHANISM_NAMES, expectedOutcome, thresholdPricing, uniformPrior } from '../../src/theory/bayes/index.js';

const base = { name: 'b', description: 'd', seed: 4 };
const SPEC_FILE = 'experiments/x.json'; // bayes file paths resolve against experiments/
const POWER = { kind: 'power', scale: 0.5, exponent: 4 };
const theory = { kind: 'threshold-theory' };
const star = (rho: unknown, extra: Record<string, unknown> = {}) => ({ star: { rho, ...extra } });
const pair = (r: unknown, extra: Record<string, unknown> = { cost: POWER }) => ({ pair: { r, ...extra } });
const tmp = () => mkdtempSync(join(tmpdir(), 'arena-bayes-'));

describe('experiment runner: bayes instances (seed 004)', function () {
  this.timeout(120_000);

  it('accepts files and generators, with defaults (star: Q = 10, n = 3; pair: Q = 16; exact; threshold-pricing)', () => {
    const s = parseSpec({ ...base, bayes: ['bayes/star-rho05.json', star([0.5]), pair([0.5])], tasks: [theory] });
    expect(s.bayes![1]).to.deep.equal({ star: { rho: [0.5], Q: 10, n: 3, model: 'exact' } });
    expect(s.bayes![2]).to.deep.equal({ pair: { r: [0.5], Q: 16, model: 'exact', cost: POWER } });
    const e = parseSpec({ ...base, bayes: [pair([0.5])], tasks: [theory, { kind: 'effort-dynamics' }] });
    expect(e.tasks).to.deep.equal([
      { kind: 'threshold-theory', mechanisms: ['threshold-pricing'] },
      { kind: 'effort-dynamics', mechanisms: ['threshold-pricing'], update: 'jacobi' },
    ]);
    expect([...BAYES_MECHANISMS]).to.deep.equal(MECHANISM_NAMES);
  });

  it('names the path of a bad field', () => {
    const bad: [unknown, RegExp][] = [
      [{ ...base, bayes: [star([0.5])], grid: { m: [2], cost: [0.1] }, mechanisms: ['pool'], tasks: [theory] }, /spec: bayes: give exactly one of grid .* and bayes/],
      [{ ...base, bayes: [], tasks: [theory] }, /spec: bayes:/],
      [{ ...base, bayes: [star([0.5])], tasks: [{ kind: 'theory' }] }, /spec: tasks\.0\.kind: "theory" does not run on bayes instances/],
      [{ ...base, grid: { m: [2], cost: [0.1] }, mechanisms: ['pool'], tasks: [theory] }, /spec: tasks\.0\.kind: "threshold-theory" needs bayes/],
      [{ ...base, markets: ['markets/example-b.json'], tasks: [{ kind: 'effort-dynamics' }] }, /spec: tasks\.0\.kind: "effort-dynamics" needs bayes/],
      [{ ...base, bayes: [star([0.5, 0.75])], tasks: [theory] }, /spec: bayes\.0\.star\.rho: every ρ must satisfy \|ρ\| < 1\/√\(n − 1\) = 0\.707.* \(got 0\.75\)/],
      [{ ...base, bayes: [star([0.6], { n: 4 })], tasks: [theory] }, /bayes\.0\.star\.rho: .*0\.577.*got 0\.6/],
      [{ ...base, bayes: [star([0.5], { Q: 0 })], tasks: [theory] }, /spec: bayes\.0\.star\.Q:/],
      [{ ...base, bayes: [star([0.5], { n: 1 })], tasks: [theory] }, /spec: bayes\.0\.star\.n:/],
      [{ ...base, bayes: [star([0.5], { model: 'best' })], tasks: [theory] }, /spec: bayes\.0\.star\.model/],
      [{ ...base, bayes: [star([0.5], { eta: 1 })], tasks: [theory] }, /spec: bayes\.0\.star: .*eta/],
      [{ ...base, bayes: [pair([1])], tasks: [theory] }, /spec: bayes\.0\.pair\.r: every r must lie in \(−1, 1\) \(got 1\)/],
      [{ ...base, bayes: [pair('x')], tasks: [theory] }, /spec: bayes\.0\.pair\.r:/],
      [{ ...base, bayes: [{ star: { rho: [0] }, pair: { r: [0] } }], tasks: [theory] }, /spec: bayes\.0: give exactly one generator/],
      [{ ...base, bayes: [{ ring: { rho: [0] } }], tasks: [theory] }, /spec: bayes\.0: .*ring/],
      [{ ...base, bayes: [pair([0.5], {})], tasks: [{ kind: 'effort-dynamics' }] }, /spec: bayes\.0\.pair\.cost: the effort tasks need an effort cost/],
      [{ ...base, bayes: [star([0.5])], tasks: [{ kind: 'best-response-curve', others: [0] }] }, /spec: bayes\.0\.star\.cost/],
      [{ ...base, bayes: [pair([0.5])], tasks: [{ kind: 'threshold-theory', mechanisms: ['vcg'] }] }, /spec: tasks\.0\.mechanisms\.0/],
      [{ ...base, bayes: [pair([0.5])], tasks: [{ kind: 'effort-dynamics', mechanisms: ['blind-threshold'] }] }, /spec: tasks\.0\.mechanisms\.0/],
      [{ ...base, bayes: [pair([0.5])], tasks: [{ kind: 'best-response-curve', others: [-1] }] }, /spec: tasks\.0\.others: every effort must be a number >= 0 \(got -1\)/],
      [{ ...base, bayes: [pair([0.5])], tasks: [{ kind: 'best-response-curve' }] }, /spec: tasks\.0\.others/],
      [{ ...base, bayes: [pair([0.5])], tasks: [{ kind: 'best-response-curve', others: [0], agent: 0 }] }, /spec: tasks\.0\.agent/],
      [{ ...base, bayes: [pair([0.5])], tasks: [theory], mechanisms: ['pool'] }, /spec: mechanisms: not used with bayes/],
      [{ ...base, bayes: [pair([0.5])], tasks: [theory], plugins: ['x.ts'] }, /spec: plugins: not used with bayes/],
      [{ ...base, bayes: [pair([0.5])], tasks: [theory], charts: [{ id: 'c', title: 't', task: 'effort-dynamics', x: 'r', y: 'highest' }] }, /spec: charts\.0\.task: no "effort-dynamics" task in tasks/],
      [{ ...base, bayes: [pair([0.5])], tasks: [theory], charts: [{ id: 'c', title: 't', task: 'threshold-theory', x: 'r', y: 'expectedPayment', agents: true }] }, /spec: charts\.0\.agents: per-agent rows need task effort-dynamics/],
    ];
    for (const [spec, pattern] of bad) expect(() => parseSpec(spec), JSON.stringify(spec)).to.throw(InputError, pattern);
  });

  it('errors found when the cells are built name the spec entry: files, the effort box, costs, others, agent', () => {
    const cells = (raw: Record<string, unknown>) => () => expandCells(parseSpec({ ...base, ...raw }), SPEC_FILE);
    expect(cells({ bayes: ['bayes/nosuch.json'], tasks: [theory] })).to.throw(InputError, /x\.json: bayes\.0: .*nosuch\.json/);
    // two-agent.json has no effortCost; oracle3.json is Unif[0, 10] (Q = 10 > 4) without costs either
    expect(cells({ bayes: [pair([0]), 'bayes/two-agent.json'], tasks: [{ kind: 'effort-dynamics' }] })).to.throw(InputError, /x\.json: bayes\.1: the effort tasks need an effort cost/);
    // exact model: q̄*(ρ_1(16)) falls below √Q − 2 = 2 for r = 0.95 (spec/004 §3.2)
    expect(cells({ bayes: [pair([0.5, 0.95])], tasks: [{ kind: 'effort-dynamics' }] })).to.throw(InputError, /x\.json: bayes\.0\.pair\.r: .*box.*\(r = 0\.95, exact\)/);
    // approx model: S_i ≤ 1/3 needs r² · 16/17 ≤ 1/3 (seed 004, (B.32))
    expect(cells({ bayes: [pair([0.6], { cost: POWER, model: 'approx' })], tasks: [{ kind: 'effort-dynamics' }] })).to.throw(InputError, /bayes\.0\.pair\.r: .*1\/3.*\(r = 0\.6, approx\)/);
    expect(cells({ bayes: [pair([0.5], { cost: POWER, Q: 4 })], tasks: [{ kind: 'effort-dynamics' }] })).to.throw(InputError, /bayes\.0\.pair\.Q: .*Q > 4/);
    expect(cells({ bayes: [pair([0.5], { cost: { kind: 'cubic' } })], tasks: [{ kind: 'effort-dynamics' }] })).to.throw(InputError, /bayes\.0\.pair\.cost: .*cubic/);
    expect(cells({ bayes: [pair([0.5], { cost: { kind: 'power', scale: -1, exponent: 4 } })], tasks: [{ kind: 'effort-dynamics' }] })).to.throw(InputError, /bayes\.0\.pair\.cost: .*scale/);
    expect(cells({ bayes: [pair([0.5])], tasks: [{ kind: 'best-response-curve', others: [0, 2.5] }] })).to.throw(InputError, /x\.json: tasks\.0\.others: .*\[0, 2\].*got 2\.5/);
    expect(cells({ bayes: [pair([0.5])], tasks: [{ kind: 'best-response-curve', others: [0], agent: 3 }] })).to.throw(InputError, /x\.json: tasks\.0\.agent: .*1 … 2 \(got 3\)/);
    // the theory task alone needs neither costs nor Q > 4
    expect(cells({ bayes: ['bayes/two-agent.json', pair([0.95], { Q: 3 })], tasks: [theory] })).to.not.throw();
  });

  it('expands one cell per (instance, mechanism, agent), (instance, mechanism) and (instance, mechanism, e_j), generators per (model, ρ)', () => {
    const spec = parseSpec({
      ...base,
      bayes: [star([0, 0.5], { model: ['exact', 'approx'] }), 'bayes/effort-power-r05.json'],
      tasks: [{ kind: 'threshold-theory', mechanisms: ['threshold-pricing', 'free-sharing'] }],
    });
    const cells = expandCells(spec, SPEC_FILE);
    expect(cells.length).to.equal(4 * 2 * 3 + 2 * 2);
    const summary = cells.map((c) => (c.family === 'bayes' ? [c.instance.label, c.instance.model, c.instance.rho ?? null, c.mechanism, c.agent] : null));
    expect(summary.slice(0, 7)).to.deep.equal([
      ['star', 'exact', 0, 'threshold-pricing', 0],
      ['star', 'exact', 0, 'threshold-pricing', 1],
      ['star', 'exact', 0, 'threshold-pricing', 2],
      ['star', 'exact', 0, 'free-sharing', 0],
      ['star', 'exact', 0, 'free-sharing', 1],
      ['star', 'exact', 0, 'free-sharing', 2],
      ['star', 'exact', 0.5, 'threshold-pricing', 0],
    ]);
    expect(summary.at(-1)).to.deep.equal(['bayes/effort-power-r05.json', 'exact', null, 'free-sharing', 1]);
    expect(new Set(cells.map((c) => c.key)).size).to.equal(cells.length);
    const c = cells[6]!;
    if (c.family !== 'bayes') throw new Error('not a bayes cell');
    expect(c.instance.correlation).to.deep.equal(starCorrelation(3, 0.5));
    expect(c.instance.priors).to.deep.equal([0, 1, 2].map(() => ({ kind: 'uniform', low: 0, high: 10 })));
    expect(c.instance.Q).to.equal(10);
    expect(c.instance.costs).to.equal(null);
    // the file: its own model, Q and costs
    const f = cells.at(-1)!;
    if (f.family !== 'bayes') throw new Error('not a bayes cell');
    expect([f.instance.Q, f.instance.costs]).to.deep.equal([16, [POWER, POWER]]);
    // seeds come from (experiment seed, instance, task), not from the mechanism
    expect(cells[0]!.seed).to.equal(cells[3]!.seed);
    expect(cells[0]!.seed).to.not.equal(cells[6]!.seed);

    const effort = parseSpec({
      ...base,
      bayes: [pair([0, 0.5])],
      tasks: [{ kind: 'effort-dynamics', mechanisms: ['threshold-pricing', 'free-sharing'] }, { kind: 'best-response-curve', others: { from: 0, to: 2, steps: 3 } }],
    });
    const ec = expandCells(effort, SPEC_FILE);
    expect(ec.map((x) => (x.family === 'bayes' ? [x.instance.r, x.task.kind, x.mechanism, x.otherEffort ?? null] : null))).to.deep.equal([
      [0, 'effort-dynamics', 'threshold-pricing', null],
      [0, 'effort-dynamics', 'free-sharing', null],
      [0, 'best-response-curve', 'threshold-pricing', 0],
      [0, 'best-response-curve', 'threshold-pricing', 1],
      [0, 'best-response-curve', 'threshold-pricing', 2],
      [0.5, 'effort-dynamics', 'threshold-pricing', null],
      [0.5, 'effort-dynamics', 'free-sharing', null],
      [0.5, 'best-response-curve', 'threshold-pricing', 0],
      [0.5, 'best-response-curve', 'threshold-pricing', 1],
      [0.5, 'best-response-curve', 'threshold-pricing', 2],
    ]);
  });

  it('threshold-theory rows: one per agent, the numbers of expectedOutcome; a file and the generator agree', async () => {
    const spec = parseSpec({ ...base, bayes: [star([0.5]), 'bayes/star-rho05.json'], tasks: [theory] });
    const cells = expandCells(spec, SPEC_FILE);
    const rows = await Promise.all(cells.map((c) => runCellTask(c)));
    const R = starCorrelation(3, 0.5);
    const e = expectedOutcome(thresholdPricing, R, [0, 1, 2].map(() => uniformPrior(0, 10)), 'exact');
    for (let i = 0; i < 3; i++) {
      for (const r of [rows[i]!, rows[i + 3]!]) {
        expect(r.agent).to.equal(i + 1);
        expect(r.expectedPayment).to.equal(e.agents[i]!.payment);
        expect(r.expectedUtility).to.equal(e.agents[i]!.utility);
        expect(r.allocationProbability).to.equal(e.agents[i]!.allocationProbability);
        expect(r.expectedRevenue).to.equal(e.revenue);
        expect(r.method).to.equal('quadrature');
      }
    }
    expect([rows[0]!.rho, rows[0]!.instance, rows[3]!.rho, rows[3]!.instance]).to.deep.equal([0.5, 'star', undefined, 'bayes/star-rho05.json']);
    expect(rows[0]!.centrality).to.equal(0.5); // Σ_{j≠1} σ_1j² = 2 · 0.25
    // spec/004 §4 W5/W6 at ρ = 0.5
    expect(rows[0]!.expectedPayment as number).to.be.closeTo(0.580882, 1e-6);
    expect(rows[1]!.expectedPayment as number).to.be.closeTo(0.557483, 1e-6);
  });

  it('effort rows: the bracket, the supermodularity check and the best response of src/effort (W7, W10)', async () => {
    const spec = parseSpec({
      ...base,
      bayes: [pair([0.5])],
      tasks: [{ kind: 'effort-dynamics', mechanisms: ['threshold-pricing', 'free-sharing'] }, { kind: 'best-response-curve', mechanisms: ['free-sharing'], others: [1] }],
    });
    const [tp, free, br] = await Promise.all(expandCells(spec, SPEC_FILE).map((c) => runCellTask(c)));
    expect(tp!.highest as number[]).to.have.length(2);
    for (const x of tp!.highest as number[]) expect(x).to.be.closeTo(0.3040322897, 1e-8);
    expect([tp!.unique, tp!.converged, tp!.monotone, tp!.supermodular, tp!.worstViolation, tp!.upper]).to.deep.equal([true, true, true, true, 0, 2]);
    expect(free!.supermodular).to.equal(false); // Prop C.1: decreasing differences
    expect(free!.worstViolation as number).to.be.above(1e-5);
    expect((free!.highest as number[])[0]).to.be.closeTo(0.47850827, 5e-9);
    const game = makeEffortGame({ correlation: [[1, 0.5], [0.5, 1]], Q: 16, costs: [POWER, POWER], model: 'exact', mechanism: 'free-sharing' });
    expect(br!.bestResponse).to.equal(bestResponse(game, 0, [0, 1]).e);
    expect(br!.bestResponse as number).to.be.closeTo(0.47793327, 5e-9);
    expect([br!.agent, br!.otherEffort, br!.M]).to.deep.equal([1, 1, null]);
    // one row per agent for charts and tables with agents: true; where may name the agent
    expect(effortAgentRows(tp!).map((r) => [r.agent, r.highest, r.mechanism, r.r])).to.deep.equal([
      [1, (tp!.highest as number[])[0], 'threshold-pricing', 0.5],
      [2, (tp!.highest as number[])[1], 'threshold-pricing', 0.5],
    ]);
    const chart = parseSpec({
      ...spec,
      charts: [{ id: 'c', title: 't', task: 'effort-dynamics', agents: true, where: { mechanism: 'free-sharing', agent: 2 }, x: 'r', y: 'highest' }],
    }).charts[0]!;
    const data = chartData(chart, [tp!, free!]);
    expect(data.map((r) => [r.mechanism, r.agent, r.highest])).to.deep.equal([['free-sharing', 2, (free!.highest as number[])[1]]]);
  });

  it('W9: on the 3-agent star with effort the central agent exerts the most (exact, ρ = 0.4)', async () => {
    const spec = parseSpec({ ...base, bayes: [star([0.4], { Q: 16, cost: POWER })], tasks: [{ kind: 'effort-dynamics' }] });
    const [row] = await Promise.all(expandCells(spec, SPEC_FILE).map((c) => runCellTask(c)));
    const [e1, e2, e3] = row!.highest as number[];
    expect(e1).to.be.closeTo(0.30457922, 5e-9);
    expect(e2).to.be.closeTo(0.30355888, 5e-9);
    expect(e3).to.be.closeTo(e2!, 1e-12);
    expect(row!.unique).to.equal(true);
  });

  it('rows are JSON-safe (±∞ as "inf"), and cells.jsonl is byte-identical with 1 and 2 worker threads', async () => {
    expect(jsonSafe({ a: [Infinity, -Infinity, NaN, 1], b: { c: Infinity } })).to.deep.equal({ a: ['inf', '-inf', null, 1], b: { c: 'inf' } });
    const spec = parseSpec({
      ...base,
      bayes: [star([0.3, 0.7]), pair([0.5])],
      tasks: [{ kind: 'threshold-theory', mechanisms: ['threshold-pricing', 'blind-threshold'] }],
      tables: [{ id: 'p', title: 'payments', task: 'threshold-theory', where: { agent: 1 }, columns: ['mechanism', 'instance', 'rho', 'r', 'expectedPayment'] }],
    });
    const [one, two] = [tmp(), tmp()];
    const s1 = await runExperiment(spec, { specFile: SPEC_FILE, outDir: one, workers: 1 });
    const s2 = await runExperiment(spec, { specFile: SPEC_FILE, outDir: two, workers: 2 });
    expect([s1.errors, s2.errors]).to.deep.equal([0, 0]);
    expect(s1.rows.length).to.equal(2 * 2 * 3 + 2 * 2);
    expect(readFileSync(join(two, 'cells.jsonl'), 'utf8')).to.equal(readFileSync(join(one, 'cells.jsonl'), 'utf8'));
    expect(tableData(spec.tables[0]!, s1.rows).map((r) => r.mechanism)).to.deep.equal(['threshold-pricing', 'blind-threshold', 'threshold-pricing', 'blind-threshold', 'threshold-pricing', 'blind-threshold']);
    const report = readFileSync(join(one, 'report.html'), 'utf8');
    expect(report).to.match(/bayes star \(n = 3, Q = 10, ρ ∈ \{0\.3, 0\.7\}, exact\); pair/);
  });
});
