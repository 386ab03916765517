/**
 * The μ values, in units of σ, at which a strategy that is not translation-
 * equivariant is scored; its penalty is the worst of them (seed 000, eq. (3):
 * p_i = sup_μ E[(h_i − μ)²] + c·n_i). Spans ±10³σ (spec/000 §5), because at
 * a single μ a constant estimator looks optimal (spec/002 D5).
 */
export const MU_GRID_SIGMAS: readonly number[] = [0, 0.1, -0.1, 1, -1, 10, -10, 100, -100, 1000, -1000];

/** The single μ used for profiles whose every strategy is equivariant. */
export const EQUIVARIANT_MU: readonly number[] = [0];
