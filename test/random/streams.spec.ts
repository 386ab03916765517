import { expect } from 'chai';
import seedrandom from 'seedrandom';
import { Rng, StreamFactory } from '../../src/random/index.js';

function firstOutputs(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

function stateOf(rng: Rng): Uint32Array {
  const s = new Uint32Array(4);
  rng.saveState(s);
  return s;
}

function popcount(x: number): number {
  let v = x >>> 0;
  let c = 0;
  while (v) {
    v &= v - 1;
    c++;
  }
  return c;
}

describe('random/StreamFactory', () => {
  it('derives keys with seedrandom from the JSON of [master, ...parts], deterministically', () => {
    const f = new StreamFactory(2024);
    const g = new StreamFactory('2024');
    expect(f.masterSeed).to.equal('2024');
    const k = f.key('cell-1', 3, 'data');
    const prng = seedrandom(JSON.stringify(['2024', 'cell-1', 3, 'data']));
    expect(Array.from(k)).to.deep.equal([0, 0, 0, 0].map(() => prng.int32() >>> 0));
    expect(Array.from(g.key('cell-1', 3, 'data'))).to.deep.equal(Array.from(k));
    expect(Array.from(new StreamFactory(2024).key('cell-1', 3, 'data'))).to.deep.equal(Array.from(k));
  });

  it('gives different keys for different parts or master seeds', () => {
    const f = new StreamFactory('s');
    const keys = [f.key('a', 1), f.key('a', 2), f.key('b', 1), f.key('a', '1'), f.key('a1'), new StreamFactory('t').key('a', 1)];
    const strings = keys.map((k) => Array.from(k).join(','));
    expect(new Set(strings).size).to.equal(keys.length);
  });

  it('seeds in place and returns the same Rng; same (key, replicate) gives the same stream', () => {
    const f = new StreamFactory(7);
    const key = f.key('agent', 0, 'noise');
    const rng = new Rng();
    expect(f.seed(key, 12, rng)).to.equal(rng);
    const a = firstOutputs(rng, 1000);
    const other = new StreamFactory(7);
    expect(firstOutputs(other.seed(other.key('agent', 0, 'noise'), 12, new Rng()), 1000)).to.deep.equal(a);
    expect(firstOutputs(f.seed(key, 12, rng), 1000)).to.deep.equal(a);
  });

  it('gives different streams for a different replicate or key', () => {
    const f = new StreamFactory(7);
    const k1 = f.key('agent', 0);
    const k2 = f.key('agent', 1);
    const rng = new Rng();
    const base = firstOutputs(f.seed(k1, 5, rng), 8);
    expect(firstOutputs(f.seed(k1, 6, rng), 8)).to.not.deep.equal(base);
    expect(firstOutputs(f.seed(k2, 5, rng), 8)).to.not.deep.equal(base);
    expect(firstOutputs(f.seed(k1, 5 + 2 ** 32, rng), 8)).to.not.deep.equal(base);
  });

  it('mixes strongly: neighbouring replicates differ in about half of the 128 state bits, and never collide', () => {
    const f = new StreamFactory('mix');
    const key = f.key('x');
    const rng = new Rng();
    const seen = new Set<string>();
    let flipped = 0;
    let prev = stateOf(f.seed(key, 0, rng));
    const reps = 20_000;
    for (let r = 1; r <= reps; r++) {
      const s = stateOf(f.seed(key, r, rng));
      for (let w = 0; w < 4; w++) flipped += popcount(s[w] ^ prev[w]);
      seen.add(s.join(','));
      prev = s;
    }
    const frac = flipped / (128 * reps);
    expect(frac).to.be.within(0.49, 0.51);
    expect(seen.size).to.equal(reps);
  });

  it('keeps the first outputs of neighbouring replicates uncorrelated', () => {
    const f = new StreamFactory(99);
    const key = f.key('corr');
    const rng = new Rng();
    const n = 20_000;
    const u = new Float64Array(n);
    for (let r = 0; r < n; r++) u[r] = f.seed(key, r, rng).nextFloat();
    let sxy = 0;
    for (let r = 0; r + 1 < n; r++) sxy += (u[r] - 0.5) * (u[r + 1] - 0.5);
    const corr = sxy / (n - 1) / (1 / 12);
    expect(Math.abs(corr)).to.be.below(4 / Math.sqrt(n));
  });

  it('rejects replicates that are not integers in [0, 2^53) and non-finite master seeds', () => {
    const f = new StreamFactory(1);
    const key = f.key('k');
    const rng = new Rng();
    for (const r of [-1, 0.5, Number.NaN, 2 ** 53, Infinity]) expect(() => f.seed(key, r, rng), `replicate ${r}`).to.throw(RangeError);
    expect(() => new StreamFactory(Number.NaN)).to.throw(RangeError);
  });
});
