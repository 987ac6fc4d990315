/**
 * @module
 * SQL for dossiers, their history entries and attachment rows. Functions take a {@link Queryable}, so
 * the same code runs on the database or inside a transaction the caller opened.
 */
import type {
  DossierStatus,
  NotifyPreference,
  ResultDelivery,
} from '../../common/dossier-schema.js';
import type { StoredFile } from '../attachments/attachment-storage.js';
import { selectRowBy, type Queryable } from './database.js';
import { newDossierOutboxCtes, type NewOutboxRow } from './outbox-repository.js';
import type { RowState } from '../dossiers/history-chain.js';

/** A dossier row as stored. */
export interface DossierRow {
  id: string;
  reference: string;
  procedure_code: string;
  procedure_name: string;
  processing_days: number | null;
  commune_code: string;
  /** Desk that handles it (`mot_cua` UBND one-stop, `cong_an` commune police), from the procedure's agency. */
  desk: string;
  resident_id: string;
  applicant_name: string;
  applicant_phone: string;
  applicant_email: string | null;
  phone_last4: string;
  form_data: Record<string, unknown>;
  status: DossierStatus;
  channel: number;
  result_delivery: ResultDelivery;
  delivery_address: string | null;
  notify_channel: NotifyPreference['channel'];
  notify_recipient: string | null;
  missing_documents: string[];
  fee_amount_vnd: number | null;
  submitted_at: Date;
  received_at: Date | null;
  appointment_date: string | null;
  completed_at: Date | null;
  updated_at: Date;
  idempotency_key: string;
  request_hash: string;
  version: number;
  history_count: number;
  history_head: string;
}

export interface HistoryRow {
  dossier_id: string;
  seq: number;
  action: string;
  from_status: DossierStatus | null;
  to_status: DossierStatus;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  note: string | null;
  details: Record<string, unknown>;
  at: Date;
  prev_hash: string;
  hash: string;
  /** The row state this entry produced (covered by `hash`); null for entries of legacy chains. */
  state: RowState | null;
}

export interface AttachmentRow {
  id: string;
  dossier_id: string;
  history_seq: number;
  document_code: string;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_at: Date;
}

/** Rows for the files stored with one history entry of a dossier (submission or supplement). */
export function attachmentRows(
  files: readonly StoredFile[],
  dossierId: string,
  historySeq: number,
  at: Date,
): AttachmentRow[] {
  return files.map((f) => ({
    id: f.id,
    dossier_id: dossierId,
    history_seq: historySeq,
    document_code: f.documentCode,
    file_name: f.fileName,
    content_type: f.contentType,
    size_bytes: f.sizeBytes,
    sha256: f.sha256,
    storage_key: f.storageKey,
    uploaded_at: at,
  }));
}

const DOSSIER_COLUMNS = [
  'id',
  'reference',
  'procedure_code',
  'procedure_name',
  'processing_days',
  'commune_code',
  'desk',
  'resident_id',
  'applicant_name',
  'applicant_phone',
  'applicant_email',
  'phone_last4',
  'form_data',
  'status',
  'channel',
  'result_delivery',
  'delivery_address',
  'notify_channel',
  'notify_recipient',
  'missing_documents',
  'fee_amount_vnd',
  'submitted_at',
  'received_at',
  'appointment_date',
  'completed_at',
  'updated_at',
  'idempotency_key',
  'request_hash',
  'version',
  'history_count',
  'history_head',
] as const;

type DossierColumn = (typeof DOSSIER_COLUMNS)[number];
const JSON_COLUMNS = new Set<DossierColumn>(['form_data', 'missing_documents']);

function toParam(column: DossierColumn, value: unknown): unknown {
  return JSON_COLUMNS.has(column) ? JSON.stringify(value) : value;
}

const ATTACHMENT_ARRAYS = [
  ['id', 'text'],
  ['document_code', 'text'],
  ['file_name', 'text'],
  ['content_type', 'text'],
  ['size_bytes', 'bigint'],
  ['sha256', 'text'],
  ['storage_key', 'text'],
] as const;

/**
 * Writes a new dossier with its first history entry, its attachment rows and its receipt notice in ONE
 * statement (data-modifying CTEs), so it is atomic on its own and costs a single round trip. Nothing
 * is written when the reference or the (resident, idempotency key) already exists; returns false then.
 */
export async function insertNewDossier(
  q: Queryable,
  row: DossierRow,
  entry: HistoryRow,
  attachments: readonly AttachmentRow[],
  outbox: readonly NewOutboxRow[],
): Promise<boolean> {
  const params: unknown[] = DOSSIER_COLUMNS.map((c) => toParam(c, row[c]));
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const dossierValues = DOSSIER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const history = [
    p(entry.seq),
    p(entry.action),
    p(entry.from_status),
    p(entry.to_status),
    p(entry.actor_kind),
    p(entry.actor_id),
    p(entry.actor_name),
    p(entry.note),
    `${p(JSON.stringify(entry.details))}::jsonb`,
    `${p(entry.at)}::timestamptz`,
    p(entry.prev_hash),
    p(entry.hash),
    `${p(JSON.stringify(entry.state))}::jsonb`,
  ];
  const arrays = ATTACHMENT_ARRAYS.map(
    ([column, type]) => `${p(attachments.map((a) => a[column]))}::${type}[]`,
  );
  const uploadedAt = `${p(row.submitted_at)}::timestamptz`;
  // The receipt notices (one per channel), queued by the outbox's own code within this statement.
  const outboxSql = newDossierOutboxCtes(
    'd',
    { id: row.id, historySeq: entry.seq, at: row.submitted_at },
    outbox,
    p,
  );
  const rows = await q.query(
    `WITH d AS (
       INSERT INTO dossiers (${DOSSIER_COLUMNS.join(', ')}) VALUES (${dossierValues})
       ON CONFLICT DO NOTHING RETURNING id),
     h AS (
       INSERT INTO dossier_history (dossier_id, seq, action, from_status, to_status, actor_kind, actor_id, actor_name,
         note, details, at, prev_hash, hash, state)
       SELECT d.id, ${history.join(', ')} FROM d),
     a AS (
       INSERT INTO dossier_attachments (id, dossier_id, history_seq, document_code, file_name, content_type, size_bytes,
         sha256, storage_key, uploaded_at)
       SELECT x.id, d.id, ${p(entry.seq)}::int, x.document_code, x.file_name, x.content_type, x.size_bytes, x.sha256,
         x.storage_key, ${uploadedAt}
       FROM d, unnest(${arrays.join(', ')}) AS x(id, document_code, file_name, content_type, size_bytes, sha256, storage_key))
     ${outboxSql}
     SELECT id FROM d`,
    params,
  );
  return rows.length === 1;
}

/** Changes the given columns and bumps `version`. */
export async function updateDossier(
  q: Queryable,
  id: string,
  patch: Partial<Pick<DossierRow, DossierColumn>>,
): Promise<void> {
  const columns = Object.keys(patch) as DossierColumn[];
  const sets = columns.map((c, i) => `${c} = $${i + 2}`);
  await q.query(
    `UPDATE dossiers SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1`,
    [id, ...columns.map((c) => toParam(c, patch[c]))],
  );
}

export async function findDossierByReference(
  q: Queryable,
  reference: string,
  options: { forUpdate?: boolean } = {},
): Promise<DossierRow | undefined> {
  return selectRowBy<DossierRow>(q, 'dossiers', 'reference', reference, options);
}

export async function findDossierById(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DossierRow | undefined> {
  return selectRowBy<DossierRow>(q, 'dossiers', 'id', id, options);
}

export async function findDossierByIdempotencyKey(
  q: Queryable,
  residentId: string,
  key: string,
): Promise<DossierRow | undefined> {
  const rows = await q.query<DossierRow>(
    'SELECT * FROM dossiers WHERE resident_id = $1 AND idempotency_key = $2',
    [residentId, key],
  );
  return rows[0];
}

export async function insertHistory(q: Queryable, entry: HistoryRow): Promise<void> {
  await q.query(
    `INSERT INTO dossier_history (dossier_id, seq, action, from_status, to_status, actor_kind, actor_id,
       actor_name, note, details, at, prev_hash, hash, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      entry.dossier_id,
      entry.seq,
      entry.action,
      entry.from_status,
      entry.to_status,
      entry.actor_kind,
      entry.actor_id,
      entry.actor_name,
      entry.note,
      JSON.stringify(entry.details),
      entry.at,
      entry.prev_hash,
      entry.hash,
      JSON.stringify(entry.state),
    ],
  );
}

export async function listHistory(q: Queryable, dossierId: string): Promise<HistoryRow[]> {
  return q.query<HistoryRow>('SELECT * FROM dossier_history WHERE dossier_id = $1 ORDER BY seq', [
    dossierId,
  ]);
}

/** Inserts attachment rows in one statement. */
export async function insertAttachments(
  q: Queryable,
  rows: readonly AttachmentRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [
    'id',
    'dossier_id',
    'history_seq',
    'document_code',
    'file_name',
    'content_type',
    'size_bytes',
    'sha256',
    'storage_key',
    'uploaded_at',
  ] as const;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const start = params.length;
    for (const c of columns) params.push(row[c]);
    return `(${columns.map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  await q.query(
    `INSERT INTO dossier_attachments (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    params,
  );
}

export async function listAttachments(q: Queryable, dossierId: string): Promise<AttachmentRow[]> {
  return q.query<AttachmentRow>(
    'SELECT * FROM dossier_attachments WHERE dossier_id = $1 ORDER BY uploaded_at, id',
    [dossierId],
  );
}

export async function findAttachment(
  q: Queryable,
  dossierId: string,
  attachmentId: string,
): Promise<AttachmentRow | undefined> {
  const rows = await q.query<AttachmentRow>(
    'SELECT * FROM dossier_attachments WHERE dossier_id = $1 AND id = $2',
    [dossierId, attachmentId],
  );
  return rows[0];
}

/** Which of `keys` are referenced by a committed attachment row. */
export async function referencedStorageKeys(
  q: Queryable,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await q.query<{ storage_key: string }>(
    'SELECT storage_key FROM dossier_attachments WHERE storage_key = ANY($1::text[])',
    [keys],
  );
  return new Set(rows.map((r) => r.storage_key));
}

/** A page of dossiers, newest first, for a resident or a commune. */
export async function listDossiers(
  q: Queryable,
  filter: { residentId: string } | { communeCode: string; desk?: string; status?: DossierStatus },
  page: { limit: number; after?: { submittedAt: Date; id: string } },
): Promise<DossierRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if ('residentId' in filter) {
    params.push(filter.residentId);
    where.push(`resident_id = $${params.length}`);
  } else {
    params.push(filter.communeCode);
    where.push(`commune_code = $${params.length}`);
    if (filter.desk) {
      params.push(filter.desk);
      where.push(`desk = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
  }
  if (page.after) {
    params.push(page.after.submittedAt, page.after.id);
    where.push(`(submitted_at, id) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(page.limit);
  return q.query<DossierRow>(
    `SELECT * FROM dossiers WHERE ${where.join(' AND ')} ORDER BY submitted_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
}

/** Every dossier id with its chain head, in a stable order (for audit:verify). */
export async function listDossierHeads(
  q: Queryable,
  afterId: string | null,
  limit: number,
): Promise<Pick<DossierRow, 'id' | 'reference' | 'history_count' | 'history_head'>[]> {
  return q.query(
    `SELECT id, reference, history_count, history_head FROM dossiers
     WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
}
