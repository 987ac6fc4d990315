/**
 * @module
 * Desks of a commune: the UBND one-stop desk (Bộ phận Một cửa) and the commune police desk (Công an
 * xã/phường), which handles residence and ID procedures. A dossier goes to the desk of the agency its
 * catalogue record names, if the commune runs that desk; otherwise to the one-stop desk, so nothing
 * lands where nobody works.
 */
import type { Queryable } from '../store/database.js';

/** Every desk the console knows, with its Vietnamese name. */
export const DESKS = {
  mot_cua: 'Bộ phận Một cửa (UBND xã/phường)',
  cong_an: 'Công an xã/phường',
} as const;

export type Desk = keyof typeof DESKS;
export const DESK_CODES = Object.keys(DESKS) as Desk[];

/** The desk an executing agency belongs to ("Công an cấp Xã" → cong_an). */
export function deskOfAgency(agency: string | null | undefined): Desk {
  return agency && /c[oô]ng an/i.test(agency.normalize('NFC')) ? 'cong_an' : 'mot_cua';
}

/**
 * The desks a commune runs. A commune that configured nothing runs both (the usual set-up after the
 * 2025 reform: every commune has a one-stop desk and a police post).
 */
export async function communeDesks(q: Queryable, communeCode: string): Promise<Desk[]> {
  const rows = await q.query<{ desk: string }>(
    'SELECT desk FROM commune_desks WHERE commune_code = $1 ORDER BY desk',
    [communeCode],
  );
  const configured = rows.map((r) => r.desk).filter((d): d is Desk => d in DESKS);
  return configured.length > 0 ? configured : [...DESK_CODES];
}

/** Replaces a commune's desk list (the one-stop desk is always kept). */
export async function setCommuneDesks(
  q: Queryable,
  communeCode: string,
  desks: readonly Desk[],
): Promise<Desk[]> {
  const wanted = [...new Set<Desk>(['mot_cua', ...desks])];
  await q.query('DELETE FROM commune_desks WHERE commune_code = $1', [communeCode]);
  for (const desk of wanted) {
    await q.query('INSERT INTO commune_desks (commune_code, desk) VALUES ($1, $2)', [
      communeCode,
      desk,
    ]);
  }
  return wanted.sort();
}

/** Where a new dossier of `agency` goes in `communeCode`. */
export async function routeToDesk(
  q: Queryable,
  communeCode: string,
  agency: string | null | undefined,
): Promise<Desk> {
  const desk = deskOfAgency(agency);
  if (desk === 'mot_cua') return desk;
  return (await communeDesks(q, communeCode)).includes(desk) ? desk : 'mot_cua';
}
