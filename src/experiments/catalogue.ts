import type { PublicInfo } from '../core/public-info.js';
import type { StrategyRef } from '../engine/arena.js';

/** One row of the deviation catalogue of spec/002 (D1–D7), instantiated for an instance. */
export interface CatalogueEntry {
  readonly id: string;
  readonly what: string;
  readonly deviation: StrategyRef;
}

/**
 * The deviations the talk lists (spec/002 §2, D1–D7) plus the f/h
 * alterations of spec/000 §5, with parameters scaled to the instance.
 */
export function deviationCatalogue(info: PublicInfo): CatalogueEntry[] {
  const n = info.nRecommended;
  const sigma = info.instance.sigma;
  return [
    { id: 'D1', what: 'free-ride', deviation: { name: 'free-ride' } },
    { id: 'D2', what: `under-collect n=${Math.floor(n / 2)}`, deviation: { name: 'under-collect', params: { n: Math.floor(n / 2) } } },
    { id: 'D3', what: 'fabricate-and-discard k=0', deviation: { name: 'fabricate-and-discard', params: { k: 0 } } },
    { id: 'D4', what: `resample-from-fit k=1, K=${n}`, deviation: { name: 'resample-from-fit', params: { k: 1, K: n } } },
    { id: 'D5', what: 'constant-estimator μ0=0', deviation: { name: 'constant-estimator', params: { mu0: 0, n: 0 } } },
    { id: 'D6', what: `add-noise τ=${sigma}`, deviation: { name: 'add-noise', params: { tau: sigma } } },
    { id: 'D6', what: `shift δ=${sigma / 2}`, deviation: { name: 'shift', params: { delta: sigma / 2 } } },
    { id: 'D6', what: 'shrink λ=0.5', deviation: { name: 'shrink', params: { lambda: 0.5 } } },
    { id: 'D6', what: 'submit-nothing', deviation: { name: 'submit-nothing' } },
    { id: 'D6', what: 'plain-mean', deviation: { name: 'plain-mean' } },
    { id: 'D6', what: 'ignore-corrupted', deviation: { name: 'ignore-corrupted' } },
    { id: 'D7', what: `over-collect n=${2 * n}`, deviation: { name: 'under-collect', params: { n: 2 * n } } },
  ];
}
