import { expect } from 'vitest';
import { residentViewOf } from '../../knowledge/catalogue/resident-view.js';
import type { Procedure } from '../../knowledge/index.js';

/*
 * Checks an answer against the record it names — the record's own values, never hard-coded strings:
 * the asked fact is there, no raw form file name, no unit-less time where a source has the unit, no
 * fee whose validity ended shown, the record's agency in "where".
 */

export type FactKind = 'fee' | 'time' | 'documents' | 'where' | 'online' | 'form';

export const vnd = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
export const firstWords = (text: string, n = 4) =>
  text
    .replace(/^[-–•*+\s]+/, '')
    .split(/\s+/)
    .slice(0, n)
    .join(' ');

const UNIT: Record<string, string> = {
  working_day: 'ngày làm việc',
  day: 'ngày',
  hour: 'giờ',
  month: 'tháng',
  year: 'năm',
};

/** Today's date as the answers use it (ISO). */
export const today = () => new Date().toISOString().slice(0, 10);

/** The record's agency as the answer names it. */
export function agencyOf(p: Procedure): string | null {
  const a = p.agencies.executing[0] ?? p.agencies.competent[0];
  return a ? a.replace(/^[-–•*+\s]+/, '').replace(/[.;]+$/, '') : null;
}

/** Where `kind`'s fact of `p` must show in `text`. */
export function expectFact(kind: FactKind, p: Procedure, text: string): void {
  const methods = p.filingMethods;
  switch (kind) {
    case 'fee': {
      const valid = methods
        .flatMap((m) => m.fees)
        .filter((f) => !f.validTo || f.validTo >= today());
      if (valid.length === 0) return void expect(text).toMatch(/chưa ghi thông tin này|Lệ phí/);
      const first = valid[0]!;
      if (first.amountVnd === 0) expect(text).toMatch(/Miễn phí/);
      else if (first.amountVnd !== null) expect(text).toContain(vnd(first.amountVnd));
      else expect(text).toContain(firstWords(first.text, 3));
      return;
    }
    case 'time': {
      const cases = p.processingCases ?? [];
      const t = cases[0]?.time ?? methods.find((m) => m.processingTime)?.processingTime;
      if (!t) return void expect(text).toMatch(/chưa ghi thông tin này/);
      if (t.unit !== 'other' && t.quantity !== null)
        expect(text).toContain(`${t.quantity} ${UNIT[t.unit]}`);
      else if (t.text) expect(text).toContain(firstWords(t.text, 3));
      return;
    }
    case 'documents': {
      const view = residentViewOf(p);
      const first = view.main[0] ?? view.conditional[0];
      if (!first) return void expect(text).toMatch(/chưa ghi thông tin này/);
      return void expect(text).toContain(firstWords(first.label));
    }
    case 'where': {
      const agency = agencyOf(p);
      if (agency) expect(text).toContain(agency);
      return;
    }
    case 'online': {
      if (methods.some((m) => m.channel === 'online')) expect(text).toMatch(/Nộp trực tuyến/);
      else expect(text).toMatch(/chưa có hình thức nộp trực tuyến/);
      return;
    }
    case 'form': {
      const view = residentViewOf(p);
      const form = [...view.main, ...view.conditional].find((i) => i.kind === 'form');
      if (!form) return void expect(text).toMatch(/không ghi mẫu đơn/);
      return void expect(text).toContain(firstWords(form.label));
    }
  }
}

/** What no answer may ever show, whatever was asked. */
export function expectClean(p: Procedure, text: string): void {
  for (const g of p.documentGroups)
    for (const d of g.documents)
      for (const f of d.forms)
        if (/\.(docx?|pdf|xlsx?)$/i.test(f.fileName) && f.fileName.length > 6)
          expect(text).not.toContain(f.fileName);
  // A bare number without unit only where no source had one.
  const hasUnit =
    (p.processingCases ?? []).length > 0 ||
    p.filingMethods.some((m) => m.processingTime && m.processingTime.unit !== 'other');
  if (hasUnit) expect(text).not.toMatch(/không ghi đơn vị/);
  // An ended rate is never shown (unless the same amount is also a current rate).
  const fees = p.filingMethods.flatMap((m) => m.fees);
  const current = new Set(
    fees.filter((f) => !f.validTo || f.validTo >= today()).map((f) => f.amountVnd),
  );
  for (const f of fees)
    if (f.validTo && f.validTo < today() && f.amountVnd && !current.has(f.amountVnd))
      expect(text).not.toContain(`${vnd(f.amountVnd)} đồng`);
}
