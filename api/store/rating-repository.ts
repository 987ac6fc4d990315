/**
 * @module
 * Residents' satisfaction ratings (1–5 stars, optional comment), one per dossier, given after the
 * result. The officer console reads them for its reports ({@link listRatings}).
 */
import type { Queryable } from './database.js';

export interface RatingRow {
  dossier_id: string;
  resident_id: string;
  procedure_code: string;
  commune_code: string;
  stars: number;
  comment: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Writes (or replaces) the rating of a dossier. */
export async function upsertRating(
  q: Queryable,
  r: Omit<RatingRow, 'created_at' | 'updated_at'>,
  at: Date,
): Promise<RatingRow> {
  const rows = await q.query<RatingRow>(
    `INSERT INTO dossier_ratings (dossier_id, resident_id, procedure_code, commune_code, stars, comment, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     ON CONFLICT (dossier_id) DO UPDATE SET stars = EXCLUDED.stars, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at
     RETURNING *`,
    [r.dossier_id, r.resident_id, r.procedure_code, r.commune_code, r.stars, r.comment, at],
  );
  return rows[0]!;
}

export async function findRating(q: Queryable, dossierId: string): Promise<RatingRow | undefined> {
  const rows = await q.query<RatingRow>('SELECT * FROM dossier_ratings WHERE dossier_id = $1', [
    dossierId,
  ]);
  return rows[0];
}

/** Ratings of a commune's dossiers in [from, to), newest first (for officers' reports). */
export async function listRatings(
  q: Queryable,
  filter: { communeCode: string; from?: Date; to?: Date },
): Promise<RatingRow[]> {
  return q.query<RatingRow>(
    `SELECT * FROM dossier_ratings
      WHERE commune_code = $1 AND ($2::timestamptz IS NULL OR created_at >= $2)
        AND ($3::timestamptz IS NULL OR created_at < $3)
      ORDER BY created_at DESC`,
    [filter.communeCode, filter.from ?? null, filter.to ?? null],
  );
}
