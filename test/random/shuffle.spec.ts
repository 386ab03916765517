import { expect } from 'chai';
import { Rng } from '../../src/random/index.js';
import { RefXoshiro128ss, chiSquareCritical, chiSquareUniform } from './stats.js';

describe('random/Rng: partial Fisher-Yates (Durstenfeld 1964)', () => {
  it('equals i + nextInt(length - i) swaps under the reference generator', () => {
    const seed: [number, number, number, number] = [12, 34, 56, 78];
    const rng = new Rng(...seed);
    const ref = new RefXoshiro128ss(...seed);
    const a = Int32Array.from({ length: 990 }, (_, i) => i);
    const b = Int32Array.from(a);
    for (let round = 0; round < 200; round++) {
      rng.partialShuffle(a, 990, 10);
      for (let i = 0; i < 10; i++) {
        const j = i + ref.nextInt(990 - i);
        const v = b[i];
        b[i] = b[j];
        b[j] = v;
      }
      expect(Array.from(a)).to.deep.equal(Array.from(b));
    }
  });

  it('includes single values with frequency k/P and pairs with k(k-1)/(P(P-1)), within 4 SE', () => {
    // the index array is reused across rounds without reset, as an engine does
    const P = 30;
    const k = 5;
    const reps = 200_000;
    const rng = new Rng(2024, 6, 1, 7);
    const idx = Int32Array.from({ length: P }, (_, i) => i);
    const single = new Float64Array(P);
    const first = new Float64Array(P);
    const pair = new Float64Array(P * P);
    for (let r = 0; r < reps; r++) {
      rng.partialShuffle(idx, P, k);
      first[idx[0]]++;
      for (let a = 0; a < k; a++) {
        single[idx[a]]++;
        for (let b = a + 1; b < k; b++) {
          const lo = Math.min(idx[a], idx[b]);
          const hi = Math.max(idx[a], idx[b]);
          pair[lo * P + hi]++;
        }
      }
    }
    const p1 = k / P;
    const p2 = (k * (k - 1)) / (P * (P - 1));
    const bad: string[] = [];
    for (let v = 0; v < P; v++) {
      const f = single[v] / reps;
      if (Math.abs(f - p1) > 4 * Math.sqrt((p1 * (1 - p1)) / reps)) bad.push(`single ${v}: ${f}`);
      for (let w = v + 1; w < P; w++) {
        const g = pair[v * P + w] / reps;
        if (Math.abs(g - p2) > 4 * Math.sqrt((p2 * (1 - p2)) / reps)) bad.push(`pair ${v},${w}: ${g}`);
      }
    }
    expect(bad).to.deep.equal([]);
    // the subset comes in uniform random order: the first slot is uniform over all P values
    expect(chiSquareUniform(first)).to.be.below(chiSquareCritical(P - 1));
    expect(Array.from(idx).sort((x, y) => x - y)).to.deep.equal(Array.from({ length: P }, (_, i) => i));
  });

  it('handles k = 0, k = length, a prefix of a longer array, and lengths above 2^21', () => {
    const rng = new Rng(9, 9, 9, 9);
    const idx = Int32Array.from({ length: 20 }, (_, i) => i);
    rng.partialShuffle(idx, 20, 0);
    expect(Array.from(idx)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i));
    rng.partialShuffle(idx, 12, 12);
    expect(Array.from(idx.subarray(0, 12)).sort((x, y) => x - y)).to.deep.equal(Array.from({ length: 12 }, (_, i) => i));
    expect(Array.from(idx.subarray(12))).to.deep.equal(Array.from({ length: 8 }, (_, i) => i + 12));
    const n = 2 ** 21 + 5;
    const big = Int32Array.from({ length: n }, (_, i) => i);
    rng.partialShuffle(big, n, 4);
    const picked = Array.from(big.subarray(0, 4));
    expect(new Set(picked).size).to.equal(4);
    for (const v of picked) expect(v >= 0 && v < n).to.equal(true);
  });

  it('rejects k > length or length > idx.length', () => {
    const rng = new Rng(1, 2, 3, 4);
    const idx = new Int32Array(5);
    expect(() => rng.partialShuffle(idx, 5, 6)).to.throw(RangeError);
    expect(() => rng.partialShuffle(idx, 6, 2)).to.throw(RangeError);
    expect(() => rng.partialShuffle(idx, 5, -1)).to.throw(RangeError);
  });
});
