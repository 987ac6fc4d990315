/**
 * @module
 * One-time upgrade of the history chains written before the audit key existed (plain SHA-256, no row
 * state). Run by the store right after the migrations, while the key is at hand: every unkeyed chain
 * that still verifies with the old algorithm is re-hashed with the key, its head entry records the
 * row's current state, and a signed mark records when and how many. A chain already broken is left as
 * it was (and named in the mark), so audits keep reporting it.
 *
 * Why re-key rather than keep reporting "legacy" chains: an unkeyed chain can be recomputed by anyone
 * with database access, so if audits accepted unkeyed chains, an attacker would simply rewrite a new
 * dossier in the old format. After the upgrade, an unkeyed entry is always a finding. The row state of
 * re-keyed dossiers is trusted as it was on the day of the upgrade (nothing protected it before).
 *
 * It runs only while no keyed entry exists: once the database holds keyed entries, unkeyed ones are
 * never blessed again (someone deleting the mark to launder a rewritten dossier through a restart
 * would have to rewrite every dossier, and the new mark's date would show it).
 */
import type { Database, Queryable } from '../store/database.js';
import {
  findDossierById,
  listHistory,
  type DossierRow,
  type HistoryRow,
} from '../store/dossier-repository.js';
import {
  entryHash,
  genesisHash,
  keyedEntryHash,
  rowState,
  type ChainedEntry,
} from '../dossiers/history-chain.js';
import type { AuditKey } from './audit-key.js';
import { LEGACY_REKEYED, readMark, writeMark, type LegacyRekeyed } from './audit-marks.js';

/** Arbitrary constant naming the re-keying's advisory lock (processes starting together). */
const REKEY_LOCK = 7_254_007;

/** The hashed fields of a stored entry, chained from `prevHash`. */
export function chainedEntry(reference: string, e: HistoryRow, prevHash: string): ChainedEntry {
  return {
    reference,
    seq: e.seq,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorKind: e.actor_kind,
    actorId: e.actor_id,
    actorName: e.actor_name,
    note: e.note,
    details: e.details,
    at: e.at.toISOString(),
    prevHash,
  };
}

/** True when `entries` form an intact unkeyed chain whose head and count the row agrees with. */
function legacyChainIntact(d: DossierRow, entries: readonly HistoryRow[]): boolean {
  let prev = genesisHash(d.reference);
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1 || e.prev_hash !== prev || e.state !== null) return false;
    if (entryHash(chainedEntry(d.reference, e, e.prev_hash)) !== e.hash) return false;
    prev = e.hash;
  }
  return entries.length > 0 && d.history_count === entries.length && d.history_head === prev;
}

async function rekeyDossier(tx: Queryable, key: AuditKey, d: DossierRow, entries: HistoryRow[]) {
  let prev = genesisHash(d.reference);
  for (const [i, e] of entries.entries()) {
    // Older entries recorded no state: they get JSON null, not SQL NULL, which marks unkeyed entries
    // only (so the next start finds nothing left to re-key).
    const state = i === entries.length - 1 ? rowState(d) : null;
    const hash = keyedEntryHash(key, chainedEntry(d.reference, e, prev), state);
    await tx.query(
      'UPDATE dossier_history SET prev_hash = $3, hash = $4, state = $5::jsonb WHERE dossier_id = $1 AND seq = $2',
      [d.id, e.seq, prev, hash, JSON.stringify(state)],
    );
    prev = hash;
  }
  await tx.query('UPDATE dossiers SET history_head = $2 WHERE id = $1', [d.id, prev]);
}

/**
 * Re-keys the legacy chains if there are any and it has not been done; returns what it did, or null
 * when there was nothing to do (the usual case: one indexed query).
 */
export async function rekeyLegacyChains(
  db: Database,
  key: AuditKey,
  now: Date = new Date(),
): Promise<LegacyRekeyed | null> {
  const legacy = await db.query('SELECT 1 FROM dossier_history WHERE state IS NULL LIMIT 1');
  if (legacy.length === 0) return null;
  if ((await readMark(db, key, LEGACY_REKEYED)) !== null) return null;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [REKEY_LOCK]);
    if ((await readMark(tx, key, LEGACY_REKEYED)) !== null) return null;
    const keyed = await tx.query('SELECT 1 FROM dossier_history WHERE state IS NOT NULL LIMIT 1');
    if (keyed.length > 0) return null;
    const ids = await tx.query<{ dossier_id: string }>(
      'SELECT DISTINCT dossier_id FROM dossier_history WHERE state IS NULL ORDER BY dossier_id',
    );
    const mark: LegacyRekeyed = { at: now.toISOString(), dossiers: 0, entries: 0, broken: [] };
    for (const { dossier_id } of ids) {
      const d = await findDossierById(tx, dossier_id, { forUpdate: true });
      if (!d) continue;
      const entries = await listHistory(tx, d.id);
      if (!legacyChainIntact(d, entries)) {
        mark.broken.push(d.reference);
        continue;
      }
      await rekeyDossier(tx, key, d, entries);
      mark.dossiers++;
      mark.entries += entries.length;
    }
    await writeMark(tx, key, LEGACY_REKEYED, mark);
    return mark;
  });
}
