/** Vietnamese date and number formatting used across pages. */

/** `2026-12-07` → `07/12/2026`. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return 'Chưa xác định';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant in Vietnam time: `07/12/2026 14:05`. */
export function viDateTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${viDate(t)} ${t.slice(11, 16)}`;
}

export function vnd(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} đồng`;
}

/** "ngày 07 tháng 12 năm 2026", as on official documents. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** Today in Vietnam, `YYYY-MM-DD`. */
export function todayVi(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}
