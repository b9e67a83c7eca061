import { describe, expect, it } from 'vitest';
import {
  computeIncome,
  divideRoundHalfUp,
  fenToYuan,
  grossIncome,
  netIncome,
  perCapitaNetIncome,
  perCapitaNetIncomeFen,
  propertyIncome,
  sumFen,
  transferIncome,
  yuanToFen,
} from '../../../../electron/core/domain/registry/income';
import { emptyIncomeRecord } from '../../../../electron/core/domain/registry/record-defaults';
import type { IncomeRecord } from '../../../../electron/core/domain/registry/types';

const rec = (over: Partial<IncomeRecord>): IncomeRecord => ({ ...emptyIncomeRecord(2018), ...over });

describe('fen conversion and rounding', () => {
  it('rounds to the fen half away from zero, without binary drift', () => {
    expect(yuanToFen(1.005)).toBe(101); // 1.005 * 100 is 100.49999… in binary
    expect(yuanToFen(1.004)).toBe(100);
    expect(yuanToFen(-1.005)).toBe(-101);
    expect(yuanToFen(0.1)).toBe(10);
    expect(yuanToFen(2995)).toBe(299500);
    expect(yuanToFen(-0.001)).toBe(0);
    expect(Object.is(yuanToFen(-0.001), -0)).toBe(false);
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
  });

  it('sums exactly where floats would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(fenToYuan(sumFen([0.1, 0.2]))).toBe(0.3);
    expect(sumFen([null, undefined])).toBeNull();
    expect(sumFen([null, 0])).toBe(0);
  });

  it('divides half away from zero', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(4, 3)).toBe(1);
    expect(divideRoundHalfUp(5, 3)).toBe(2);
    expect(divideRoundHalfUp(-5, 2)).toBe(-3);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
    expect(() => divideRoundHalfUp(1, 0)).toThrow();
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow();
  });
});

describe('§1.6 formulas', () => {
  const full = rec({
    wageIncome: 12000.5,
    productionIncome: 3000,
    assetDividendIncome: 500,
    landTransferIncome: 200,
    otherPropertyIncome: 100.1,
    familyPlanningIncome: 600,
    dibaoIncome: 2808,
    wubaoIncome: 0,
    pensionIncome: 1260,
    ecoCompensationIncome: 400.2,
    otherTransferIncome: 0.1,
    productionExpense: 1000.3,
  });

  it('转移性收入 sums its six items', () => {
    expect(transferIncome(full)).toBe(5068.3);
  });

  it('财产性收入 sums dividend, land transfer and other', () => {
    expect(propertyIncome(full)).toBe(800.1);
  });

  it('年总收入, 年纯收入', () => {
    expect(grossIncome(full)).toBe(20868.9);
    expect(netIncome(full)).toBe(19868.6);
  });

  it('人均纯收入 rounds half up to 2 decimals', () => {
    expect(perCapitaNetIncome(full, 3)).toBe(6622.87); // 19868.60 / 3 = 6622.8666…
    expect(perCapitaNetIncome(rec({ wageIncome: 10000.01 }), 2)).toBe(5000.01); // 5000.005 → 5000.01
    expect(perCapitaNetIncome(rec({ wageIncome: 10000 }), 3)).toBe(3333.33);
    expect(perCapitaNetIncome(rec({ wageIncome: 20000 }), 3)).toBe(6666.67);
    expect(perCapitaNetIncome(rec({ productionIncome: 0, productionExpense: 0.05 }), 2)).toBe(-0.03);
  });

  it('is null-safe: empty stays empty, missing size gives no per-capita figure', () => {
    const empty = rec({});
    expect(computeIncome(empty, 4)).toEqual({
      wage: null, production: null, property: null, transfer: null, productionExpense: null, gross: null, net: null, perCapitaNet: null,
    });
    expect(netIncome(rec({ wageIncome: 5000 }))).toBe(5000); // empty expense counts as 0
    expect(perCapitaNetIncome(rec({ wageIncome: 5000 }), 0)).toBeNull();
    expect(perCapitaNetIncome(rec({ wageIncome: 5000 }), null)).toBeNull();
    expect(perCapitaNetIncomeFen(rec({ wageIncome: 5000 }), 2.5)).toBeNull();
    expect(netIncome(rec({ productionExpense: 100 }))).toBeNull(); // expense alone is not an income
  });

  it('uses sub-items only when the total is empty', () => {
    expect(computeIncome(rec({ migrantWorkIncome: 8000, publicWelfareJobIncome: 6000 }), 1).wage).toBe(14000);
    expect(computeIncome(rec({ wageIncome: 9000, migrantWorkIncome: 8000 }), 1).wage).toBe(9000);
    expect(computeIncome(rec({ plantingIncome: 1000, breedingIncome: 2000.5 }), 1).production).toBe(3000.5);
    expect(computeIncome(rec({ plantingExpense: 300, otherProductionExpense: 0.7 }), 1).productionExpense).toBe(300.7);
  });

  it('computeIncome agrees with the single functions', () => {
    expect(computeIncome(full, 3)).toEqual({
      wage: 12000.5,
      production: 3000,
      property: 800.1,
      transfer: 5068.3,
      productionExpense: 1000.3,
      gross: 20868.9,
      net: 19868.6,
      perCapitaNet: 6622.87,
    });
  });
});
