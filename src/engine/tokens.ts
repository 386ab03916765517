/** The container's service identifiers, one registry of DI symbols (after sprotty's types.ts). */
export const TOKENS = {
  /** Multi-bound: every mechanism plugin. */
  Mechanism: Symbol.for('arena.Mechanism'),
  /** Multi-bound: every strategy plugin of the collaborative-estimation family. */
  Strategy: Symbol.for('arena.Strategy'),
  /** Multi-bound: every mechanism plugin of the d-distribution family (seed 001). */
  HeteroMechanism: Symbol.for('arena.HeteroMechanism'),
  /** Multi-bound: every strategy plugin of the d-distribution family (seed 001). */
  HeteroStrategy: Symbol.for('arena.HeteroStrategy'),
  HeteroArena: Symbol.for('arena.HeteroArena'),
  Registry: Symbol.for('arena.Registry'),
  Logger: Symbol.for('arena.Logger'),
  Events: Symbol.for('arena.Events'),
  Arena: Symbol.for('arena.Arena'),
} as const;
