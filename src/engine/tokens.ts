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
  /** Multi-bound: every mechanism plugin of the data marketplace (seed 003). */
  MarketMechanism: Symbol.for('arena.MarketMechanism'),
  /** Multi-bound: every contributor strategy plugin of the data marketplace (seed 003). */
  MarketStrategy: Symbol.for('arena.MarketStrategy'),
  /** Multi-bound: buyer valuation kinds added by plugins (seed 003 §1.2). */
  ValuationKind: Symbol.for('arena.ValuationKind'),
  MarketArena: Symbol.for('arena.MarketArena'),
  /** Multi-bound: every report-strategy plugin of the quality-pricing family (seed 004). */
  ReportStrategy: Symbol.for('arena.ReportStrategy'),
  Registry: Symbol.for('arena.Registry'),
  Logger: Symbol.for('arena.Logger'),
  Events: Symbol.for('arena.Events'),
  Arena: Symbol.for('arena.Arena'),
} as const;
