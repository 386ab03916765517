/**
 * Independent, reproducible random streams.
 *
 * A stream is named by a key (experiment, cell, agent, purpose, ...) and a
 * replicate number. Keys are derived rarely, with seedrandom, from the master
 * seed and the key parts; the per-replicate seeding is a cheap integer hash so
 * that an engine can reseed one Rng in place at the start of every replicate
 * without allocating. Streams are never derived as `base + N` (DESIGN.md,
 * package layout of random/).
 */
import seedrandom from 'seedrandom';
import type { Rng } from './rng.js';

/** Four uint32 words identifying a stream family. */
export type StreamKey = Uint32Array;

const MAX_REPLICATE = Number.MAX_SAFE_INTEGER;

/** murmur3 finaliser (Appleby, MurmurHash3 `fmix32`): a bijection of uint32 with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

export class StreamFactory {
  /** The master seed as a string (a number seed n and the string String(n) are the same seed). */
  readonly masterSeed: string;

  constructor(masterSeed: number | string) {
    if (typeof masterSeed === 'number' && !Number.isFinite(masterSeed)) {
      throw new RangeError(`StreamFactory: master seed must be finite, got ${masterSeed}`);
    }
    this.masterSeed = String(masterSeed);
  }

  /**
   * Key for the stream family named by `parts`: seedrandom (ARC4, seeded by the
   * JSON of [masterSeed, ...parts]) then four int32() calls. Allocates; call it
   * once per agent/purpose per run, not per replicate.
   */
  key(...parts: (string | number)[]): StreamKey {
    const prng = seedrandom(JSON.stringify([this.masterSeed, ...parts]));
    const k = new Uint32Array(4);
    k[0] = prng.int32();
    k[1] = prng.int32();
    k[2] = prng.int32();
    k[3] = prng.int32();
    return k;
  }

  /**
   * Reseeds `rng` in place for (key, replicate) and returns it. No allocation.
   *
   * The replicate (an integer in [0, 2^53)) is folded into two key words, then
   * two rounds of a 4-lane Feistel-style network mix every word into every
   * other (each step `y ^= fmix32(x + c)` is invertible). The whole map is a
   * bijection of 128 bits, so for a fixed key distinct replicates always give
   * distinct states, and neighbouring replicates give unrelated states.
   */
  seed(key: StreamKey, replicate: number, rng: Rng): Rng {
    if (!(replicate >= 0 && replicate <= MAX_REPLICATE && Math.floor(replicate) === replicate)) {
      throw new RangeError(`StreamFactory.seed: replicate must be an integer in [0, 2^53), got ${replicate}`);
    }
    const lo = replicate >>> 0;
    const hi = ((replicate - lo) / 4294967296) >>> 0;
    let a = key[0] ^ lo;
    let b = key[1] ^ hi;
    let c = key[2] | 0;
    let d = key[3] | 0;
    // Round constants: fractional bits of the square roots of 2, 3, 5, 7 (SHA-2 initial words).
    for (let round = 0; round < 2; round++) {
      b ^= fmix32((a + 0x6a09e667) | 0);
      c ^= fmix32((b + 0xbb67ae85) | 0);
      d ^= fmix32((c + 0x3c6ef372) | 0);
      a ^= fmix32((d + 0xa54ff53a) | 0);
    }
    rng.reseed(a, b, c, d);
    return rng;
  }
}
