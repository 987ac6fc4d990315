/**
 * @module
 * Audit marks: small records in `audit_marks` signed with the audit key, so their content can be
 * trusted as long as the key is (one is written when legacy chains are re-keyed). A mark someone
 * edited or forged without the key reads as `altered`.
 */
import { canonicalJson } from '../dossiers/history-chain.js';
import type { Queryable } from '../store/database.js';
import type { AuditKey } from './audit-key.js';

/** Name of the mark written when the unkeyed chains of older dossiers were re-keyed. */
export const LEGACY_REKEYED = 'legacy-rekeyed';

/** What the re-keying recorded. */
export interface LegacyRekeyed {
  /** ISO time of the re-keying: the row state of these dossiers is trusted from then on. */
  at: string;
  dossiers: number;
  entries: number;
  /** References whose unkeyed chain was already broken then (left as they were, reported by audits). */
  broken: string[];
}

function markMac(key: AuditKey, name: string, value: unknown): string {
  return key.mac(`motcua:audit-mark:${name}\n${canonicalJson(value)}`);
}

export async function writeMark(
  q: Queryable,
  key: AuditKey,
  name: string,
  value: unknown,
): Promise<void> {
  await q.query(
    `INSERT INTO audit_marks (name, value, mac) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, mac = EXCLUDED.mac`,
    [name, JSON.stringify(value), markMac(key, name, value)],
  );
}

/** The mark, `'altered'` when its signature does not hold, or null when there is none. */
export async function readMark<T>(
  q: Queryable,
  key: AuditKey,
  name: string,
): Promise<T | 'altered' | null> {
  const rows = await q.query<{ value: T; mac: string }>(
    'SELECT value, mac FROM audit_marks WHERE name = $1',
    [name],
  );
  const row = rows[0];
  if (!row) return null;
  return markMac(key, name, row.value) === row.mac ? row.value : 'altered';
}
