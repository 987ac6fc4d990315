/**
 * @module
 * Tamper-evident dossier history. Each entry's `hash` is SHA-256 over a canonical serialisation of
 * the entry including the previous entry's hash; the first entry chains from a genesis value bound to
 * the dossier reference, and the dossier row keeps the head hash and count. Editing, deleting or
 * inserting an entry breaks the chain (`npm run audit:verify`).
 */
import { createHash } from 'node:crypto';

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
 * JSON with object keys sorted at every level and no whitespace, so the same value always gives the
 * same bytes (jsonb reorders keys, so insertion order cannot be relied on).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The `prevHash` of a dossier's first entry. */
export function genesisHash(reference: string): string {
  return sha256Hex(`motcua:dossier:${reference}`);
}

export function entryHash(entry: ChainedEntry): string {
  return sha256Hex(canonicalJson(entry));
}
