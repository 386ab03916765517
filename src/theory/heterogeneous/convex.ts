/**
 * A small primal–dual interior-point solver for smooth convex programs
 *
 *     minimize f(x)   s.t.   g_j(x) ≤ 0  (j = 1..J),   x_i ≥ 0  for every i with nonnegative[i]
 *
 * with analytic gradients and Hessians supplied by the caller. It is sized for the allocation
 * problems of seed 001 (d·m variables, a few hundred at most; dense Newton systems factored by a
 * Jacobi-scaled Cholesky on Float64Array, ~25 ms at 300 variables) and stops at a surrogate duality
 * gap ≤ 1e-12·|f| with a dual residual ≤ 1e-11 relative (or a Newton decrement ≤ the same gap).
 *
 * Method: Boyd & Vandenberghe, Convex Optimization (2004), §11.7 (Algorithm 11.2): Newton steps
 * on the modified KKT residual r_t(x, λ, ν), a fraction-to-boundary step on the multipliers,
 * backtracking to strict feasibility and then on ‖r_t‖. The bounds x_i ≥ 0 are the constraints
 * −x_i ≤ 0 with multipliers ν_i (diagonal terms only). t grows as μ·M/η̂ (η̂ the surrogate gap),
 * but only when the Newton decrement r_dualᵀH⁻¹r_dual is no larger than η̂; otherwise the step
 * re-centres at the same t. Because the line search uses residual norms, not barrier values, it
 * does not stall on round-off at large t the way a plain log-barrier method does.
 *
 * Requirements on the caller: f and every g_j are convex and twice differentiable on an open
 * domain that contains the strictly feasible start; value() returns +Infinity (or NaN) outside
 * the domain. The start must satisfy g_j(x) < 0 and x_i > 0 on bounded coordinates. Variables
 * that must be 0 (e.g. an infinite cost) should simply be left out of the program.
 *
 * API: solveConvex(program, options) → ConvexSolution (x, value, multipliers, gap);
 * kktReport(program, x, multipliers) → KktReport (an optimality certificate for any candidate);
 * solveSpd(H, b) (the linear solver, exported for testing).
 */
/** A twice-differentiable convex function of the whole variable vector. */
export interface ConvexFunction {
  /** f(x); +Infinity or NaN outside the domain. */
  value(x: readonly number[]): number;
  /** ∇f(x), length = dimension. */
  gradient(x: readonly number[]): number[];
  /** ∇²f(x), dense and symmetric, dimension × dimension. */
  hessian(x: readonly number[]): number[][];
  /**
   * Optional, for kktReport only: per coordinate, the size of the terms that make up ∂f/∂x_i
   * (e.g. |c| + σ²/N² for ∂(σ²/N + cn)/∂n), so that a stationarity residual can be judged
   * relative to them even where they cancel. Default: |∂f/∂x_i|.
   */
  gradientScale?(x: readonly number[]): number[];
  /**
   * Optional fast path for the solver: H += weight·∇²f(x), where H is the row-major
   * dimension × dimension matrix of which only the lower triangle (column ≤ row) is read.
   */
  addHessian?(x: readonly number[], weight: number, H: Float64Array): void;
}

export interface ConvexProgram {
  readonly dimension: number;
  readonly objective: ConvexFunction;
  /** Constraints g_j(x) ≤ 0. */
  readonly constraints: readonly ConvexFunction[];
  /** nonnegative[i] = true adds the bound x_i ≥ 0; default: every variable is bounded. */
  readonly nonnegative?: readonly boolean[];
  /** A strictly feasible start (g_j < 0, bounded x_i > 0, objective finite). */
  readonly start: readonly number[];
}

export interface SolveOptions {
  /** Stop when the surrogate gap η̂ ≤ max(absGapTol, relGapTol·|f(x)|). Default 1e-12. */
  readonly relGapTol?: number;
  /** Default 1e-14. */
  readonly absGapTol?: number;
  /** Stop also requires ‖r_dual‖∞ ≤ dualTol · (scale of the gradient terms). Default 1e-11. */
  readonly dualTol?: number;
  /** Barrier parameter growth μ (Boyd §11.7.2). Default 10. */
  readonly mu?: number;
  /** Maximum number of Newton iterations. Default 200. */
  readonly maxIterations?: number;
}

export interface ConvexSolution {
  readonly x: number[];
  readonly value: number;
  /** λ_j ≥ 0 for each constraint g_j. */
  readonly multipliers: number[];
  /** ν_i ≥ 0 for each bound x_i ≥ 0 (0 for free variables). */
  readonly boundMultipliers: number[];
  /** Final surrogate duality gap η̂ = Σ λ_j(−g_j) + Σ ν_i x_i (an upper bound on f(x) − f*, up to ‖r_dual‖). */
  readonly gap: number;
  readonly iterations: number;
}

export class ConvexSolverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConvexSolverError';
  }
}

interface Settings {
  relGapTol: number;
  absGapTol: number;
  dualTol: number;
  mu: number;
  maxIterations: number;
}

function settings(o: SolveOptions): Settings {
  return {
    relGapTol: o.relGapTol ?? 1e-12,
    absGapTol: o.absGapTol ?? 1e-14,
    dualTol: o.dualTol ?? 1e-11,
    mu: o.mu ?? 10,
    maxIterations: o.maxIterations ?? 200,
  };
}

function boundMask(p: ConvexProgram): boolean[] {
  const mask = p.nonnegative ? [...p.nonnegative] : new Array<boolean>(p.dimension).fill(true);
  if (mask.length !== p.dimension) throw new ConvexSolverError(`nonnegative has length ${mask.length}, expected ${p.dimension}`);
  return mask;
}

/** Strict feasibility: bounded coordinates > 0, every g_j < 0, f finite. */
function strictlyFeasible(p: ConvexProgram, mask: readonly boolean[], x: readonly number[]): boolean {
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    if (!Number.isFinite(xi) || (mask[i] && xi <= 0)) return false;
  }
  for (const g of p.constraints) if (!(g.value(x) < 0)) return false;
  return Number.isFinite(p.objective.value(x));
}

interface Point {
  x: number[];
  lam: number[];
  nu: number[]; // length = dimension; 0 on free coordinates
}

interface Residual {
  dual: number[];
  centLam: number[];
  centNu: number[];
  gvals: number[];
  grads: number[][];
  gradF: number[];
  norm: number;
}

/** r_t = (∇f + Σλ_j∇g_j − ν,  λ_j(−g_j) − 1/t,  ν_i x_i − 1/t).  Boyd (11.53) */
function residual(p: ConvexProgram, mask: readonly boolean[], pt: Point, t: number): Residual {
  const gradF = p.objective.gradient(pt.x);
  const gvals = p.constraints.map((g) => g.value(pt.x));
  const grads = p.constraints.map((g) => g.gradient(pt.x));
  const dual = gradF.slice();
  grads.forEach((gj, j) => {
    const l = pt.lam[j] as number;
    for (let i = 0; i < dual.length; i++) dual[i] = (dual[i] as number) + l * (gj[i] as number);
  });
  for (let i = 0; i < dual.length; i++) if (mask[i]) dual[i] = (dual[i] as number) - (pt.nu[i] as number);
  const centLam = gvals.map((g, j) => (pt.lam[j] as number) * -g - 1 / t);
  const centNu = pt.x.map((xi, i) => (mask[i] ? (pt.nu[i] as number) * xi - 1 / t : 0));
  let sq = 0;
  for (const v of dual) sq += v * v;
  for (const v of centLam) sq += v * v;
  for (const v of centNu) sq += v * v;
  return { dual, centLam, centNu, gvals, grads, gradF, norm: Math.sqrt(sq) };
}

/** η̂ = Σ λ_j(−g_j) + Σ ν_i x_i.  Boyd (11.59) */
function surrogateGap(pt: Point, gvals: readonly number[], mask: readonly boolean[]): number {
  let eta = 0;
  gvals.forEach((g, j) => (eta += (pt.lam[j] as number) * -g));
  pt.x.forEach((xi, i) => {
    if (mask[i]) eta += (pt.nu[i] as number) * xi;
  });
  return eta;
}

/** Solve the SPD system H·v = b (H dense, symmetric); see solveSpdMany. */
export function solveSpd(H: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const flat = new Float64Array(n * n);
  H.forEach((row, i) => row.forEach((v, j) => (flat[i * n + j] = v)));
  return solveSpdMany(flat, n, [b])[0] as number[];
}

/**
 * In-place Cholesky A = LLᵀ of the lower triangle of a row-major n×n matrix; false if a pivot is
 * not positive (the matrix is not numerically positive definite).  Golub & Van Loan, Alg. 4.2.1
 */
function choleskyInPlace(A: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = A[rj + j] as number;
    for (let k = 0; k < j; k++) d -= (A[rj + k] as number) ** 2; // l_jj² = a_jj − Σ_k l_jk²
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    A[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let v = A[ri + j] as number;
      for (let k = 0; k < j; k++) v -= (A[ri + k] as number) * (A[rj + k] as number); // l_ij = (a_ij − Σ_k l_ik l_jk)/l_jj
      A[ri + j] = v / ljj;
    }
  }
  return true;
}

/** Forward then back substitution with the factor from choleskyInPlace: L Lᵀ y = b. */
function choleskySolve(L: Float64Array, n: number, b: readonly number[]): number[] {
  const y = [...b];
  for (let i = 0; i < n; i++) {
    let v = y[i] as number;
    for (let k = 0; k < i; k++) v -= (L[i * n + k] as number) * (y[k] as number);
    y[i] = v / (L[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let v = y[i] as number;
    for (let k = i + 1; k < n; k++) v -= (L[k * n + i] as number) * (y[k] as number);
    y[i] = v / (L[i * n + i] as number);
  }
  return y;
}

/**
 * Solve H·v = b for several right-hand sides with one factorisation. Only the lower triangle of the
 * row-major H is read. Symmetric Jacobi scaling D^{-1/2} H D^{-1/2} first (the barrier terms make
 * the diagonal span many orders of magnitude), then a growing ridge if a pivot fails.
 */
function solveSpdMany(H: Float64Array, n: number, bs: readonly (readonly number[])[]): number[][] {
  const s = Array.from({ length: n }, (_, i) => {
    const d = Math.abs(H[i * n + i] as number);
    return d > 0 && Number.isFinite(d) ? 1 / Math.sqrt(d) : 1;
  });
  const rhs = bs.map((b) => b.map((v, i) => v * (s[i] as number)));
  for (let ridge = 0; ridge < 1e-2; ridge = ridge === 0 ? 1e-14 : ridge * 100) {
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) A[i * n + j] = (H[i * n + j] as number) * (s[i] as number) * (s[j] as number);
      A[i * n + i] = (A[i * n + i] as number) + ridge;
    }
    if (!choleskyInPlace(A, n)) continue;
    const out = rhs.map((b) => choleskySolve(A, n, b).map((v, i) => v * (s[i] as number)));
    if (out.every((v) => v.every(Number.isFinite))) return out;
  }
  throw new ConvexSolverError('Newton system is not positive definite (is the problem convex and bounded?)');
}

/** H += w·∇²f(x) on the lower triangle (row-major), through addHessian when f provides it. */
function accumulateHessian(f: ConvexFunction, x: readonly number[], w: number, H: Float64Array, n: number): void {
  if (w === 0) return;
  if (f.addHessian) {
    f.addHessian(x, w, H);
    return;
  }
  const Hf = f.hessian(x);
  for (let a = 0; a < n; a++) {
    const row = Hf[a] as number[];
    for (let b = 0; b <= a; b++) H[a * n + b] = (H[a * n + b] as number) + w * (row[b] as number);
  }
}

/**
 * The reduced Newton system of the primal–dual method (Boyd (11.55)):
 *   [∇²f + Σλ_j∇²g_j + Σ(λ_j/−g_j)∇g_j∇g_jᵀ + diag(ν/x)] Δx = −∇f − (1/t)·(Σ∇g_j/(−g_j) − Σ e_i/x_i).
 * The matrix does not depend on t, so it is factored once and solved for −∇f, for the barrier
 * gradient and for r_dual; the caller then picks t and combines: Δx = vF + vB/t.
 */
interface NewtonSystem {
  vF: number[];
  vB: number[];
  /** r_dualᵀ H⁻¹ r_dual: second-order estimate of how much f can still fall at fixed λ (Newton decrement²). Boyd §9.5.1 */
  decrement: number;
}

function newtonSystem(p: ConvexProgram, mask: readonly boolean[], pt: Point, r: Residual): NewtonSystem {
  const n = p.dimension;
  const H = new Float64Array(n * n);
  accumulateHessian(p.objective, pt.x, 1, H, n);
  const rhsF = r.gradF.map((v) => -v);
  const rhsB = new Array<number>(n).fill(0);
  p.constraints.forEach((g, j) => {
    const neg = -(r.gvals[j] as number);
    const l = pt.lam[j] as number;
    const gj = Float64Array.from(r.grads[j] as number[]);
    accumulateHessian(g, pt.x, l, H, n);
    const w = l / neg;
    for (let a = 0; a < n; a++) {
      const ga = gj[a] as number;
      rhsB[a] = (rhsB[a] as number) - ga / neg;
      if (ga === 0) continue;
      const wa = w * ga;
      const ra = a * n;
      for (let b = 0; b <= a; b++) H[ra + b] = (H[ra + b] as number) + wa * (gj[b] as number);
    }
  });
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const xi = pt.x[i] as number;
    H[i * n + i] = (H[i * n + i] as number) + (pt.nu[i] as number) / xi;
    rhsB[i] = (rhsB[i] as number) + 1 / xi;
  }
  const [vF, vB, vD] = solveSpdMany(H, n, [rhsF, rhsB, r.dual]) as [number[], number[], number[]];
  const decrement = r.dual.reduce((acc, v, i) => acc + v * (vD[i] as number), 0);
  return { vF, vB, decrement };
}

/** Δx = vF + vB/t, Δλ_j = −λ_j + 1/(t(−g_j)) + λ_j∇g_j·Δx/(−g_j), Δν_i = −ν_i + 1/(t x_i) − ν_iΔx_i/x_i.  Boyd (11.54) */
function newtonDirection(mask: readonly boolean[], pt: Point, r: Residual, sys: NewtonSystem, t: number): Point {
  const dx = sys.vF.map((v, i) => v + (sys.vB[i] as number) / t);
  const dlam = pt.lam.map((l, j) => {
    const neg = -(r.gvals[j] as number);
    const gj = r.grads[j] as number[];
    let gd = 0;
    for (let a = 0; a < dx.length; a++) gd += (gj[a] as number) * (dx[a] as number);
    return -l + 1 / (t * neg) + (l * gd) / neg;
  });
  const dnu = pt.x.map((xi, i) => (mask[i] ? -(pt.nu[i] as number) + 1 / (t * xi) - ((pt.nu[i] as number) * (dx[i] as number)) / xi : 0));
  return { x: dx, lam: dlam, nu: dnu };
}

function step(pt: Point, d: Point, s: number): Point {
  return {
    x: pt.x.map((v, i) => v + s * (d.x[i] as number)),
    lam: pt.lam.map((v, i) => v + s * (d.lam[i] as number)),
    nu: pt.nu.map((v, i) => v + s * (d.nu[i] as number)),
  };
}

/** Largest s ≤ 1 keeping λ + sΔλ ≥ 0 and ν + sΔν ≥ 0 (fraction-to-boundary).  Boyd (11.56) */
function maxDualStep(pt: Point, d: Point, mask: readonly boolean[]): number {
  let s = 1;
  pt.lam.forEach((l, j) => {
    const dl = d.lam[j] as number;
    if (dl < 0) s = Math.min(s, -l / dl);
  });
  pt.nu.forEach((v, i) => {
    const dv = d.nu[i] as number;
    if (mask[i] && dv < 0) s = Math.min(s, -v / dv);
  });
  return s;
}

function dualScale(r: Residual, pt: Point): number {
  let scale = 0;
  for (const v of r.gradF) scale = Math.max(scale, Math.abs(v));
  r.grads.forEach((gj, j) => {
    for (const v of gj) scale = Math.max(scale, (pt.lam[j] as number) * Math.abs(v));
  });
  return scale > 0 ? scale : 1;
}

function maxAbs(v: readonly number[]): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/**
 * Solve a convex program by the primal–dual interior-point method (Boyd & Vandenberghe §11.7).
 * Throws ConvexSolverError if the start is not strictly feasible or the method does not converge.
 */
export function solveConvex(p: ConvexProgram, options: SolveOptions = {}): ConvexSolution {
  const o = settings(options);
  const mask = boundMask(p);
  const x0 = [...p.start];
  if (x0.length !== p.dimension) throw new ConvexSolverError(`start has length ${x0.length}, expected ${p.dimension}`);
  if (!strictlyFeasible(p, mask, x0)) throw new ConvexSolverError('start is not strictly feasible');
  const M = p.constraints.length + mask.filter(Boolean).length;
  const f0 = p.objective.value(x0);
  const lamScale = Math.max(Math.abs(f0), 1) / Math.max(M, 1);
  const g0 = p.constraints.map((g) => g.value(x0));
  let pt: Point = {
    x: x0,
    lam: g0.map((g) => lamScale / -g),
    nu: x0.map((xi, i) => (mask[i] ? lamScale / xi : 0)),
  };
  let t = M > 0 ? M / surrogateGap(pt, g0, mask) : 1;
  for (let it = 0; it < o.maxIterations; it++) {
    const r = residual(p, mask, pt, 1); // gradients and r_dual (independent of t)
    const eta = surrogateGap(pt, r.gvals, mask);
    const fx = p.objective.value(pt.x);
    const tol = Math.max(o.absGapTol, o.relGapTol * Math.abs(fx));
    const sys = newtonSystem(p, mask, pt, r);
    const dualOk = maxAbs(r.dual) <= o.dualTol * dualScale(r, pt) || Math.abs(sys.decrement) <= tol;
    if (eta <= tol && dualOk) return finish(p, pt, mask, eta, it);
    // Boyd (11.59): t = μM/η̂, but only once the dual residual is no larger than the gap (measured by the
    // Newton decrement, in units of f); otherwise keep t and re-centre. This keeps λ from collapsing
    // onto a boundary point with the wrong multipliers. [impl choice, cf. IPOPT's barrier-update rule]
    if (M > 0 && Math.abs(sys.decrement) <= eta) t = Math.max(t, (o.mu * M) / eta);
    if (M === 0) t = 1 / tol;
    const d = newtonDirection(mask, pt, r, sys, t);
    const rt = residual(p, mask, pt, t);
    let s = 0.99 * maxDualStep(pt, d, mask);
    while (s > 1e-16 && !strictlyFeasible(p, mask, step(pt, d, s).x)) s *= 0.5;
    while (s > 1e-16 && residual(p, mask, step(pt, d, s), t).norm > (1 - 0.01 * s) * rt.norm) s *= 0.5;
    if (s <= 1e-16) {
      // no representable progress: accept if within 1000× the tolerances, else fail loudly
      if (eta <= 1e3 * tol && (maxAbs(r.dual) <= 1e3 * o.dualTol * dualScale(r, pt) || Math.abs(sys.decrement) <= 1e3 * tol)) return finish(p, pt, mask, eta, it);
      throw new ConvexSolverError(`line search failed at iteration ${it} (gap ${eta.toExponential(3)}, decrement ${sys.decrement.toExponential(3)})`);
    }
    pt = step(pt, d, s);
  }
  throw new ConvexSolverError(`no convergence in ${o.maxIterations} iterations`);
}

function finish(p: ConvexProgram, pt: Point, mask: readonly boolean[], eta: number, it: number): ConvexSolution {
  return {
    x: pt.x,
    value: p.objective.value(pt.x),
    multipliers: pt.lam,
    boundMultipliers: pt.nu.map((v, i) => (mask[i] ? v : 0)),
    gap: eta,
    iterations: it,
  };
}

export interface KktReport {
  /** max_j max(g_j(x), 0) and max over bounded i of max(−x_i, 0). */
  readonly primalViolation: number;
  /** Most negative constraint multiplier (as a positive number; 0 if all λ_j ≥ 0). */
  readonly dualViolation: number;
  /** max_j |λ_j g_j(x)|. */
  readonly complementarity: number;
  /**
   * Stationarity of L = f + Σλ_j g_j with reduced costs ν = ∂L/∂x as the bound multipliers:
   * |∂L/∂x_i| where x_i > 0 or i is free, max(−∂L/∂x_i, 0) where x_i = 0, each divided by the
   * coordinate's scale: gradientScale (default |∂f/∂x_i|) of f plus Σ λ_j × that of g_j.
   */
  readonly stationarity: number;
}

/**
 * KKT certificate of a candidate (x, λ) — x may lie on the bounds (x_i = 0 exactly).
 * For a convex program, all four numbers ≈ 0 prove x optimal (Boyd §5.5.3).
 */
export function kktReport(p: ConvexProgram, x: readonly number[], multipliers: readonly number[]): KktReport {
  const mask = boundMask(p);
  const gvals = p.constraints.map((g) => g.value(x));
  const grads = p.constraints.map((g) => g.gradient(x));
  const gradF = p.objective.gradient(x);
  const termScale = (f: ConvexFunction, grad: readonly number[]): number[] => (f.gradientScale ? f.gradientScale(x) : grad.map(Math.abs));
  const scaleF = termScale(p.objective, gradF);
  const scaleG = p.constraints.map((g, j) => termScale(g, grads[j] as number[]));
  let primal = 0;
  gvals.forEach((g) => (primal = Math.max(primal, g)));
  x.forEach((xi, i) => {
    if (mask[i]) primal = Math.max(primal, -xi);
  });
  let dualV = 0;
  multipliers.forEach((l) => (dualV = Math.max(dualV, -l)));
  let comp = 0;
  gvals.forEach((g, j) => (comp = Math.max(comp, Math.abs((multipliers[j] as number) * g))));
  let stat = 0;
  for (let i = 0; i < p.dimension; i++) {
    let dl = gradF[i] as number;
    let scale = scaleF[i] as number;
    grads.forEach((gj, j) => {
      const l = multipliers[j] as number;
      dl += l * (gj[i] as number);
      scale += Math.abs(l) * ((scaleG[j] as number[])[i] as number);
    });
    const viol = mask[i] && (x[i] as number) === 0 ? Math.max(-dl, 0) : Math.abs(dl);
    stat = Math.max(stat, viol / (scale > 0 ? scale : 1));
  }
  return { primalViolation: primal, dualViolation: dualV, complementarity: comp, stationarity: stat };
}
