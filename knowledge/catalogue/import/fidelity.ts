import type { Procedure } from '../procedure-schema.js';

/*
 * What residents would read wrong, counted before and after the importer's clean-up steps (written to
 * import-report.json as `fidelity`), so a reviewer sees what each step changed.
 */

/** Counts over all records at one stage of the import. */
export interface FidelityCounts {
  /** Filing-method times that are a bare number without unit or wording. */
  unitlessTimes: number;
  /** …of which the record's per-case times do state units (then answers read the cases). */
  unitlessTimesWithUnitInCases: number;
  /** Records with per-case processing times. */
  recordsWithProcessingCases: number;
  /** Fee items with a validity date (from or to). */
  feesWithValidity: number;
  /** Fee items whose validity ended before the catalogue's snapshot date. */
  feesEndedBeforeSnapshot: number;
  /** Fee items with a condition / a "per" unit cut from their text. */
  feesWithCondition: number;
  feesWithPer: number;
  /** Form files with no readable title (residents see "mẫu kèm theo" instead of a file name). */
  formsWithoutTitle: number;
  formsWithTitle: number;
  /** Records carrying a resident view / a reviewed one. */
  residentViews: number;
  reviewedResidentViews: number;
}

/** Counts {@link FidelityCounts} over `procedures`. */
export function countFidelity(
  procedures: readonly Procedure[],
  snapshotDate: string,
): FidelityCounts {
  const c: FidelityCounts = {
    unitlessTimes: 0,
    unitlessTimesWithUnitInCases: 0,
    recordsWithProcessingCases: 0,
    feesWithValidity: 0,
    feesEndedBeforeSnapshot: 0,
    feesWithCondition: 0,
    feesWithPer: 0,
    formsWithoutTitle: 0,
    formsWithTitle: 0,
    residentViews: 0,
    reviewedResidentViews: 0,
  };
  for (const p of procedures) {
    const cases = p.processingCases ?? [];
    if (cases.length > 0) c.recordsWithProcessingCases += 1;
    for (const m of p.filingMethods) {
      const t = m.processingTime;
      if (t && t.unit === 'other' && t.quantity !== null && t.text === null) {
        c.unitlessTimes += 1;
        if (cases.length > 0) c.unitlessTimesWithUnitInCases += 1;
      }
      for (const f of m.fees) {
        if (f.validFrom || f.validTo) c.feesWithValidity += 1;
        if (f.validTo && f.validTo < snapshotDate) c.feesEndedBeforeSnapshot += 1;
        if (f.condition) c.feesWithCondition += 1;
        if (f.per) c.feesWithPer += 1;
      }
    }
    for (const g of p.documentGroups)
      for (const d of g.documents)
        for (const f of d.forms) {
          if (f.title) c.formsWithTitle += 1;
          else c.formsWithoutTitle += 1;
        }
    if (p.resident) {
      c.residentViews += 1;
      if (p.resident.reviewed) c.reviewedResidentViews += 1;
    }
  }
  return c;
}
