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

export function entryHash(entry: ChainedEntry): string {
  return sha256Hex(canonicalJson(entry));
}
