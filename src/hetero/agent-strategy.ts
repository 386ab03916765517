import type { StrategyMeta } from '../core/strategy.js';
import { bindParts } from '../engine/agent-strategy.js';
import type { HeteroInfo, SimInstance } from './info.js';
import type { HeteroMechanismRun } from './mechanism.js';
import type { HeteroPlay, HeteroStrategyPlugin } from './strategy.js';

/** A d-distribution strategy bound to parameters, a mechanism and an agent. */
export interface HeteroAgentStrategy {
  readonly plugin: HeteroStrategyPlugin;
  readonly params: Readonly<Record<string, number>>;
  readonly label: string;
  readonly play: HeteroPlay;
  readonly meta: StrategyMeta;
  readonly info: HeteroInfo;
}

export function heteroInfo(inst: SimInstance, run: HeteroMechanismRun, agent: number): HeteroInfo {
  return Object.freeze({
    instance: inst,
    agent,
    mechanism: run.mechanism,
    nStar: Object.freeze([...run.nStar[agent]]),
    nRecommended: Object.freeze([...run.nRecommended[agent]]),
    costs: Object.freeze([...inst.costs[agent]]),
    recommendedEstimate: run.recommended.estimate,
  });
}

/** Binds `plugin` with parameters `given` for `agent` under `run`; the parts it leaves out come from the recommended play. */
export function bindHeteroStrategy(
  plugin: HeteroStrategyPlugin,
  given: Readonly<Record<string, number>>,
  inst: SimInstance,
  run: HeteroMechanismRun,
  agent: number,
): HeteroAgentStrategy {
  const info = heteroInfo(inst, run, agent);
  return { plugin, ...bindParts<HeteroInfo, HeteroPlay>(plugin, given, info, run.recommended, run.recommendedMeta), info };
}
