/**
 * The heterogeneous model of seed 001: m agents, d distributions N(μ_k, σ²),
 * agent i pays costs[i][k] per sample of distribution k (Infinity: she
 * cannot sample it). An allocation n[i][k] is how many points agent i
 * collects from distribution k (continuous, as in the paper's examples).
 */
export interface HeteroInstance {
  readonly sigma: number;
  /** costs[i][k] ∈ (0, ∞]; Infinity means agent i cannot sample distribution k. */
  readonly costs: readonly (readonly number[])[];
}

export type Allocation = number[][];

export function dims(inst: HeteroInstance): { m: number; d: number } {
  return { m: inst.costs.length, d: inst.costs[0]?.length ?? 0 };
}
