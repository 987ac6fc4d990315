/**
 * @module
 * Tamper-evident dossier history. Each entry's `hash` is an HMAC-SHA256, under the audit key kept
 * outside the database (api/audit/audit-key.ts), of a canonical serialisation of the entry including
 * the previous entry's hash and the dossier row state the entry produced ({@link RowState}); the first
 * entry chains from a genesis value bound to the dossier reference, and the dossier row keeps the head
 * hash and count. Editing, deleting or inserting an entry, or editing a covered column of the row,
 * breaks the chain (`npm run audit:verify`); without the key it cannot be recomputed.
 *
 * Chains written before the key existed used plain SHA-256 without the state ({@link entryHash}); they
 * are re-keyed once when the store opens (api/audit/rekey-legacy.ts).
 */
import { createHash } from 'node:crypto';
import type { AuditKey } from '../audit/audit-key.js';

/** The fields that are hashed, exactly as stored. */
export interface ChainedEntry {
  reference: string;
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  details: unknown;
  /** ISO timestamp with milliseconds. */
  at: string;
  prevHash: string;
}

/**
 * The columns of a dossier row that only a history entry may change, as that entry left them. The head
 * entry's state must equal the row; `audit:verify` names each column that differs.
 */
export interface RowState {
  status: string;
  residentId: string;
  procedureCode: string;
  communeCode: string;
  desk: string;
  appointmentDate: string | null;
  feeAmountVnd: number | null;
  notifyChannel: string;
  notifyRecipient: string | null;
  resultDelivery: string;
  deliveryAddress: string | null;
  missingDocuments: string[];
  /** ISO timestamps with milliseconds. */
  receivedAt: string | null;
  completedAt: string | null;
}

/** The columns {@link RowState} is read from (a dossier row, or a row about to be written). */
export interface RowStateSource {
  status: string;
  resident_id: string;
  procedure_code: string;
  commune_code: string;
  desk: string;
  appointment_date: string | null;
  fee_amount_vnd: number | string | null;
  notify_channel: string;
  notify_recipient: string | null;
  result_delivery: string;
  delivery_address: string | null;
  missing_documents: readonly string[];
  received_at: Date | null;
  completed_at: Date | null;
}

/** The state recorded for `row` (normalised so a row read back from either engine compares equal). */
export function rowState(row: RowStateSource): RowState {
  return {
    status: row.status,
    residentId: row.resident_id,
    procedureCode: row.procedure_code,
    communeCode: row.commune_code,
    desk: row.desk,
    appointmentDate: row.appointment_date,
    feeAmountVnd: row.fee_amount_vnd === null ? null : Number(row.fee_amount_vnd),
    notifyChannel: row.notify_channel,
    notifyRecipient: row.notify_recipient,
    resultDelivery: row.result_delivery,
    deliveryAddress: row.delivery_address,
    missingDocuments: [...row.missing_documents],
    receivedAt: row.received_at ? row.received_at.toISOString() : null,
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
  };
}

/** Plain-words names of the {@link RowState} fields, for audit reports. */
export const ROW_STATE_LABELS: Record<keyof RowState, string> = {
  status: 'status',
  residentId: 'owner (resident_id)',
  procedureCode: 'procedure',
  communeCode: 'commune',
  desk: 'desk',
  appointmentDate: 'appointment date',
  feeAmountVnd: 'fee',
  notifyChannel: 'notification channel',
  notifyRecipient: 'notification recipient',
  resultDelivery: 'result delivery',
  deliveryAddress: 'delivery address',
  missingDocuments: 'missing documents',
  receivedAt: 'received at',
  completedAt: 'completed at',
};

/**
 * JSON with object keys sorted at every level and no whitespace, so the same value always gives the
 * same bytes (jsonb reorders keys, so insertion order cannot be relied on).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  // Hot path (every submission hashes several objects): plain loops, no intermediate entry arrays.
  // The default sort compares UTF-16 code units, exactly like `<` on strings.
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The `prevHash` of a dossier's first entry. */
export function genesisHash(reference: string): string {
  return sha256Hex(`motcua:dossier:${reference}`);
}

/** The unkeyed hash of chains written before the audit key existed (public: anyone can recompute it). */
export function entryHash(entry: ChainedEntry): string {
  return sha256Hex(canonicalJson(entry));
}

/** Domain tag, so a keyed hash can never equal an unkeyed one or a MAC of anything else. */
const KEYED_TAG = 'motcua:history:hmac-v1\n';

/**
 * The keyed hash of an entry and the row state it produced (`null` only for entries re-keyed from a
 * legacy chain, which recorded no state, except their head).
 */
export function keyedEntryHash(key: AuditKey, entry: ChainedEntry, state: RowState | null): string {
  return key.mac(KEYED_TAG + canonicalJson({ ...entry, state }));
}
