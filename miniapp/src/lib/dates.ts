/** Dates as residents type and read them (dd/mm/yyyy), stored as ISO `YYYY-MM-DD`. */

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/**
 * Reads a typed date: "12/5/1990", "12-05-1990", "12.05.1990", "12051990" or ISO "1990-05-12".
 * Returns ISO, or null when it is not a real date.
 */
export function parseTypedDate(input: string): string | null {
  const v = input.trim();
  let d: number, m: number, y: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/.exec(v))) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(v))) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else return null;
  if (y < 1850 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "1990-05-12" → "12/05/1990" (anything else is returned as it is). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** "2026-12-09" → "Thứ Tư, 09/12/2026". */
export function formatDateLong(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return formatDate(iso);
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return `${WEEKDAYS[day.getUTCDay()]}, ${formatDate(iso)}`;
}

/** A timestamp in Vietnam time: "14:05, 07/12/2026". */
export function formatDateTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${t.slice(11, 16)}, ${formatDate(t.slice(0, 10))}`;
}
