/**
 * @module
 * The officer's inbox: counts per status and per deadline, and one page of a commune desk's dossiers
 * for a view ("mới nộp", "đang xử lý", "chờ bổ sung", "đến hạn hôm nay", "quá hạn", …), a search
 * (reference, name, last phone digits, procedure) and a sort. Offset paging: a commune has thousands
 * of dossiers, not millions, and the officer wants "trang 3 / 40".
 */
import { DOSSIER_STATUSES, type DossierStatus } from '../../common/dossier-schema.js';
import { normaliseReference, REFERENCE_PATTERN } from '../../common/dossier-schema.js';
import { CLOCK_RUNNING } from '../dossiers/status.js';
import type { Queryable } from '../store/database.js';
import type { DossierRow } from '../store/dossier-repository.js';

/** Inbox views and the Vietnamese tab labels. */
export const INBOX_VIEWS = {
  tat_ca: 'Tất cả',
  moi: 'Mới nộp',
  dang_xu_ly: 'Đang xử lý',
  bo_sung: 'Chờ bổ sung',
  den_han: 'Đến hạn hôm nay',
  qua_han: 'Quá hạn',
  xong: 'Chờ trả kết quả',
  ket_thuc: 'Đã kết thúc',
} as const;
export type InboxView = keyof typeof INBOX_VIEWS;

const IN_PROGRESS: readonly DossierStatus[] = [
  'DUOC_TIEP_NHAN',
  'DANG_XU_LY',
  'YEU_CAU_THUC_HIEN_NVTC',
];
const ENDED: readonly DossierStatus[] = [
  'DA_TRA_KET_QUA',
  'KHONG_DUOC_TIEP_NHAN',
  'CONG_DAN_YEU_CAU_RUT',
  'DUNG_XU_LY',
];

export interface InboxQuery {
  communeCode: string;
  /** Only this desk (officers); undefined for an admin looking at every desk. */
  desk?: string | undefined;
  view: InboxView;
  q?: string | undefined;
  sort: 'hen_tra' | 'moi_nhat';
  page: number;
  pageSize: number;
  /** Today in Vietnam, YYYY-MM-DD. */
  today: string;
}

export interface InboxCounts {
  byStatus: Partial<Record<DossierStatus, number>>;
  views: Record<InboxView, number>;
}

/** Where-clause builder with numbered parameters. */
class Where {
  readonly params: unknown[] = [];
  readonly parts: string[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  add(sql: string) {
    this.parts.push(sql);
  }
  get sql() {
    return this.parts.join(' AND ');
  }
}

function base(q: Pick<InboxQuery, 'communeCode' | 'desk'>): Where {
  const w = new Where();
  w.add(`commune_code = ${w.p(q.communeCode)}`);
  if (q.desk) w.add(`desk = ${w.p(q.desk)}`);
  return w;
}

function viewFilter(w: Where, view: InboxView, today: string) {
  const list = (statuses: readonly DossierStatus[]) => `status = ANY(${w.p(statuses)}::text[])`;
  switch (view) {
    case 'tat_ca':
      return;
    case 'moi':
      return w.add(`status = 'MOI_DANG_KY'`);
    case 'dang_xu_ly':
      return w.add(list(IN_PROGRESS));
    case 'bo_sung':
      return w.add(`status = 'YEU_CAU_BO_SUNG'`);
    case 'den_han':
      return w.add(`${list(CLOCK_RUNNING)} AND appointment_date = ${w.p(today)}::date`);
    case 'qua_han':
      return w.add(`${list(CLOCK_RUNNING)} AND appointment_date < ${w.p(today)}::date`);
    case 'xong':
      return w.add(`status = 'DA_XU_LY_XONG'`);
    case 'ket_thuc':
      return w.add(list(ENDED));
  }
}

/**
 * What the search box means: a reference (8 letters/digits), a procedure code (1.001193), the last
 * digits of a phone (3+ digits), else words of the applicant's or the procedure's name.
 */
function searchFilter(w: Where, raw: string) {
  const q = raw.trim().slice(0, 100);
  if (!q) return;
  const reference = normaliseReference(q);
  if (REFERENCE_PATTERN.test(reference)) {
    w.add(`reference = ${w.p(reference)}`);
    return;
  }
  if (/^\d\.\d{6}$/.test(q)) {
    w.add(`procedure_code = ${w.p(q)}`);
    return;
  }
  const digits = q.replace(/[\s.-]/g, '');
  if (/^\d{3,11}$/.test(digits)) {
    w.add(`applicant_phone LIKE ${w.p(`%${digits}`)}`);
    return;
  }
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const p = w.p(like);
  w.add(`(applicant_name ILIKE ${p} OR procedure_name ILIKE ${p} OR reference ILIKE ${p})`);
}

/** Counts for the tabs and the status summary, in one pass over the desk's dossiers. */
export async function inboxCounts(
  db: Queryable,
  q: Pick<InboxQuery, 'communeCode' | 'desk' | 'today'>,
): Promise<InboxCounts> {
  const w = base(q);
  const today = w.p(q.today);
  const running = w.p(CLOCK_RUNNING);
  const rows = await db.query<{ status: DossierStatus; n: string; due: string; late: string }>(
    `SELECT status, count(*) AS n,
       count(*) FILTER (WHERE status = ANY(${running}::text[]) AND appointment_date = ${today}::date) AS due,
       count(*) FILTER (WHERE status = ANY(${running}::text[]) AND appointment_date < ${today}::date) AS late
     FROM dossiers WHERE ${w.sql} GROUP BY status`,
    w.params,
  );
  const byStatus: Partial<Record<DossierStatus, number>> = {};
  const views: Record<InboxView, number> = {
    tat_ca: 0,
    moi: 0,
    dang_xu_ly: 0,
    bo_sung: 0,
    den_han: 0,
    qua_han: 0,
    xong: 0,
    ket_thuc: 0,
  };
  for (const r of rows) {
    const n = Number(r.n);
    byStatus[r.status] = n;
    views.tat_ca += n;
    views.den_han += Number(r.due);
    views.qua_han += Number(r.late);
    if (r.status === 'MOI_DANG_KY') views.moi += n;
    if (IN_PROGRESS.includes(r.status)) views.dang_xu_ly += n;
    if (r.status === 'YEU_CAU_BO_SUNG') views.bo_sung += n;
    if (r.status === 'DA_XU_LY_XONG') views.xong += n;
    if (ENDED.includes(r.status)) views.ket_thuc += n;
  }
  return { byStatus, views };
}

/** The columns a list row needs (not the form data). */
const LIST_COLUMNS =
  'id, reference, procedure_code, procedure_name, commune_code, desk, applicant_name, applicant_phone, status, submitted_at, appointment_date, updated_at, version';

export type InboxRow = Pick<
  DossierRow,
  | 'id'
  | 'reference'
  | 'procedure_code'
  | 'procedure_name'
  | 'commune_code'
  | 'desk'
  | 'applicant_name'
  | 'applicant_phone'
  | 'status'
  | 'submitted_at'
  | 'appointment_date'
  | 'updated_at'
  | 'version'
>;

/** One page of the inbox and the number of matching dossiers. */
export async function inboxPage(
  db: Queryable,
  q: InboxQuery,
): Promise<{ rows: InboxRow[]; total: number }> {
  const w = base(q);
  viewFilter(w, q.view, q.today);
  if (q.q) searchFilter(w, q.q);
  const order =
    q.sort === 'hen_tra'
      ? 'appointment_date ASC NULLS LAST, submitted_at ASC, id'
      : 'submitted_at DESC, id DESC';
  const countParams = [...w.params];
  const limit = w.p(q.pageSize);
  const offset = w.p((q.page - 1) * q.pageSize);
  const [rows, total] = await Promise.all([
    db.query<InboxRow>(
      `SELECT ${LIST_COLUMNS} FROM dossiers WHERE ${w.sql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      w.params,
    ),
    db.query<{ n: string }>(`SELECT count(*) AS n FROM dossiers WHERE ${w.sql}`, countParams),
  ]);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

/** Every matching row (CSV export), capped. */
export async function inboxAll(
  db: Queryable,
  q: Omit<InboxQuery, 'page' | 'pageSize'>,
  cap = 50_000,
): Promise<InboxRow[]> {
  return (await inboxPage(db, { ...q, page: 1, pageSize: cap })).rows;
}

/** True when the status's clock runs and its date has passed. */
export function isLate(d: Pick<DossierRow, 'status' | 'appointment_date'>, today: string): boolean {
  return (
    CLOCK_RUNNING.includes(d.status) && d.appointment_date !== null && d.appointment_date < today
  );
}

export const statusOrder = Object.keys(DOSSIER_STATUSES) as DossierStatus[];
