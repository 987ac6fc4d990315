/**
 * @module
 * Reports for a commune: on-time rate per month (dossiers finished by their appointment date),
 * satisfaction ratings per procedure and month (read from the residents' ratings table when the
 * mini-app has created it). The knowledge-gap list is api/routes/gaps.ts.
 */
import type { Queryable } from '../store/database.js';

export interface OnTimeRow {
  month: string;
  finished: number;
  onTime: number;
  late: number;
  /** Finished with no appointment date (unit-less processing time never set by an officer). */
  noDate: number;
  rate: number | null;
}

/**
 * Per month of finishing (Vietnam time): a dossier is on time when it reached "Đã xử lý xong" on or
 * before its appointment date and never needed a late-dossier apology (an apology moves the date,
 * which must not turn a late dossier into an on-time one).
 */
export async function onTimeByMonth(
  db: Queryable,
  communeCode: string,
  desk: string | undefined,
  months = 12,
): Promise<OnTimeRow[]> {
  const params: unknown[] = [communeCode, months];
  const deskSql = desk ? `AND d.desk = $${params.push(desk)}` : '';
  const rows = await db.query<{
    month: string;
    finished: string;
    on_time: string;
    no_date: string;
  }>(
    `WITH f AS (
       SELECT d.id, d.appointment_date, (h.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS done
       FROM dossiers d JOIN dossier_history h ON h.dossier_id = d.id AND h.to_status = 'DA_XU_LY_XONG'
       WHERE d.commune_code = $1 ${deskSql})
     SELECT to_char(done, 'YYYY-MM') AS month, count(DISTINCT id) AS finished,
       count(DISTINCT id) FILTER (WHERE appointment_date IS NOT NULL AND done <= appointment_date
         AND NOT EXISTS (SELECT 1 FROM apologies a WHERE a.dossier_id = f.id)) AS on_time,
       count(DISTINCT id) FILTER (WHERE appointment_date IS NULL) AS no_date
     FROM f GROUP BY 1 ORDER BY 1 DESC LIMIT $2`,
    params,
  );
  return rows.map((r) => {
    const finished = Number(r.finished);
    const onTime = Number(r.on_time);
    const noDate = Number(r.no_date);
    const dated = finished - noDate;
    return {
      month: r.month,
      finished,
      onTime,
      late: dated - onTime,
      noDate,
      rate: dated > 0 ? onTime / dated : null,
    };
  });
}

export interface RatingRow {
  procedureCode: string;
  procedureName: string;
  month: string;
  count: number;
  average: number;
}

/**
 * Average rating per procedure and month. The ratings table belongs to the mini-app's API
 * (`POST /api/dossiers/:ref/rating`); until it exists this returns null rather than failing.
 */
export async function ratingsByProcedureMonth(
  db: Queryable,
  communeCode: string,
): Promise<RatingRow[] | null> {
  const exists = await db.query<{ t: string | null }>(
    `SELECT to_regclass('dossier_ratings')::text AS t`,
  );
  if (!exists[0]?.t) return null;
  const rows = await db.query<{
    procedure_code: string;
    procedure_name: string;
    month: string;
    n: string;
    avg: string;
  }>(
    `SELECT d.procedure_code, min(d.procedure_name) AS procedure_name,
       to_char((r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM') AS month,
       count(*) AS n, avg(r.stars)::float8 AS avg
     FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
     WHERE d.commune_code = $1
     GROUP BY 1, 3 ORDER BY 3 DESC, 4 DESC`,
    [communeCode],
  );
  return rows.map((r) => ({
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    month: r.month,
    count: Number(r.n),
    average: Math.round(Number(r.avg) * 100) / 100,
  }));
}
