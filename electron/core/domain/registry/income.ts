// The income block formulas of domain.md §1.6.
//
// Rounding, stated once: every amount is converted to integer fen (分) first — half away from
// zero at the third decimal, i.e. ordinary 四舍五入 — and all sums are exact integer sums, so
// 0.1 + 0.2 never becomes 0.30000000000000004 on a printed ledger. 人均纯收入 is 年纯收入 in fen
// divided by 家庭人口数, rounded half away from zero to whole fen (2 decimals of yuan).
//
// Null-safety: an item left empty counts as 0 inside a sum, but a sum whose items are *all*
// empty is itself empty (null), so "not filled" stays distinguishable from "filled with 0".
import type { IncomeRecord } from './types';

type Amount = number | null | undefined;

/** Yuan → integer fen, 四舍五入. toPrecision(15) strips binary noise such as 1.005*100 = 100.4999…. */
export function yuanToFen(yuan: Amount): number | null {
  if (yuan == null || !Number.isFinite(yuan)) return null;
  const hundredfold = Math.abs(yuan) * 100;
  // Fast path, without building a string: whole yuan and amounts of at most two decimals land
  // within binary noise of a whole fen. Below 1e12 fen, toPrecision(15) keeps at least three
  // decimals, so it moves the value by at most 0.0005 and rounding it gives this same whole fen.
  if (hundredfold < 1e12) {
    const whole = Math.round(hundredfold);
    if (Math.abs(hundredfold - whole) < 1e-6) return whole === 0 ? 0 : yuan < 0 ? -whole : whole;
  }
  const fen = Number(hundredfold.toPrecision(15));
  return Math.sign(yuan) * Math.round(fen) || 0;
}

export function fenToYuan(fen: number | null): number | null {
  return fen === null ? null : fen / 100;
}

/** Exact sum in fen; null when every item is empty. */
export function sumFen(items: readonly Amount[]): number | null {
  let total = 0;
  let any = false;
  for (const item of items) {
    const fen = yuanToFen(item);
    if (fen === null) continue;
    total += fen;
    any = true;
  }
  return any ? total : null;
}

/** Integer division rounded half away from zero, without floating point. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) {
    throw new Error('divideRoundHalfUp needs integers and a positive denominator');
  }
  const q = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return numerator < 0 ? -q : q;
}

// Category totals, in fen. 工资性收入 and 生产经营性收入/支出 are totals on the form; their
// sub-items are detail, used only when the total was left empty (older imports carry sub-items only).

export function wageIncomeFen(r: IncomeRecord): number | null {
  return yuanToFen(r.wageIncome) ?? sumFen([r.migrantWorkIncome, r.publicWelfareJobIncome]);
}

export function productionIncomeFen(r: IncomeRecord): number | null {
  return yuanToFen(r.productionIncome) ?? sumFen([r.plantingIncome, r.breedingIncome, r.forestryFruitIncome, r.otherProductionIncome]);
}

export function productionExpenseFen(r: IncomeRecord): number | null {
  return yuanToFen(r.productionExpense) ?? sumFen([r.plantingExpense, r.breedingExpense, r.forestryFruitExpense, r.otherProductionExpense]);
}

/**
 * 财产性收入 = 资产收益扶贫分红收入 + 其他财产性收入. The form lists 土地流转收入 as its own
 * item; we add it too (on two-column forms it is already inside 其他 and our field stays empty).
 */
export function propertyIncomeFen(r: IncomeRecord): number | null {
  return sumFen([r.assetDividendIncome, r.landTransferIncome, r.otherPropertyIncome]);
}

/** 转移性收入 = 计划生育金 + 低保金 + 特困供养金(五保金) + 养老保险金 + 生态补偿金 + 其他转移性收入 */
export function transferIncomeFen(r: IncomeRecord): number | null {
  return sumFen([r.familyPlanningIncome, r.dibaoIncome, r.wubaoIncome, r.pensionIncome, r.ecoCompensationIncome, r.otherTransferIncome]);
}

function sumOfFen(parts: readonly (number | null)[]): number | null {
  return parts.some((p) => p !== null) ? parts.reduce<number>((t, p) => t + (p ?? 0), 0) : null;
}

/** 年总收入 = 工资性 + 生产经营性 + 财产性 + 转移性 */
export function grossIncomeFen(r: IncomeRecord): number | null {
  return sumOfFen([wageIncomeFen(r), productionIncomeFen(r), propertyIncomeFen(r), transferIncomeFen(r)]);
}

/** 年纯收入 = 年总收入 − 生产经营性支出 (an empty expense counts as 0) */
export function netIncomeFen(r: IncomeRecord): number | null {
  const gross = grossIncomeFen(r);
  return gross === null ? null : gross - (productionExpenseFen(r) ?? 0);
}

/** 人均纯收入 in fen; null when net income is empty or the household size is not a positive integer. */
export function perCapitaNetIncomeFen(r: IncomeRecord, householdSize: number | null | undefined): number | null {
  const net = netIncomeFen(r);
  if (net === null || householdSize == null || !Number.isInteger(householdSize) || householdSize <= 0) return null;
  return divideRoundHalfUp(net, householdSize);
}

export interface IncomeSummary {
  /** 工资性收入 */
  wage: number | null;
  /** 生产经营性收入 */
  production: number | null;
  /** 财产性收入 */
  property: number | null;
  /** 转移性收入 */
  transfer: number | null;
  /** 生产经营性支出 */
  productionExpense: number | null;
  /** 年总收入 */
  gross: number | null;
  /** 年纯收入 */
  net: number | null;
  /** 人均纯收入 (2 decimals) */
  perCapitaNet: number | null;
}

/** Every computed figure of the income block, in yuan (exact to the fen). */
export function computeIncome(r: IncomeRecord, householdSize: number | null | undefined): IncomeSummary {
  return {
    wage: fenToYuan(wageIncomeFen(r)),
    production: fenToYuan(productionIncomeFen(r)),
    property: fenToYuan(propertyIncomeFen(r)),
    transfer: fenToYuan(transferIncomeFen(r)),
    productionExpense: fenToYuan(productionExpenseFen(r)),
    gross: fenToYuan(grossIncomeFen(r)),
    net: fenToYuan(netIncomeFen(r)),
    perCapitaNet: fenToYuan(perCapitaNetIncomeFen(r, householdSize)),
  };
}

export const transferIncome = (r: IncomeRecord): number | null => fenToYuan(transferIncomeFen(r));
export const propertyIncome = (r: IncomeRecord): number | null => fenToYuan(propertyIncomeFen(r));
export const grossIncome = (r: IncomeRecord): number | null => fenToYuan(grossIncomeFen(r));
export const netIncome = (r: IncomeRecord): number | null => fenToYuan(netIncomeFen(r));
export const perCapitaNetIncome = (r: IncomeRecord, householdSize: number | null | undefined): number | null =>
  fenToYuan(perCapitaNetIncomeFen(r, householdSize));

/** Kept here too: callers imported it from this module first. */
export { emptyIncomeRecord } from './record-defaults';
