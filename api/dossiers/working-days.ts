/**
 * @module
 * Working days for appointment dates (ngày hẹn trả): Monday–Friday, minus Vietnamese public holidays
 * on which public servants are off, including compensatory days (nghỉ bù) and swaps.
 *
 * Sources and certainty:
 * - 2025: official. Tết Ất Tỵ 25/1–2/2 (Quyết định/Công văn of the Ministry of Home Affairs), Giỗ Tổ
 *   7/4, 30/4–4/5 with 2/5 swapped against Saturday 26/4, Quốc khánh 1–2/9.
 * - 2026: from the schedule as we understood it when writing (not re-verified offline; UNSURE):
 *   Tết Dương lịch 1–2/1 (2/1 swapped against Saturday 10/1), Tết Bính Ngọ 14/2–22/2, Giỗ Tổ on
 *   Sunday 26/4 → compensatory Monday 27/4, 30/4–1/5, Quốc khánh 2/9 + 1/9 (the adjacent day is
 *   chosen each year; 1/9 is our assumption).
 * - 2027: PROVISIONAL, derived from Labour Code 2019 Art. 112 (Tết: 5 days around 1/1 âm lịch =
 *   6/2/2027, Giỗ Tổ 10/3 âm lịch = 16/4/2027, weekend holidays compensated on the next working days).
 *   Check against the official schedule when it is published and update this table.
 * Not included: Ngày Văn hóa Việt Nam (24/11), whose status as a day off was not confirmed.
 * Saturdays worked in exchange for a swap (26/4/2025, 10/1/2026) are treated as non-working: the desk
 * may be open, but counting them would promise a date earlier than most desks can keep.
 */

/** Public-holiday weekdays on which one-stop desks are closed, ISO `YYYY-MM-DD`. */
export const HOLIDAYS: ReadonlySet<string> = new Set([
  // 2025
  '2025-01-01',
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-04-07',
  '2025-04-30',
  '2025-05-01',
  '2025-05-02',
  '2025-09-01',
  '2025-09-02',
  // 2026
  '2026-01-01',
  '2026-01-02',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  // 2027 (provisional)
  '2027-01-01',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16',
  '2027-04-30',
  '2027-05-03',
  '2027-09-02',
  '2027-09-03',
]);

/** First and last year the holiday table covers; outside it only weekends are skipped. */
export const HOLIDAY_YEARS = { from: 2025, to: 2027 } as const;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True for Monday–Friday that is not a public holiday. */
export function isWorkingDay(iso: string): boolean {
  const day = toDate(iso).getUTCDay();
  return day !== 0 && day !== 6 && !HOLIDAYS.has(iso);
}

/**
 * The date `days` working days after `startIso` (the receipt day itself does not count, as the
 * processing time starts the day after receipt). `days` 0 means the same day if it is a working day,
 * else the next working day.
 * @example addWorkingDays('2025-04-29', 1) // '2025-05-05' (30/4–2/5 are holidays, then a weekend)
 */
export function addWorkingDays(startIso: string, days: number): string {
  const date = toDate(startIso);
  if (days <= 0) {
    while (!isWorkingDay(toIso(date))) date.setUTCDate(date.getUTCDate() + 1);
    return toIso(date);
  }
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(toIso(date))) left--;
  }
  return toIso(date);
}

/** Formats an ISO date the Vietnamese way: `05/05/2025`. */
export function formatVietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
