import { expect } from 'chai';
import { Rng } from '../../src/random/index.js';
import { RefXoshiro128ss, chiSquareCritical, chiSquareUniform } from './stats.js';

const SEEDS: [number, number, number, number][] = [
  [1, 2, 3, 4],
  [0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5ced8d7b],
  [0xffffffff, 0, 0x80000000, 0x12345678],
];

describe('random/Rng: xoshiro128** generator (Blackman & Vigna 2018)', () => {
  it('matches hand-computed outputs for the state (1, 2, 3, 4)', () => {
    // rotl(2*5, 7) * 9 = 11520; then s1 = 0 gives 0; then s1 = 1029 gives rotl(5145, 7) * 9 = 5927040
    const rng = new Rng(1, 2, 3, 4);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).to.deep.equal([11520, 0, 5927040]);
  });

  it('matches a plain BigInt implementation of the published algorithm on 1000 outputs', () => {
    for (const s of SEEDS) {
      const rng = new Rng(...s);
      const ref = new RefXoshiro128ss(...s);
      for (let i = 0; i < 1000; i++) expect(rng.nextUint32(), `seed ${s}, output ${i}`).to.equal(ref.nextNumber());
    }
  });

  it('replaces the all-zero state by a fixed nonzero state', () => {
    const a = new Rng();
    const b = new Rng(0, 0, 0, 0);
    const c = new Rng(5, 6, 7, 8);
    c.reseed(0, 0, 0, 0);
    const xs = [a.nextUint32(), a.nextUint32(), a.nextUint32()];
    expect(xs.some((x) => x !== 0)).to.equal(true);
    expect([b.nextUint32(), b.nextUint32(), b.nextUint32()]).to.deep.equal(xs);
    expect([c.nextUint32(), c.nextUint32(), c.nextUint32()]).to.deep.equal(xs);
    const st = new Uint32Array(4);
    a.saveState(st);
    expect(Array.from(st).some((w) => w !== 0)).to.equal(true);
  });

  it('saveState / restoreState reproduce every method exactly', () => {
    const rng = new Rng(11, 22, 33, 44);
    const saved = new Uint32Array(4);
    rng.saveState(saved);
    const run = (): number[] => {
      const buf = new Float64Array(500);
      rng.fillNormal(buf, 0, 500, 1, 2);
      rng.addNormal(buf, 100, 300, 0.5);
      const idx = Int32Array.from({ length: 50 }, (_, i) => i);
      rng.partialShuffle(idx, 50, 7);
      return [...buf, rng.sumNormals(777), rng.normal(), rng.nextInt(1000), rng.nextFloat(), rng.nextUint32(), ...idx];
    };
    const first = run();
    rng.restoreState(saved);
    expect(run()).to.deep.equal(first);
    const words = new Uint32Array(4);
    rng.saveState(words);
    for (const w of words) expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).to.equal(true);
  });
});

describe('random/Rng: uniform floats', () => {
  it('equals (27 high bits, 26 high bits) of two outputs over 2^53', () => {
    const rng = new Rng(...SEEDS[1]);
    const ref = new RefXoshiro128ss(...SEEDS[1]);
    for (let i = 0; i < 1000; i++) expect(rng.nextFloat()).to.equal(ref.nextFloat());
  });

  it('is uniform on [0, 1) (chi-square, 100 bins, 1e6 draws) with 53-bit resolution', () => {
    const rng = new Rng(7, 7, 7, 7);
    const bins = new Float64Array(100);
    let lowBit = 0;
    let min = 1;
    let max = 0;
    const n = 1_000_000;
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat();
      if (u < min) min = u;
      if (u > max) max = u;
      bins[Math.floor(u * 100)]++;
      lowBit += (u * 2 ** 53) % 2; // the 53rd bit: exactly 0 for a 32-bit method
    }
    expect(min).to.be.at.least(0);
    expect(max).to.be.below(1);
    expect(chiSquareUniform(bins)).to.be.below(chiSquareCritical(99));
    expect(Math.abs(lowBit / n - 0.5)).to.be.below(4 * Math.sqrt(0.25 / n));
  });
});

describe('random/Rng: bounded integers (Lemire 2019)', () => {
  const NS = [1, 2, 3, 7, 10, 990, 2 ** 21 - 1, 2 ** 21, 2 ** 21 + 1, 1e9, 2 ** 31, 3 * 2 ** 30, 2 ** 32 - 1, 2 ** 32];

  it('equals an exact BigInt implementation of Lemire\'s method, n = 1 .. 2^32', () => {
    for (const n of NS) {
      const rng = new Rng(...SEEDS[2]);
      const ref = new RefXoshiro128ss(...SEEDS[2]);
      for (let i = 0; i < 2000; i++) expect(rng.nextInt(n), `n = ${n}, draw ${i}`).to.equal(ref.nextInt(n));
    }
  });

  it('stays in [0, n): n = 1 always gives 0, n = 2^32 spans the full word', () => {
    const rng = new Rng(3, 1, 4, 1);
    for (const n of NS) {
      for (let i = 0; i < 5000; i++) {
        const v = rng.nextInt(n);
        if (!(Number.isInteger(v) && v >= 0 && v < n)) expect.fail(`nextInt(${n}) returned ${v}`);
      }
    }
    for (let i = 0; i < 100; i++) expect(rng.nextInt(1)).to.equal(0);
    let top = 0;
    for (let i = 0; i < 10000; i++) if (rng.nextInt(2 ** 32) >= 2 ** 31) top++;
    expect(Math.abs(top / 10000 - 0.5)).to.be.below(4 * Math.sqrt(0.25 / 10000));
  });

  it('is uniform for n = 3 (chi-square, 3e5 draws)', () => {
    const rng = new Rng(9, 8, 7, 6);
    const counts = [0, 0, 0];
    for (let i = 0; i < 300_000; i++) counts[rng.nextInt(3)]++;
    expect(chiSquareUniform(counts)).to.be.below(chiSquareCritical(2));
  });

  it('is unbiased for n = 3 * 2^30, where modulo and multiply-shift without rejection are visibly biased', () => {
    // x mod n puts twice the mass on [0, 2^30); floor(x n / 2^32) without rejection puts half the mass on v = 0 mod 3
    const rng = new Rng(5, 4, 3, 2);
    const n = 3 * 2 ** 30;
    const quarters = [0, 0, 0];
    const residues = [0, 0, 0];
    for (let i = 0; i < 300_000; i++) {
      const v = rng.nextInt(n);
      quarters[Math.floor(v / 2 ** 30)]++;
      residues[v % 3]++;
    }
    expect(chiSquareUniform(quarters)).to.be.below(chiSquareCritical(2));
    expect(chiSquareUniform(residues)).to.be.below(chiSquareCritical(2));
  });

  it('rejects n outside the integers 1 .. 2^32', () => {
    const rng = new Rng(1, 1, 1, 1);
    for (const n of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN, Infinity]) expect(() => rng.nextInt(n), `n = ${n}`).to.throw(RangeError);
  });
});
