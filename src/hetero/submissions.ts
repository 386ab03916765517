import { SubmissionPool } from '../core/submission-pool.js';

/**
 * One round's submissions in the d-distribution family: a SubmissionPool per
 * distribution k holding Y_{1,k}, …, Y_{m,k}. Written by the round player,
 * read (never modified) by mechanisms.
 */
export class HeteroPool {
  readonly byK: readonly SubmissionPool[];

  constructor(
    readonly m: number,
    readonly d: number,
  ) {
    this.byK = Array.from({ length: d }, () => new SubmissionPool(m));
  }

  reset(): void {
    for (const p of this.byK) p.reset();
  }
}
