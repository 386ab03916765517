import type { Allocation } from './allocation.js';
import type { ReadonlyFloat64Array } from './data.js';

const EMPTY = new Float64Array(0) as ReadonlyFloat64Array;

/**
 * The preallocated buffers a mechanism writes one agent's allocation into.
 * The round player reuses one buffer for every agent and round. When
 * `materialize` is false the mechanism may leave the corrupted points
 * unwritten, but must still set corruptedLength and corruptedSum.
 */
export class AllocationBuffer {
  clean = new Float64Array(256);
  cleanLength = 0;
  cleanSum = 0;
  corrupted = new Float64Array(256);
  corruptedLength = 0;
  corruptedSum = 0;
  eta2 = 0;
  deployed: number | null = null;
  /** Whether the agent's estimator reads the corrupted points (set by the round player). */
  materialize = true;

  reset(materialize = true): void {
    this.cleanLength = 0;
    this.cleanSum = 0;
    this.corruptedLength = 0;
    this.corruptedSum = 0;
    this.eta2 = 0;
    this.deployed = null;
    this.materialize = materialize;
  }

  /** Makes room for n clean points (contents are not kept). */
  reserveClean(n: number): Float64Array {
    if (this.clean.length < n) this.clean = new Float64Array(Math.max(n, 2 * this.clean.length));
    return this.clean;
  }

  /** Makes room for n corrupted points (contents are not kept). */
  reserveCorrupted(n: number): Float64Array {
    if (this.corrupted.length < n) this.corrupted = new Float64Array(Math.max(n, 2 * this.corrupted.length));
    return this.corrupted;
  }

  /** A read-only view for the agent. */
  view(): Allocation {
    return {
      clean: this.clean.subarray(0, this.cleanLength) as ReadonlyFloat64Array,
      corrupted: this.materialize ? (this.corrupted.subarray(0, this.corruptedLength) as ReadonlyFloat64Array) : EMPTY,
      cleanSum: this.cleanSum,
      corruptedSum: this.corruptedSum,
      corruptedCount: this.corruptedLength,
      eta2: this.eta2,
      deployed: this.deployed,
    };
  }
}
