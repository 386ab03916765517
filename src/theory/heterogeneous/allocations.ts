/**
 * Divisions of the data-collection work of seed 001 (Clinton et al., ICML 2025), spec/001 §1–§2.3:
 * working alone (Fact 1), the sample-mean penalties (Fact 2), the unconstrained social optimum,
 * the IR-constrained efficiency baseline n^OPT (eq. (7)) and the bargaining solutions of §6 / App. C
 * (Nash, egalitarian, Kalai–Smorodinsky). The convex programs are solved by ./convex.ts; every
 * solver result comes with the program and multipliers so that checkKkt can certify it.
 *
 * Conventions: agents and distributions are 0-indexed here (the spec is 1-indexed); costs may be
 * Infinity (the agent cannot sample that distribution; her n there is fixed at 0 and 0·∞ = 0).
 */
import { type ConvexFunction, type ConvexProgram, type KktReport, kktReport, solveConvex } from './convex.js';
import { type Allocation, type HeteroInstance, dims } from './types.js';

export type AllocationRule = 'opt' | 'nash' | 'egalitarian' | 'ks' | 'social' | 'alone';
export const ALLOCATION_RULES: readonly AllocationRule[] = ['opt', 'nash', 'egalitarian', 'ks', 'social', 'alone'];
/** The rules computed by a convex program. */
export type SolverRule = 'opt' | 'nash' | 'egalitarian' | 'ks';

/** Entries below SNAP_RELATIVE × (the distribution's total) are set to exactly 0. spec/001 §2.2 */
export const SNAP_RELATIVE = 1e-6;

// ───────────────────────────── validation and closed forms ─────────────────────────────

/** Throws unless σ > 0 is finite, costs form an m×d matrix (m, d ≥ 1) in (0, ∞], and every distribution is sampleable (c ∈ 𝒞). */
export function assertInstance(inst: HeteroInstance): void {
  const { m, d } = dims(inst);
  if (!(Number.isFinite(inst.sigma) && inst.sigma > 0)) throw new Error(`sigma must be a finite number > 0 (got ${inst.sigma})`);
  if (m < 1 || d < 1) throw new Error(`costs must be a non-empty m×d matrix (got ${m}×${d})`);
  inst.costs.forEach((row, i) => {
    if (row.length !== d) throw new Error(`costs[${i}] has ${row.length} entries, expected ${d}`);
    row.forEach((c, k) => {
      if (!(c > 0)) throw new Error(`costs[${i}][${k}] must be > 0 or Infinity (got ${c})`);
    });
  });
  for (let k = 0; k < d; k++) {
    if (inst.costs.every((row) => row[k] === Infinity)) throw new Error(`distribution ${k} cannot be sampled by any agent (c ∉ 𝒞)`);
  }
}

function assertAllocationShape(inst: HeteroInstance, n: Allocation): void {
  const { m, d } = dims(inst);
  if (n.length !== m) throw new Error(`allocation has ${n.length} rows, expected ${m}`);
  n.forEach((row, i) => {
    if (row.length !== d) throw new Error(`allocation[${i}] has ${row.length} entries, expected ${d}`);
    row.forEach((v, k) => {
      if (!(v >= 0 && Number.isFinite(v))) throw new Error(`allocation[${i}][${k}] must be a finite number >= 0 (got ${v})`);
    });
  });
}

/** p_i^IND = 2σ Σ_k √c_{i,k}, ∞ if some c_{i,k} = ∞.  seed 001, Fact 1, eq. (4) */
export function soloPenalties(inst: HeteroInstance): number[] {
  assertInstance(inst);
  return inst.costs.map((row) => row.reduce((s, c) => s + 2 * inst.sigma * Math.sqrt(c), 0)); // seed 001, eq. (4) (√∞ = ∞)
}

/** n^IND_{i,k} = σ/√c_{i,k}, 0 where c = ∞.  seed 001, §A.1 (Fact 1) */
export function soloAllocation(inst: HeteroInstance): Allocation {
  assertInstance(inst);
  return inst.costs.map((row) => row.map((c) => (c === Infinity ? 0 : inst.sigma / Math.sqrt(c)))); // seed 001 §A.1: argmin σ²/n + cn
}

/** N_k = Σ_i n_{i,k}.  seed 001, Fact 2 */
export function totals(n: Allocation): number[] {
  const d = n[0]?.length ?? 0;
  return Array.from({ length: d }, (_, k) => n.reduce((s, row) => s + (row[k] as number), 0)); // seed 001, eq. (5): Σ_j n_{j,k}
}

/** p_i(M_SM, s_n^COM) = Σ_k (σ²/N_k + c_{i,k} n_{i,k}), 0·∞ = 0, N_k = 0 gives ∞.  seed 001, Fact 2 */
export function smPenalties(inst: HeteroInstance, n: Allocation): number[] {
  assertInstance(inst);
  assertAllocationShape(inst, n);
  const N = totals(n);
  const s2 = inst.sigma * inst.sigma; // σ²
  return inst.costs.map((row, i) =>
    row.reduce((s, c, k) => {
      const nik = (n[i] as number[])[k] as number;
      const Nk = N[k] as number;
      return s + (Nk > 0 ? s2 / Nk : Infinity) + (nik === 0 ? 0 : c * nik); // seed 001, Fact 2 (0·∞ = 0)
    }, 0),
  );
}

/** P(M_SM, s_n^COM) = Σ_i p_i = Σ_k (mσ²/N_k + Σ_i c_{i,k} n_{i,k}).  seed 001, eq. (5) */
export function socialPenalty(inst: HeteroInstance, n: Allocation): number {
  return smPenalties(inst, n).reduce((a, b) => a + b, 0); // seed 001, eq. (5)
}

/** Unconstrained social optimum: per k the cheapest agent (lowest index on ties) collects σ√(m/c_min,k).  spec/001 §2.1 (erratum 4) */
export function socialOptimum(inst: HeteroInstance): Allocation {
  assertInstance(inst);
  const { m, d } = dims(inst);
  const n = inst.costs.map((row) => row.map(() => 0));
  for (let k = 0; k < d; k++) {
    let best = 0;
    for (let i = 1; i < m; i++) if (((inst.costs[i] as number[])[k] as number) < ((inst.costs[best] as number[])[k] as number)) best = i;
    const cmin = (inst.costs[best] as number[])[k] as number;
    (n[best] as number[])[k] = inst.sigma * Math.sqrt(m / cmin); // seed 001 §C, corrected by spec/001 §0 erratum 4: σ√(m/c_min)
  }
  return n;
}

/**
 * True when 𝒩 (eq. (10)) is the single point n^IND: one agent has finite p^IND and no other agent
 * can sample anything (or m = 1). Her IR then pins n_i = n^IND_i [derived, spec/001 §2.3].
 */
function pinnedToSolo(inst: HeteroInstance): boolean {
  const pind = soloPenalties(inst);
  return pind.some((p, i) => Number.isFinite(p) && inst.costs.every((row, j) => j === i || row.every((c) => c === Infinity)));
}

// ───────────────────────────── the convex programs ─────────────────────────────

/** Solver variables: the finite-cost entries (i, k) in row-major order, followed by `aux` auxiliary scalars. */
interface Layout {
  readonly inst: HeteroInstance;
  readonly vars: readonly { i: number; k: number; c: number }[];
  /** Indices of the variables of distribution k. */
  readonly byK: readonly number[][];
  readonly dim: number;
}

function layout(inst: HeteroInstance, aux: number): Layout {
  const { d } = dims(inst);
  const vars: { i: number; k: number; c: number }[] = [];
  const byK: number[][] = Array.from({ length: d }, () => []);
  inst.costs.forEach((row, i) =>
    row.forEach((c, k) => {
      if (c === Infinity) return;
      (byK[k] as number[]).push(vars.length);
      vars.push({ i, k, c });
    }),
  );
  return { inst, vars, byK, dim: vars.length + aux };
}

function varTotals(L: Layout, x: readonly number[]): number[] {
  return L.byK.map((idx) => idx.reduce((s, v) => s + (x[v] as number), 0)); // N_k, seed 001 eq. (5)
}

/** h(x) = a Σ_k σ²/N_k + lin·x + constant: every penalty-like function of eq. (7) and §6 has this form. */
interface RecipSpec {
  readonly a: number;
  readonly lin: readonly number[];
  readonly constant: number;
}

function recipFunction(L: Layout, spec: RecipSpec): ConvexFunction {
  const s2 = L.inst.sigma * L.inst.sigma; // σ²
  return {
    value(x) {
      const N = varTotals(L, x);
      if (spec.a !== 0 && N.some((v) => !(v > 0))) return Infinity;
      let v = spec.constant;
      if (spec.a !== 0) for (const Nk of N) v += (spec.a * s2) / Nk; // seed 001, eq. (5)/(7): σ²/Σ_j n_{j,k}
      for (let q = 0; q < L.dim; q++) v += (spec.lin[q] as number) * (x[q] as number); // Σ c_{i,k} n_{i,k} (+ aux terms)
      return v;
    },
    gradient(x) {
      const N = varTotals(L, x);
      const g = [...spec.lin];
      if (spec.a !== 0) {
        L.byK.forEach((idx, k) => {
          for (const q of idx) g[q] = (g[q] as number) - (spec.a * s2) / (N[k] as number) ** 2; // ∂(aσ²/N_k)/∂n_{j,k} = −aσ²/N_k² [derived]
        });
      }
      return g;
    },
    gradientScale(x) {
      const N = varTotals(L, x);
      const g = spec.lin.map(Math.abs);
      if (spec.a !== 0) L.byK.forEach((idx, k) => idx.forEach((q) => (g[q] = (g[q] as number) + (Math.abs(spec.a) * s2) / (N[k] as number) ** 2)));
      return g;
    },
    hessian(x) {
      const N = varTotals(L, x);
      const H = Array.from({ length: L.dim }, () => new Array<number>(L.dim).fill(0));
      if (spec.a !== 0) {
        L.byK.forEach((idx, k) => {
          const h = (2 * spec.a * s2) / (N[k] as number) ** 3; // ∂²(aσ²/N_k)/∂n∂n' = 2aσ²/N_k³ on block k [derived]
          for (const p of idx) for (const q of idx) (H[p] as number[])[q] = h;
        });
      }
      return H;
    },
    addHessian(x, weight, H) {
      if (spec.a === 0) return;
      const N = varTotals(L, x);
      L.byK.forEach((idx, k) => {
        const h = (weight * 2 * spec.a * s2) / (N[k] as number) ** 3; // 2aσ²/N_k³ on block k [derived]
        for (const p of idx) for (const q of idx) if (q <= p) H[p * L.dim + q] = (H[p * L.dim + q] as number) + h;
      });
    },
  };
}

/** Coefficients c_{i,k} on agent i's variables (or on every variable when i = 'all'), 0 on aux. */
function costVector(L: Layout, i: number | 'all'): number[] {
  const lin = new Array<number>(L.dim).fill(0);
  L.vars.forEach((v, q) => {
    if (i === 'all' || v.i === i) lin[q] = v.c;
  });
  return lin;
}

/** p_i(n) − shift (+ auxCoef·x_aux).  seed 001, Fact 2 */
function agentPenalty(L: Layout, i: number, shift: number, aux?: { index: number; coef: number }): ConvexFunction {
  const lin = costVector(L, i);
  if (aux) lin[aux.index] = aux.coef;
  return recipFunction(L, { a: 1, lin, constant: -shift });
}

/** −Σ_{q ≥ first} log x_q over the aux block (the gains s_i of the Nash program). seed 001 §C (NB) */
function negLogSum(L: Layout, first: number): ConvexFunction {
  return {
    value(x) {
      let v = 0;
      for (let q = first; q < L.dim; q++) {
        const xq = x[q] as number;
        if (!(xq > 0)) return Infinity;
        v -= Math.log(xq); // seed 001 §C: log Π_i (p_i^IND − p_i) = Σ_i log s_i with s_i ≤ gain_i
      }
      return v;
    },
    gradient(x) {
      return x.map((xq, q) => (q >= first ? -1 / xq : 0)); // ∂(−log s)/∂s = −1/s
    },
    hessian(x) {
      const H = Array.from({ length: L.dim }, () => new Array<number>(L.dim).fill(0));
      for (let q = first; q < L.dim; q++) (H[q] as number[])[q] = 1 / (x[q] as number) ** 2; // ∂²(−log s)/∂s² = 1/s²
      return H;
    },
    addHessian(x, weight, H) {
      for (let q = first; q < L.dim; q++) H[q * L.dim + q] = (H[q * L.dim + q] as number) + weight / (x[q] as number) ** 2; // 1/s²
    },
  };
}

/** IR constraints p_i(n) ≤ p_i^IND for every agent with finite p_i^IND.  seed 001, eq. (7)/(10) */
function irConstraints(L: Layout, pind: readonly number[]): ConvexFunction[] {
  return pind.flatMap((p, i) => (Number.isFinite(p) ? [agentPenalty(L, i, p)] : []));
}

/** n^IND on the variables, then the given aux values: strictly inside 𝒩 unless pinnedToSolo [derived]. */
function soloStart(L: Layout, aux: readonly number[]): number[] {
  return [...L.vars.map((v) => L.inst.sigma / Math.sqrt(v.c)), ...aux];
}

function toAllocation(L: Layout, x: readonly number[]): Allocation {
  const n = L.inst.costs.map((row) => row.map(() => 0));
  L.vars.forEach((v, q) => ((n[v.i] as number[])[v.k] = x[q] as number));
  return n;
}

/** Entries below SNAP_RELATIVE·N_k become exactly 0.  spec/001 §2.2 */
function snap(L: Layout, x: readonly number[]): number[] {
  const N = varTotals(L, x);
  return x.map((v, q) => (q < L.vars.length && v < SNAP_RELATIVE * (N[(L.vars[q] as { k: number }).k] as number) ? 0 : v));
}

/** A solver result with what is needed to certify it (checkKkt). */
export interface SolvedAllocation {
  readonly rule: SolverRule;
  readonly allocation: Allocation;
  /** The program over x = (finite-cost n_{i,k} in row-major order, then aux: s_1..s_m for nash, t for egalitarian, λ for ks). */
  readonly program: ConvexProgram;
  /** Snapped optimum (aux recomputed so the snapped point stays feasible). */
  readonly x: number[];
  /** Constraint multipliers from the interior-point method, in program order. */
  readonly multipliers: number[];
  /** Surrogate duality gap at the unsnapped optimum. */
  readonly gap: number;
  readonly iterations: number;
}

function program(inst: HeteroInstance, rule: SolverRule, utopia?: readonly number[]): { L: Layout; prog: ConvexProgram } {
  const pind = soloPenalties(inst);
  const m = dims(inst).m;
  if (rule === 'opt') {
    const L = layout(inst, 0);
    // seed 001, eq. (7): min Σ_k (mσ²/N_k + Σ_i c n) s.t. IR
    return { L, prog: { dimension: L.dim, objective: recipFunction(L, { a: m, lin: costVector(L, 'all'), constant: 0 }), constraints: irConstraints(L, pind), start: soloStart(L, []) } };
  }
  if (rule === 'nash') {
    const L = layout(inst, m);
    const first = L.dim - m;
    const startPen = smPenalties(inst, soloAllocation(inst));
    // seed 001 §C: n^NB = argmax Π_i (p_i^IND − p_i), in epigraph form: min −Σ log s_i s.t. p_i(n) − p_i^IND + s_i ≤ 0
    const constraints = pind.map((p, i) => agentPenalty(L, i, p, { index: first + i, coef: 1 }));
    const nonnegative = Array.from({ length: L.dim }, (_, q) => q < first);
    const s0 = pind.map((p, i) => 0.5 * (p - (startPen[i] as number))); // [impl] s_i = gain_i(n^IND)/2 > 0: strictly feasible start
    return { L, prog: { dimension: L.dim, objective: negLogSum(L, first), constraints, nonnegative, start: soloStart(L, s0) } };
  }
  if (rule === 'egalitarian') {
    const L = layout(inst, 1);
    const t = L.dim - 1;
    const startPen = smPenalties(inst, soloAllocation(inst));
    const lin = new Array<number>(L.dim).fill(0);
    lin[t] = 1;
    // seed 001 §C: n^EB = argmin_n max_i p_i, as min t s.t. p_i ≤ t (spec/001 §2.3), over n ∈ 𝒩 (eq. (10))
    const constraints = [...pind.map((_, i) => agentPenalty(L, i, 0, { index: t, coef: -1 })), ...irConstraints(L, pind)];
    const nonnegative = Array.from({ length: L.dim }, (_, q) => q !== t);
    return { L, prog: { dimension: L.dim, objective: recipFunction(L, { a: 0, lin, constant: 0 }), constraints, nonnegative, start: soloStart(L, [2 * Math.max(...startPen)]) } }; // [impl] start t = 2·max_i p_i(n^IND)
  }
  const L = layout(inst, 1);
  const lamIx = L.dim - 1;
  const best = utopia ?? ksUtopia(inst);
  const range = pind.map((p, i) => p - (best[i] as number)); // spec/001 §2.3: p_i^IND − p_i^best
  const startPen = smPenalties(inst, soloAllocation(inst));
  const lam0 = 0.5 * Math.min(...pind.map((p, i) => (p - (startPen[i] as number)) / (range[i] as number))); // [impl] half the λ of n^IND: strictly feasible
  const lin = new Array<number>(L.dim).fill(0);
  lin[lamIx] = -1;
  // spec/001 §2.3 [derived KS]: max λ s.t. p_i^IND − p_i(n) ≥ λ(p_i^IND − p_i^best)
  const constraints = pind.map((p, i) => agentPenalty(L, i, p, { index: lamIx, coef: range[i] as number }));
  const nonnegative = Array.from({ length: L.dim }, (_, q) => q !== lamIx);
  return { L, prog: { dimension: L.dim, objective: recipFunction(L, { a: 0, lin, constant: 0 }), constraints, nonnegative, start: soloStart(L, [lam0]) } };
}

/** After snapping, reset the aux variables so the snapped point is feasible: t = max p_i, λ = min gain_i/range_i, s_i = gain_i. */
function refreshAux(inst: HeteroInstance, rule: SolverRule, L: Layout, x: number[], utopia?: readonly number[]): number[] {
  if (rule === 'opt') return x;
  const p = smPenalties(inst, toAllocation(L, x));
  const pind = soloPenalties(inst);
  const out = [...x];
  if (rule === 'egalitarian') out[L.dim - 1] = Math.max(...p); // t = max_i p_i (seed 001 §C, EB)
  else if (rule === 'ks') out[L.dim - 1] = Math.min(...pind.map((q, i) => (q - (p[i] as number)) / (q - ((utopia as number[])[i] as number)))); // λ = min_i gain_i/(p^IND − p^best) (spec/001 §2.3)
  else pind.forEach((q, i) => (out[L.vars.length + i] = q - (p[i] as number))); // s_i = gain_i
  return out;
}

function requireFiniteSolo(inst: HeteroInstance, rule: string): void {
  const pind = soloPenalties(inst);
  const bad = pind.findIndex((p) => !Number.isFinite(p));
  if (bad >= 0) {
    throw new Error(`${rule}: agent ${bad} cannot sample every distribution, so p^IND_${bad} = ∞ and the ${rule} objective is undefined (seed 001 §C)`);
  }
}

/** Solve one of the convex rules and keep its certificate. Throws if 𝒩 is a single point (see pinnedToSolo) or p^IND = ∞ for nash/ks. */
export function solveAllocation(inst: HeteroInstance, rule: SolverRule): SolvedAllocation {
  assertInstance(inst);
  if (rule === 'nash' || rule === 'ks') requireFiniteSolo(inst, rule === 'nash' ? 'Nash bargaining' : 'Kalai–Smorodinsky');
  if (pinnedToSolo(inst)) throw new Error(`${rule}: 𝒩 is the single point n^IND (one agent is the only one able to sample); use soloAllocation`);
  const utopia = rule === 'ks' ? ksUtopia(inst) : undefined;
  const { L, prog } = program(inst, rule, utopia);
  const sol = solveConvex(prog);
  const x = refreshAux(inst, rule, L, snap(L, sol.x), utopia);
  return { rule, allocation: toAllocation(L, x), program: prog, x, multipliers: sol.multipliers, gap: sol.gap, iterations: sol.iterations };
}

/** KKT certificate of a solver result (convex.ts kktReport): all four numbers ≈ 0 prove optimality. */
export function checkKkt(s: SolvedAllocation): KktReport {
  return kktReport(s.program, s.x, s.multipliers);
}

/** p_i^best = min_{n∈𝒩} p_i(n), the KS utopia point.  spec/001 §2.3 [derived] */
export function ksUtopia(inst: HeteroInstance): number[] {
  requireFiniteSolo(inst, 'Kalai–Smorodinsky');
  if (pinnedToSolo(inst)) return soloPenalties(inst);
  const pind = soloPenalties(inst);
  const L = layout(inst, 0);
  return pind.map((_, i) => {
    // spec/001 §2.3: p_i^best = min p_i(n) s.t. n ∈ 𝒩 (eq. (10))
    const prog: ConvexProgram = { dimension: L.dim, objective: agentPenalty(L, i, 0), constraints: irConstraints(L, pind), start: soloStart(L, []) };
    return solveConvex(prog).value;
  });
}

/** n^OPT: min social penalty s.t. IR (IR vacuous where p^IND = ∞).  seed 001, eq. (7) */
export function optAllocation(inst: HeteroInstance): Allocation {
  assertInstance(inst);
  return pinnedToSolo(inst) ? soloAllocation(inst) : solveAllocation(inst, 'opt').allocation;
}

/** n^NB = argmax_n Π_i (p_i^IND − p_i(n)); throws if some p_i^IND = ∞.  seed 001 §C */
export function nashBargaining(inst: HeteroInstance): Allocation {
  assertInstance(inst);
  requireFiniteSolo(inst, 'Nash bargaining');
  return pinnedToSolo(inst) ? soloAllocation(inst) : solveAllocation(inst, 'nash').allocation;
}

/**
 * n^EB = argmin_{n∈𝒩} max_i p_i(n) (absolute penalties, as the paper defines it).  seed 001 §C
 * For d ≥ 2 (or tied costs) the argmin need not be unique; the interior-point method then returns a
 * point near the analytic centre of the optimal face. Assert penalties and max, not n (spec/001 §2.2).
 */
export function egalitarian(inst: HeteroInstance): Allocation {
  assertInstance(inst);
  return pinnedToSolo(inst) ? soloAllocation(inst) : solveAllocation(inst, 'egalitarian').allocation;
}

/** KS: max λ s.t. gain_i ≥ λ(p_i^IND − p_i^best); throws if some p_i^IND = ∞.  spec/001 §2.3 [derived] */
export function kalaiSmorodinsky(inst: HeteroInstance): Allocation {
  assertInstance(inst);
  requireFiniteSolo(inst, 'Kalai–Smorodinsky');
  return pinnedToSolo(inst) ? soloAllocation(inst) : solveAllocation(inst, 'ks').allocation;
}

/** Dispatch on a rule name. */
export function allocate(inst: HeteroInstance, rule: AllocationRule): Allocation {
  switch (rule) {
    case 'opt':
      return optAllocation(inst);
    case 'nash':
      return nashBargaining(inst);
    case 'egalitarian':
      return egalitarian(inst);
    case 'ks':
      return kalaiSmorodinsky(inst);
    case 'social':
      return socialOptimum(inst);
    case 'alone':
      return soloAllocation(inst);
    default:
      throw new Error(`unknown allocation rule "${String(rule)}" (expected one of ${ALLOCATION_RULES.join(', ')})`);
  }
}

// ───────────────────────────── d = 1 closed forms (verification) ─────────────────────────────

function sortedCostsD1(inst: HeteroInstance): number[] {
  assertInstance(inst);
  if (dims(inst).d !== 1) throw new Error('closed forms need d = 1');
  const c = inst.costs.map((row) => row[0] as number);
  if (c.some((v) => !Number.isFinite(v))) throw new Error('closed forms need finite costs');
  return c;
}

/**
 * n^OPT for d = 1 when c_1 < c_2 ≤ c_j (agents in index order): agent 1's IR binds, agent 2 is the
 * marginal collector. Returns null outside its validity (n_2 ≤ 0 or agent 2's IR binding).  spec/001 §2.2 [derived]
 */
export function optClosedFormD1(inst: HeteroInstance): Allocation | null {
  const c = sortedCostsD1(inst);
  const m = c.length;
  const s = inst.sigma;
  const [c1, c2] = [c[0] as number, c[1] as number];
  if (m < 2 || !(c1 < c2) || c.slice(2).some((v) => v < c2)) return null;
  const N = s * Math.sqrt(1 / c1 + (m - 1) / c2); // spec/001 §2.2: N = σ√(1/c_1 + (m−1)/c_2)
  const n1 = (2 * s * Math.sqrt(c1) - (s * s) / N) / c1; // spec/001 §2.2: n_1 = (2σ√c_1 − σ²/N)/c_1
  const n2 = N - n1; // spec/001 §2.2
  if (!(n2 > 0) || (s * s) / N + c2 * n2 > 2 * s * Math.sqrt(c2)) return null;
  return c.map((_, i) => [i === 0 ? n1 : i === 1 ? n2 : 0]); // spec/001 §2.2: agents with c_j ≥ c_2 beyond agent 2 collect 0
}

/**
 * Interior (all n_i > 0) d = 1 bargaining solutions on the Pareto total N = σ√H, H = Σ 1/c_i; null if not interior.
 *  - egalitarian: n_i = σ/(c_i√H);  - nash: gain_i = c_i τ, τ = (Σ (p^IND_i − σ²/N)/c_i − N)/m;
 *  - ks: gain_i = λ r_i with r = p^IND − utopia, λ = (Σ (p^IND_i − σ²/N)/c_i − N)/Σ r_i/c_i.   spec/001 §2.3 [derived]
 */
export function bargainingClosedFormD1(inst: HeteroInstance, rule: 'nash' | 'egalitarian' | 'ks', utopia?: readonly number[]): Allocation | null {
  const c = sortedCostsD1(inst);
  const s = inst.sigma;
  const H = c.reduce((a, v) => a + 1 / v, 0); // spec/001 §2.3: H = Σ_i 1/c_i
  const N = s * Math.sqrt(H); // spec/001 §2.3: N = σ√H
  const pind = c.map((v) => 2 * s * Math.sqrt(v)); // seed 001 eq. (4)
  const base = c.reduce((a, v, i) => a + ((pind[i] as number) - (s * s) / N) / v, 0) - N; // Σ (p^IND_i − σ²/N)/c_i − N [derived]
  let n: number[];
  if (rule === 'egalitarian') n = c.map((v) => s / (v * Math.sqrt(H))); // spec/001 §2.3: n_i = σ/(c_i√H)
  else if (rule === 'nash') {
    const tau = base / c.length; // spec/001 §2.3: t = (Σ (p^IND − σ²/N)/c_i − N)/m
    n = c.map((v, i) => ((pind[i] as number) - (s * s) / N) / v - tau); // gain_i = c_i t [derived]
  } else {
    const r = pind.map((p, i) => p - ((utopia ?? ksUtopia(inst))[i] as number));
    const lam = base / c.reduce((a, v, i) => a + (r[i] as number) / v, 0); // [derived] Σ n_i = N
    n = c.map((v, i) => ((pind[i] as number) - (s * s) / N - lam * (r[i] as number)) / v); // gain_i = λ r_i [derived]
  }
  return n.every((v) => v > 0) ? n.map((v) => [v]) : null;
}
