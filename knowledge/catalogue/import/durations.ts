import type { Duration, DurationUnit } from '../procedure-schema.js';
import type { ImportLog } from './import-report.js';
import { cleanBlock, isNoInfo } from './text.js';

/** Units of the portal API (processingTimeUnit / processingDay.type). */
const API_UNITS: Record<string, DurationUnit> = {
  WORKING_DAY: 'working_day',
  DAY: 'day',
  HOUR: 'hour',
  MONTH: 'month',
  YEAR: 'year',
  OTHER: 'other',
};

/** Unit words as the portal prints them ("15 Ngày làm việc", "01 Giờ"). */
const TEXT_UNITS: Record<string, DurationUnit> = {
  'ngày làm việc': 'working_day',
  ngày: 'day',
  giờ: 'hour',
  tháng: 'month',
  năm: 'year',
};

/** Regex source matching a printed unit word; longest first so "Ngày làm việc" wins over "Ngày". */
export const TEXT_UNIT_PATTERN =
  'Ngày làm việc|ngày làm việc|Ngày|ngày|Giờ|giờ|Tháng|tháng|Năm|năm';

export function unitFromApi(unit: string): DurationUnit | undefined {
  return API_UNITS[unit];
}

export function unitFromText(word: string): DurationUnit | undefined {
  return TEXT_UNITS[word.toLocaleLowerCase('vi')];
}

/** Parses "15", "0.5", "02" or "1,5" as a number; undefined when it is not a plain number. */
export function parseQuantity(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(',', '.'));
}

/**
 * Builds a duration from a quantity, a unit and the method description. A zero quantity is no information
 * (dropped, reported). With unit "other" the number has no stated unit: when the source gives a description
 * we keep that wording instead of the bare number ("see description"); otherwise the bare number is kept.
 */
export function makeDuration(
  quantity: number | null,
  unit: DurationUnit,
  description: string | null,
  code: string,
  log: ImportLog,
): { duration: Duration | null; usedDescription: boolean } {
  if (unit === 'other') {
    if (description !== null)
      return { duration: { quantity: null, unit, text: description }, usedDescription: true };
    if (quantity === null || quantity === 0) {
      log.drop('processing time: unit OTHER without a quantity or description', code);
      return { duration: null, usedDescription: false };
    }
    log.drop(
      'processing time: bare number without unit kept as unit "other"',
      `${code}: ${quantity}`,
    );
    return { duration: { quantity, unit, text: null }, usedDescription: false };
  }
  if (quantity === null || quantity === 0) {
    log.drop('processing time: zero or missing quantity', `${code}: ${quantity ?? '—'} ${unit}`);
    return { duration: null, usedDescription: false };
  }
  return { duration: { quantity, unit, text: null }, usedDescription: false };
}

/**
 * Free-text processing time ("Không quá 15 ngày làm việc…", "Theo mô tả"). "Theo mô tả" (see description)
 * takes the description's wording; other text is kept as it is.
 */
export function textDuration(
  text: string,
  description: string | null,
  code: string,
  log: ImportLog,
): { duration: Duration | null; usedDescription: boolean } {
  const clean = cleanBlock(text);
  if (isNoInfo(clean)) return { duration: null, usedDescription: false };
  if (/^theo mô tả\.?$/i.test(clean)) {
    if (description === null) {
      log.drop('processing time: "Theo mô tả" but no description', code);
      return { duration: null, usedDescription: false };
    }
    return {
      duration: { quantity: null, unit: 'other', text: description },
      usedDescription: true,
    };
  }
  return { duration: { quantity: null, unit: 'other', text: clean }, usedDescription: false };
}
