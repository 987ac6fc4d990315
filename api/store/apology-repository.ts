/**
 * @module
 * Pending and confirmed apologies for late dossiers ("Phiếu xin lỗi và hẹn lại ngày trả kết quả").
 * At most one per dossier and missed appointment date.
 */
import { randomUUID } from 'node:crypto';
import type { DossierStatus } from '../../common/dossier-schema.js';
import { selectRowBy, type Queryable } from './database.js';

export interface ApologyRow {
  id: string;
  dossier_id: string;
  commune_code: string;
  original_date: string;
  proposed_date: string;
  letter: string;
  state: 'pending' | 'confirmed';
  created_at: Date;
  confirmed_at: Date | null;
  confirmed_by: string | null;
}

/** Open dossiers whose appointment date is before `today` and have no apology for that date yet. */
export async function findLateDossiers(
  q: Queryable,
  today: string,
  statuses: readonly DossierStatus[],
  limit: number,
): Promise<{ id: string; reference: string; appointment_date: string; commune_code: string }[]> {
  return q.query(
    `SELECT d.id, d.reference, d.appointment_date, d.commune_code FROM dossiers d
      WHERE d.status = ANY($2::text[]) AND d.appointment_date < $1::date
        AND NOT EXISTS (SELECT 1 FROM apologies a WHERE a.dossier_id = d.id AND a.original_date = d.appointment_date)
      ORDER BY d.appointment_date, d.id LIMIT $3`,
    [today, statuses, limit],
  );
}

/** Records a pending apology; false when one already exists for that date. */
export async function insertApology(
  q: Queryable,
  a: {
    dossierId: string;
    communeCode: string;
    originalDate: string;
    proposedDate: string;
    letter: string;
    at: Date;
  },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO apologies (id, dossier_id, commune_code, original_date, proposed_date, letter, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
    [randomUUID(), a.dossierId, a.communeCode, a.originalDate, a.proposedDate, a.letter, a.at],
  );
  return rows.length === 1;
}

export async function findApology(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApologyRow | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return selectRowBy<ApologyRow>(q, 'apologies', 'id', id, options);
}

export async function listApologies(
  q: Queryable,
  filter: { communeCode: string; state?: ApologyRow['state'] } | { dossierId: string },
): Promise<(ApologyRow & { reference: string })[]> {
  if ('dossierId' in filter) {
    return q.query(
      `SELECT a.*, d.reference FROM apologies a JOIN dossiers d ON d.id = a.dossier_id
        WHERE a.dossier_id = $1 ORDER BY a.created_at`,
      [filter.dossierId],
    );
  }
  return q.query(
    `SELECT a.*, d.reference FROM apologies a JOIN dossiers d ON d.id = a.dossier_id
      WHERE a.commune_code = $1 AND ($2::text IS NULL OR a.state = $2) ORDER BY a.created_at LIMIT 500`,
    [filter.communeCode, filter.state ?? null],
  );
}

export async function markApologyConfirmed(
  q: Queryable,
  id: string,
  c: { finalDate: string; letter: string; by: string; at: Date },
): Promise<void> {
  await q.query(
    `UPDATE apologies SET state = 'confirmed', proposed_date = $2, letter = $3, confirmed_by = $4, confirmed_at = $5
      WHERE id = $1`,
    [id, c.finalDate, c.letter, c.by, c.at],
  );
}
