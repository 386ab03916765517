/**
 * Effort cost plugins (src/effort/costs.ts): values and derivatives of the built-in kinds, c(0) = 0,
 * strict monotonicity, the registry, and InputErrors that name the entry.
 */
import { expect } from 'chai';
import { InputError } from '../../src/core/instance.js';
import { checkCostOnBox, effortCostKinds, effortCostOf, registerEffortCostKind } from '../../src/effort/costs.js';
import { bestResponse, makeEffortGame } from '../../src/effort/index.js';
import { expectInputError } from './helpers.js';

describe('effort costs', () => {
  it('power: c(e) = (scale·e)^exponent and c′ (spec/004 W7: c(2) = 1)', () => {
    const c = effortCostOf({ kind: 'power', scale: 0.5, exponent: 4 });
    expect(c.value(0)).to.equal(0);
    expect(c.value(2)).to.equal(1);
    expect(c.value(1)).to.equal(1 / 16);
    expect(c.derivative!(1)).to.be.closeTo(0.25, 1e-15); // e³/4
    expect(c.kinks).to.deep.equal([]);
  });

  it('kinked: slope·e up to the kink, then linear to topCost at top and beyond (spec/004 W8)', () => {
    const c = effortCostOf({ kind: 'kinked', slope: 0.0072, kink: 1, top: 2, topCost: 1 });
    expect(c.value(0.5)).to.be.closeTo(0.0036, 1e-16);
    expect(c.value(1)).to.be.closeTo(0.0072, 1e-16);
    expect(c.value(2)).to.be.closeTo(1, 1e-15);
    expect(c.value(3)).to.be.closeTo(1 + (1 - 0.0072), 1e-15);
    expect(c.derivative!(0.5)).to.equal(0.0072);
    expect(c.derivative!(1.5)).to.be.closeTo(1 - 0.0072, 1e-15);
    expect(c.kinks).to.deep.equal([1]);
  });

  it('linear-quadratic: a·e + b·e²', () => {
    const c = effortCostOf({ kind: 'linear-quadratic', linear: 0.2, quadratic: 0.2 });
    expect(c.value(2)).to.be.closeTo(1.2, 1e-15);
    expect(c.derivative!(2)).to.be.closeTo(1, 1e-15);
    expect(effortCostOf({ kind: 'linear-quadratic', linear: 0, quadratic: 1 }).value(3)).to.equal(9);
  });

  it('rejects bad parameters, naming the field', () => {
    expectInputError(() => effortCostOf({ kind: 'power', scale: 0.5, exponent: 0 }, 'effortCost[1]'), 'effortCost[1].exponent', />/);
    expectInputError(() => effortCostOf({ kind: 'power', scale: -1, exponent: 2 }, 'effortCost[0]'), 'effortCost[0].scale');
    expectInputError(() => effortCostOf({ kind: 'power', exponent: 2 }, 'effortCost[0]'), 'effortCost[0].scale', /required/);
    expectInputError(() => effortCostOf({ kind: 'power', scale: 1, exponent: 2, shape: 3 }, 'effortCost[0]'), 'effortCost[0].shape', /unknown/);
    expectInputError(() => effortCostOf({ kind: 'kinked', slope: 0.5, kink: 1, top: 2, topCost: 0.5 }, 'effortCost[1]'), 'effortCost[1].topCost', /slope·kink/);
    expectInputError(() => effortCostOf({ kind: 'kinked', slope: 0.5, kink: 1, top: 1, topCost: 2 }, 'effortCost[1]'), 'effortCost[1].top');
    expectInputError(() => effortCostOf({ kind: 'linear-quadratic', linear: 0, quadratic: 0 }, 'effortCost[2]'), 'effortCost[2].quadratic');
    expectInputError(() => effortCostOf({ kind: 'linear-quadratic', linear: -0.1, quadratic: 1 }, 'effortCost[2]'), 'effortCost[2].linear');
    expectInputError(() => effortCostOf({ kind: 'cubic' }, 'effortCost[0]'), 'effortCost[0].kind', /unknown cost kind/);
    expectInputError(() => effortCostOf(3, 'effortCost[0]'), 'effortCost[0]');
  });

  it('plugins: registered kinds are built; c(0) ≠ 0 and non-monotone costs are rejected', () => {
    registerEffortCostKind('test-exp', (p) => ({ value: (e) => Math.expm1(Number(p.rate) * e), derivative: (e) => Number(p.rate) * Math.exp(Number(p.rate) * e) }), { replace: true });
    expect(effortCostKinds()).to.include('test-exp');
    expect(effortCostOf({ kind: 'test-exp', rate: 1 }).value(1)).to.be.closeTo(Math.E - 1, 1e-15);
    registerEffortCostKind('test-offset', () => ({ value: (e) => 1 + e }), { replace: true });
    expectInputError(() => effortCostOf({ kind: 'test-offset' }, 'effortCost[0]'), 'effortCost[0]', /c\(0\) must be 0/);
    registerEffortCostKind('test-hump', () => ({ value: (e) => e * (2 - e) }), { replace: true });
    expectInputError(() => checkCostOnBox(effortCostOf({ kind: 'test-hump' }), 2, 'effortCost[3]'), 'effortCost[3]', /strictly increasing/);
    expect(() => registerEffortCostKind('power', () => ({ value: (e) => e }))).to.throw(/built-in/);
    expect(() => registerEffortCostKind('test-exp', () => ({ value: (e) => e }))).to.throw(/already registered/);
  });

  it('a plugin cost without a derivative: the best response falls back to golden section (≈1e-8 in e)', () => {
    registerEffortCostKind('test-quartic-noderiv', () => ({ value: (e) => (e / 2) ** 4 }), { replace: true });
    const R = [
      [1, 0.5],
      [0.5, 1],
    ];
    const smooth = makeEffortGame({ correlation: R, Q: 16, costs: [{ kind: 'power', scale: 0.5, exponent: 4 }, { kind: 'power', scale: 0.5, exponent: 4 }], model: 'exact' });
    const plain = makeEffortGame({ correlation: R, Q: 16, costs: [{ kind: 'test-quartic-noderiv' }, { kind: 'test-quartic-noderiv' }], model: 'exact' });
    expect(plain.payoffOf(0, [0, 1]).derivative).to.equal(undefined);
    for (const ej of [0, 1, 2]) {
      // golden section resolves the maximiser to ~√ε·√(|π|/|π″|) ≈ 1e-8, not to machine precision
      expect(bestResponse(plain, 0, [0, ej]).e).to.be.closeTo(bestResponse(smooth, 0, [0, ej]).e, 1e-7);
    }
  });
});
