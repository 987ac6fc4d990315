import type { Duration, ProcessingCase, Procedure } from '../procedure-schema.js';
import { unitFromApi } from './durations.js';
import type { ImportLog } from './import-report.js';

/*
 * Per-case processing times. The portal's detail API has `cases[].processingDay {qty, type}` and the
 * normalized records `processing_cases[] {case_code, qty, unit}`; these carry the unit even where the
 * filing methods print a bare number (1.001193: "1" on every method, 1 working day per case).
 */

/** Cases with a positive quantity and a known unit; others are dropped and reported. */
export function processingCases(
  raw: ReadonlyArray<{ code: string | null; qty: unknown; unit: string | null | undefined }>,
  code: string,
  log: ImportLog,
): ProcessingCase[] {
  const out: ProcessingCase[] = [];
  for (const c of raw) {
    const unit = unitFromApi(c.unit ?? '');
    const qty = typeof c.qty === 'number' ? c.qty : Number.NaN;
    if (!unit || unit === 'other' || !(qty > 0)) {
      log.drop('processing case: no quantity or unit', `${code}: ${String(c.qty)} ${c.unit ?? ''}`);
      continue;
    }
    out.push({ code: c.code, time: { quantity: qty, unit, text: null } });
  }
  // Stable order: by case code, so a re-import is byte-identical whatever the source order.
  return out.sort((a, b) => ((a.code ?? '') < (b.code ?? '') ? -1 : a.code === b.code ? 0 : 1));
}

/** Reads `cases[]` of an API detail record (typed loosely in the API schema). */
export function casesFromApi(cases: readonly unknown[], code: string, log: ImportLog) {
  return processingCases(
    cases.flatMap((c) => {
      if (typeof c !== 'object' || c === null) return [];
      const o = c as { code?: unknown; processingDay?: { qty?: unknown; type?: unknown } | null };
      if (!o.processingDay) return [];
      return [
        {
          code: typeof o.code === 'string' ? o.code : null,
          qty: o.processingDay.qty,
          unit: typeof o.processingDay.type === 'string' ? o.processingDay.type : null,
        },
      ];
    }),
    code,
    log,
  );
}

const sameTime = (a: Duration, b: Duration) => a.quantity === b.quantity && a.unit === b.unit;

/**
 * A filing method's bare number (unit "other", no wording) takes the unit of the case with the same
 * quantity when exactly one unit fits; otherwise it stays unit-less and the cases are what residents read.
 * Returns the record with units filled (a new object; the input is not changed).
 */
export function unitsFromCases(p: Procedure, log: ImportLog): Procedure {
  const cases = p.processingCases ?? [];
  if (cases.length === 0) return p;
  let changed = false;
  const filingMethods = p.filingMethods.map((m) => {
    const t = m.processingTime;
    if (!t || t.unit !== 'other' || t.quantity === null || t.text !== null) return m;
    const units = new Set(
      cases.filter((c) => c.time.quantity === t.quantity).map((c) => c.time.unit),
    );
    if (units.size !== 1) {
      log.drop(
        'processing time: bare number left unit-less (no single case with that quantity)',
        `${p.code}: ${t.quantity}`,
      );
      return m;
    }
    changed = true;
    const [unit] = units;
    log.drop(
      'processing time: unit taken from the case with the same quantity',
      `${p.code}: ${t.quantity} ${unit}`,
    );
    return { ...m, processingTime: { ...t, unit: unit! } };
  });
  return changed ? { ...p, filingMethods } : p;
}

/** True when all cases give the same time (then one line says it). */
export function casesAgree(cases: readonly ProcessingCase[]): boolean {
  return cases.every((c) => sameTime(c.time, cases[0]!.time));
}
