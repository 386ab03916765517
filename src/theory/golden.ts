const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Golden-section search (Kiefer 1953) for a minimum of a unimodal f on
 * [a, b]: stops when the bracket is narrower than `xtol` or after `steps`
 * steps, whichever comes first. Returns the better interior point.
 */
export function goldenSection(
  f: (x: number) => number,
  a: number,
  b: number,
  opts: { xtol?: number; steps?: number } = {},
): { x: number; value: number } {
  if (!(b > a)) return { x: a, value: f(a) };
  const xtol = opts.xtol ?? 0;
  const steps = opts.steps ?? Number.POSITIVE_INFINITY;
  let x1 = b - INV_PHI * (b - a);
  let x2 = a + INV_PHI * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let s = 0; s < steps && b - a > xtol; s++) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - INV_PHI * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + INV_PHI * (b - a);
      f2 = f(x2);
    }
  }
  return f1 <= f2 ? { x: x1, value: f1 } : { x: x2, value: f2 };
}
