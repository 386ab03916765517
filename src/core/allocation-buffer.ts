import type { Allocation } from './allocation.js';
import type { ReadonlyFloat64Array } from './data.js';

/**
 * The preallocated buffers a mechanism writes one agent's allocation into.
 * The round player reuses one buffer for every agent and round.
 */
export class AllocationBuffer {
  clean = new Float64Array(256);
  cleanLength = 0;
  corrupted = new Float64Array(256);
  corruptedLength = 0;
  eta2 = 0;
  deployed: number | null = null;

  reset(): void {
    this.cleanLength = 0;
    this.corruptedLength = 0;
    this.eta2 = 0;
    this.deployed = null;
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
      corrupted: this.corrupted.subarray(0, this.corruptedLength) as ReadonlyFloat64Array,
      eta2: this.eta2,
      deployed: this.deployed,
    };
  }
}
