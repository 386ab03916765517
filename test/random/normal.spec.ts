import { expect } from 'chai';
import { Rng, ZIG_R } from '../../src/random/index.js';
import { QUEUE_SLOTS, setQueueCapacity } from '../../src/random/batch.js';
import { ZIGGURAT } from '../../src/random/ziggurat.js';
import { RefXoshiro128ss, failures, normalChecks } from './stats.js';

/** 13 points from -4.5 to 4.5, with the ziggurat's tail boundary R on both sides. */
const POINTS = [-4.5, -ZIG_R, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 2, ZIG_R, 4.5];

/**
 * A plain ziggurat (Marsaglia & Tsang 2000) on the module's tables, drawing
 * from the BigInt reference generator: the fast test, then the tail
 * (Marsaglia 1964) or the wedge test against Math.exp, redrawing on rejection.
 */
class RefZiggurat {
  constructor(readonly gen: RefXoshiro128ss) {}

  fast(raw: number): number | undefined {
    const idx = raw >>> 23;
    const u = raw & 0x7fffff;
    return u < ZIGGURAT.K[idx] ? u * ZIGGURAT.W[idx] : undefined;
  }

  slow(raw: number): number {
    const { K, W, F } = ZIGGURAT;
    let r = raw;
    for (;;) {
      const idx = r >>> 23;
      const u = r & 0x7fffff;
      const x = u * W[idx];
      if (u < K[idx]) return x;
      const layer = idx >>> 1;
      if (layer === 0) {
        for (;;) {
          const e1 = -Math.log((this.gen.nextNumber() + 0.5) / 2 ** 32) / ZIG_R;
          const e2 = -Math.log((this.gen.nextNumber() + 0.5) / 2 ** 32);
          if (2 * e2 > e1 * e1) return idx & 1 ? -(ZIG_R + e1) : ZIG_R + e1;
        }
      }
      const y = F[layer] + ((this.gen.nextNumber() + 0.5) / 2 ** 32) * (F[layer - 1] - F[layer]);
      if (y < Math.exp(-0.5 * x * x)) return x;
      r = this.gen.nextNumber() | 0;
    }
  }

  normal(): number {
    const raw = this.gen.nextNumber() | 0;
    return this.fast(raw) ?? this.slow(raw);
  }

  /** What fillNormal does: one pass of fast draws, then the failed ones finished in order. */
  fill(count: number): number[] {
    const out: number[] = [];
    const pending: [number, number][] = [];
    for (let j = 0; j < count; j++) {
      const raw = this.gen.nextNumber() | 0;
      const x = this.fast(raw);
      out.push(x ?? Number.NaN);
      if (x === undefined) pending.push([j, raw]);
    }
    for (const [j, raw] of pending) out[j] = this.slow(raw);
    return out;
  }
}

function sample(n: number, draw: (z: Float64Array) => void): Float64Array {
  const z = new Float64Array(n);
  draw(z);
  return z;
}

describe('random/Rng: normals (256-layer ziggurat, Marsaglia & Tsang 2000)', () => {
  it('normal() and fillNormal() equal a plain reference ziggurat draw for draw', () => {
    const seed: [number, number, number, number] = [0x2545f491, 0x4f6cdd1d, 0x12345, 0x9abcdef];
    const rng = new Rng(...seed);
    const ref = new RefZiggurat(new RefXoshiro128ss(...seed));
    for (let i = 0; i < 20_000; i++) expect(rng.normal(), `normal ${i}`).to.equal(ref.normal());
    // 3000 takes the staged path (count <= 4096), 6000 the direct one
    for (const n of [3000, 6000]) {
      const buf = new Float64Array(n);
      rng.fillNormal(buf, 0, n, 0, 1);
      expect(Array.from(buf), `fill ${n}`).to.deep.equal(ref.fill(n));
      rng.fillNormal(buf, 0, n, -2, 3);
      const expected = ref.fill(n).map((z) => -2 + 3 * z);
      expect(Array.from(buf), `fill ${n}, mean -2, sd 3`).to.deep.equal(expected);
    }
  });

  it('normal(): mean, variance, 4th moment and CDF at 13 points within 4 SE (2e6 draws)', () => {
    const rng = new Rng(101, 202, 303, 404);
    const z = sample(2_000_000, (z) => {
      for (let i = 0; i < z.length; i++) z[i] = rng.normal();
    });
    expect(failures(normalChecks(z, POINTS))).to.deep.equal([]);
  });

  it('fillNormal(mean, sd): standardised draws pass the same checks (4e6 draws)', () => {
    const rng = new Rng(1, 22, 333, 4444);
    const z = sample(4_000_000, (z) => {
      rng.fillNormal(z, 0, z.length, 1.5, 2);
      for (let i = 0; i < z.length; i++) z[i] = (z[i] - 1.5) / 2;
    });
    expect(failures(normalChecks(z, POINTS))).to.deep.equal([]);
  });

  it('addNormal(sd): the added noise passes the same checks (2e6 draws)', () => {
    const rng = new Rng(5, 55, 555, 5555);
    const n = 2_000_000;
    const base = Float64Array.from({ length: n }, (_, i) => (i % 7) - 3);
    const z = Float64Array.from(base);
    rng.addNormal(z, 0, n, 0.5);
    for (let i = 0; i < n; i++) z[i] = (z[i] - base[i]) / 0.5;
    expect(failures(normalChecks(z, POINTS))).to.deep.equal([]);
  });

  it('sumNormals(count): sums of 1 and 2 normals are N(0, count); sums of 980 have variance 980', () => {
    const rng = new Rng(8, 6, 7, 5);
    const ones = sample(1_000_000, (z) => {
      for (let i = 0; i < z.length; i++) z[i] = rng.sumNormals(1);
    });
    expect(failures(normalChecks(ones, POINTS))).to.deep.equal([]);
    const twos = sample(1_000_000, (z) => {
      for (let i = 0; i < z.length; i++) z[i] = rng.sumNormals(2) / Math.SQRT2;
    });
    expect(failures(normalChecks(twos, POINTS))).to.deep.equal([]);
    const reps = 4000;
    const big = sample(reps, (z) => {
      for (let i = 0; i < z.length; i++) z[i] = rng.sumNormals(980) / Math.sqrt(980);
    });
    // moments only: 4000 sums are too few for the tail points
    expect(failures(normalChecks(big, [])).length, 'moments of sums of 980').to.equal(0);
    expect(rng.sumNormals(0)).to.equal(0);
  });

  it('sumNormals(n) equals the sum of the draws fillNormal makes from the same state', () => {
    for (const n of [1, 2, 3, 980, 981, 10_001]) {
      const a = new Rng(4, 3, 2, n);
      const b = new Rng(4, 3, 2, n);
      const buf = new Float64Array(n);
      // an odd count's first draw comes from normal(), then pairs: mirror that
      let expected = 0;
      if (n & 1) expected += b.normal();
      b.fillNormal(buf, 0, n - (n & 1), 0, 1);
      for (const v of buf.subarray(0, n - (n & 1))) expected += v;
      expect(a.sumNormals(n)).to.be.closeTo(expected, 1e-9 * Math.sqrt(n));
    }
  });

  it('writes exactly [offset, offset + count) and rejects ranges outside the array', () => {
    const rng = new Rng(2, 4, 6, 8);
    const buf = new Float64Array(50).fill(Number.NaN);
    rng.fillNormal(buf, 10, 30, 0, 1);
    rng.addNormal(buf, 15, 10, 1);
    buf.forEach((v, i) => expect(Number.isNaN(v), `index ${i}`).to.equal(i < 10 || i >= 40));
    expect(() => rng.fillNormal(buf, 30, 21, 0, 1)).to.throw(RangeError);
    expect(() => rng.fillNormal(buf, -1, 2, 0, 1)).to.throw(RangeError);
    expect(() => rng.addNormal(buf, 0.5, 2, 1)).to.throw(RangeError);
    expect(() => rng.sumNormals(-1)).to.throw(RangeError);
    expect(() => rng.sumNormals(2.5)).to.throw(RangeError);
  });

  it('stays exact when the slow-draw queue fills up mid-call (tiny queue, 4e5 draws)', () => {
    setQueueCapacity(4);
    try {
      const rng = new Rng(31, 41, 59, 26);
      const n = 400_000;
      const z = new Float64Array(n).fill(Number.NaN);
      rng.fillNormal(z, 0, n, 0, 1);
      expect(z.every((v) => Number.isFinite(v))).to.equal(true);
      expect(failures(normalChecks(z, POINTS))).to.deep.equal([]);
      const base = new Float64Array(n);
      rng.addNormal(base, 0, n, 1);
      expect(failures(normalChecks(base, POINTS))).to.deep.equal([]);
      const sums = sample(20_000, (s) => {
        for (let i = 0; i < s.length; i++) s[i] = rng.sumNormals(20) / Math.sqrt(20);
      });
      expect(failures(normalChecks(sums, [-2, -1, 0, 1, 2]))).to.deep.equal([]);
    } finally {
      setQueueCapacity(QUEUE_SLOTS);
    }
  });

  it('is reproducible: the same state gives the same batches, and calls of any size stay finite', () => {
    const a = new Rng(77, 88, 99, 11);
    const b = new Rng(77, 88, 99, 11);
    const x = new Float64Array(1_000_000);
    const y = new Float64Array(1_000_000);
    a.fillNormal(x, 0, x.length, 0, 1);
    b.fillNormal(y, 0, y.length, 0, 1);
    let same = true;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) same = false;
    expect(same).to.equal(true);
    let maxAbs = 0;
    for (const v of x) maxAbs = Math.max(maxAbs, Math.abs(v));
    expect(maxAbs).to.be.within(4, 8);
    expect(a.sumNormals(1_000_001)).to.equal(b.sumNormals(1_000_001));
  });
});
