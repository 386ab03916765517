import { InputError } from '../core/instance.js';
import { allocate, type AllocationRule } from '../theory/heterogeneous/allocations.js';
import { cblTheory, smTheory } from '../theory/heterogeneous/cbl.js';
import { loadInstanceFile } from '../theory/heterogeneous/instance-file.js';

/** JSON cannot hold ∞: infinite penalties are printed as "inf", as instance files write them. */
export const infinityAsText = (_k: string, v: unknown) => (v === Number.POSITIVE_INFINITY ? 'inf' : v);

/**
 * `arena theory cbl|sm --instance FILE`: the exact theory of seed 001's
 * mechanisms for the file's input allocation (a rule or a matrix).
 */
export function heterogeneousTheory(mechanism: string, file: string): Record<string, unknown> {
  const { instance, allocation } = loadInstanceFile(file);
  const n = typeof allocation === 'string' ? allocate(instance, allocation as AllocationRule) : allocation;
  const head = { mechanism, instance: file, sigma: instance.sigma, costs: instance.costs, inputAllocation: n };
  if (mechanism === 'cbl') return { ...head, ...cblTheory(instance, n) };
  if (mechanism === 'sm') return { ...head, ...smTheory(instance, n) };
  throw new InputError('--instance', `heterogeneous instances go with mechanism cbl or sm (got "${mechanism}")`);
}
