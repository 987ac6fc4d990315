/**
 * @module
 * Appends an entry to a dossier's hash-chained history inside the caller's transaction (the dossier
 * row must be locked or freshly inserted, so `history_count`/`history_head` are current). The entry is
 * keyed with the audit key and records the row state it leaves behind (`after`), so every change to a
 * covered column must go through here together with the row update.
 */
import type { DossierStatus } from '../../common/dossier-schema.js';
import type { AuditKey } from '../audit/audit-key.js';
import type { Queryable } from '../store/database.js';
import { insertHistory, type DossierRow, type HistoryRow } from '../store/dossier-repository.js';
import { actorColumns, type Actor } from './context.js';
import { keyedEntryHash, rowState, type RowStateSource } from './history-chain.js';

export interface NewHistoryEntry {
  action: string;
  from: DossierStatus | null;
  to: DossierStatus;
  actor: Actor;
  note: string | null;
  details: Record<string, unknown>;
  at: Date;
  /** The dossier row as this entry leaves it (written in the same transaction). */
  after: RowStateSource;
}

/** Builds the entry (with its hash) that would follow the dossier's current chain head. */
export function buildHistoryEntry(
  key: AuditKey,
  dossier: Pick<DossierRow, 'id' | 'reference' | 'history_count' | 'history_head'>,
  e: NewHistoryEntry,
): HistoryRow {
  const who = actorColumns(e.actor);
  const seq = dossier.history_count + 1;
  // The officer's full name at the time, so every timeline (the resident's too) names who acted.
  const details =
    e.actor.role === 'officer' || e.actor.role === 'admin'
      ? e.actor.displayName
        ? { ...e.details, officerName: e.actor.displayName }
        : e.details
      : e.details;
  const state = rowState(e.after);
  const hash = keyedEntryHash(
    key,
    {
      reference: dossier.reference,
      seq,
      action: e.action,
      fromStatus: e.from,
      toStatus: e.to,
      actorKind: who.kind,
      actorId: who.id,
      actorName: who.name,
      note: e.note,
      details,
      at: e.at.toISOString(),
      prevHash: dossier.history_head,
    },
    state,
  );
  return {
    dossier_id: dossier.id,
    seq,
    action: e.action,
    from_status: e.from,
    to_status: e.to,
    actor_kind: who.kind,
    actor_id: who.id,
    actor_name: who.name,
    note: e.note,
    details,
    at: e.at,
    prev_hash: dossier.history_head,
    hash,
    state,
  };
}

/** Writes the entry; returns the new chain position to store on the dossier row. */
export async function appendHistory(
  q: Queryable,
  key: AuditKey,
  dossier: Pick<DossierRow, 'id' | 'reference' | 'history_count' | 'history_head'>,
  e: NewHistoryEntry,
): Promise<{ history_count: number; history_head: string }> {
  const entry = buildHistoryEntry(key, dossier, e);
  await insertHistory(q, entry);
  return { history_count: entry.seq, history_head: entry.hash };
}
