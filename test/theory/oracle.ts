/**
 * Tolerances derived from how an oracle is printed in the specs:
 * - at least 9 significant digits: 1e-8 relative, and never looser than half a unit
 *   in the last printed digit (min of the two);
 * - otherwise: half a unit in the last printed digit, |x − oracle| <= 0.5·10^(−decimals).
 * Exact closed forms (e.g. 0.2, 1.25) use expectExact (1e-12 relative).
 */
import { expect } from 'chai';

export interface PrintedPrecision {
  value: number;
  sigDigits: number;
  /** Half a unit in the last printed digit. */
  halfUlp: number;
}

export function parsePrinted(printed: string): PrintedPrecision {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(printed.trim());
  if (!m) throw new Error(`cannot parse oracle "${printed}"`);
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  const digits = (intPart + frac).replace(/^0+/, '');
  const decimals = frac.length - exp;
  return { value: Number(printed), sigDigits: digits.length, halfUlp: 0.5 * 10 ** -decimals };
}

export function oracleTolerance(printed: string): number {
  const p = parsePrinted(printed);
  return p.sigDigits >= 9 ? Math.min(1e-8 * Math.abs(p.value), p.halfUlp) : p.halfUlp;
}

/** Assert actual matches an oracle printed as `printed` to the precision it is printed with. */
export function expectOracle(actual: number, printed: string, label = ''): void {
  const tol = oracleTolerance(printed);
  const oracle = Number(printed);
  const diff = Math.abs(actual - oracle);
  expect(diff, `${label}: got ${actual}, oracle ${printed} (tol ${tol.toExponential(2)})`).to.be.at.most(tol * (1 + 1e-12));
}

/** Relative closeness (default 1e-12). */
export function expectRel(actual: number, expected: number, rel = 1e-12, label = ''): void {
  const diff = Math.abs(actual - expected);
  expect(diff, `${label}: got ${actual}, expected ${expected} (rel tol ${rel})`).to.be.at.most(rel * Math.abs(expected));
}

/** Exact closed-form value, 1e-12 relative. */
export function expectExact(actual: number, expected: number, label = ''): void {
  expectRel(actual, expected, 1e-12, label);
}
