/**
 * @module
 * Checks every dossier's history chain (see dossiers/history-chain.ts): entries numbered 1…n without
 * gaps, each hash recomputed with the audit key from its content and recorded row state, each
 * `prevHash` equal to the previous hash, the dossier row's head/count matching the last entry, the
 * row's current state (status, owner, appointment date, fee, notification channel and recipient, …)
 * equal to the state the head entry recorded, the submitted content matching the hash recorded at
 * submission, and attachment rows matching the digests recorded in the history. An entry whose hash is
 * the public unkeyed SHA-256 is a finding: legacy chains were re-keyed when the key arrived
 * (rekey-legacy.ts). Optionally re-hashes the attachment files on disk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { AttachmentStorage } from '../attachments/attachment-storage.js';
import { contentHash } from '../dossiers/submit-dossier.js';
import {
  entryHash,
  genesisHash,
  keyedEntryHash,
  ROW_STATE_LABELS,
  rowState,
  type RowState,
} from '../dossiers/history-chain.js';
import type { Queryable } from '../store/database.js';
import {
  findDossierById,
  listAttachments,
  listDossierHeads,
  listHistory,
} from '../store/dossier-repository.js';
import type { AuditKey } from './audit-key.js';
import { LEGACY_REKEYED, readMark, type LegacyRekeyed } from './audit-marks.js';
import { chainedEntry } from './rekey-legacy.js';

export interface AuditProblem {
  /** The dossier concerned, or `-` for a problem of the whole database. */
  reference: string;
  /** History entry concerned, when the problem is about one. */
  seq: number | null;
  problem: string;
}

export interface AuditReport {
  dossiers: number;
  entries: number;
  attachments: number;
  /** When dossiers from before the audit key were re-keyed (their row state is trusted from then). */
  legacyRekeyed: { at: string; dossiers: number } | null;
  problems: AuditProblem[];
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return String(value);
}

/** One plain sentence per column where the row differs from the state its head entry recorded. */
export function stateMismatches(row: RowState, recorded: RowState): string[] {
  const out: string[] = [];
  for (const field of Object.keys(ROW_STATE_LABELS) as (keyof RowState)[]) {
    const a = row[field];
    const b = recorded[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out.push(
      `${ROW_STATE_LABELS[field]} in the row is ${shown(a)} but the history says ${shown(b)} (row edited)`,
    );
  }
  return out;
}

async function fileSha256(path: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/**
 * Audits every dossier with the audit `key`; `files` also re-hashes attachment files under the
 * storage folder.
 */
export async function verifyHistory(
  db: Queryable,
  key: AuditKey,
  options: { files?: AttachmentStorage } = {},
): Promise<AuditReport> {
  const report: AuditReport = {
    dossiers: 0,
    entries: 0,
    attachments: 0,
    legacyRekeyed: null,
    problems: [],
  };
  const mark = await readMark<LegacyRekeyed>(db, key, LEGACY_REKEYED);
  if (mark === 'altered') {
    report.problems.push({
      reference: '-',
      seq: null,
      problem:
        'the record of when older dossiers were re-keyed was altered (not signed by the audit key)',
    });
  } else if (mark) {
    report.legacyRekeyed = { at: mark.at, dossiers: mark.dossiers };
  }
  const brokenBefore = new Set(mark && mark !== 'altered' ? mark.broken : []);
  let keyedEntries = 0;
  let after: string | null = null;
  for (;;) {
    const heads = await listDossierHeads(db, after, 500);
    if (heads.length === 0) {
      if (report.entries > 0 && keyedEntries === 0) {
        // Every entry failing at once is a wrong key far more often than a rewritten database.
        report.problems.unshift({
          reference: '-',
          seq: null,
          problem:
            'no history entry matches the configured audit key: is AUDIT_KEY / AUDIT_KEY_FILE the key the server signs with?',
        });
      }
      return report;
    }
    for (const head of heads) {
      report.dossiers++;
      const problem = (seq: number | null, text: string) =>
        report.problems.push({ reference: head.reference, seq, problem: text });
      const entries = await listHistory(db, head.id);
      report.entries += entries.length;
      if (brokenBefore.has(head.reference) && mark && mark !== 'altered') {
        problem(
          null,
          `history already broken when older dossiers were re-keyed (${mark.at}); left unkeyed`,
        );
      }
      let prev = genesisHash(head.reference);
      let expectedSeq = 1;
      for (const e of entries) {
        if (e.seq !== expectedSeq) {
          problem(expectedSeq, `entry ${expectedSeq} is missing (deleted?)`);
          expectedSeq = e.seq;
        }
        if (e.prev_hash !== prev)
          problem(e.seq, 'previous-hash link broken (an earlier entry was changed or removed)');
        const fields = chainedEntry(head.reference, e, e.prev_hash);
        if (keyedEntryHash(key, fields, e.state) === e.hash) keyedEntries++;
        else if (e.state === null && entryHash(fields) === e.hash) {
          problem(
            e.seq,
            'entry is not keyed: its hash is the public unkeyed SHA-256 (rewritten without the audit key)',
          );
        } else problem(e.seq, 'entry content does not match its hash (edited)');
        prev = e.hash;
        expectedSeq++;
      }
      const last = entries[entries.length - 1];
      if (head.history_count !== entries.length || (last && last.seq !== head.history_count)) {
        problem(
          head.history_count,
          `dossier records ${head.history_count} entries but ${entries.length} exist (deleted or inserted)`,
        );
      }
      if (!last || head.history_head !== last.hash) {
        problem(
          last?.seq ?? null,
          'dossier head hash does not match the last entry (last entry deleted or replaced)',
        );
      }

      // The row's state, content and attachments against what the history recorded.
      const dossier = await findDossierById(db, head.id);
      if (dossier && last) {
        if (last.state === null) problem(last.seq, 'the last entry records no dossier state');
        else for (const m of stateMismatches(rowState(dossier), last.state)) problem(last.seq, m);
      }
      const first = entries.find((e) => e.seq === 1);
      if (dossier && first) {
        const recorded = (first.details as { contentHash?: string }).contentHash;
        const actual = contentHash({
          procedureCode: dossier.procedure_code,
          communeCode: dossier.commune_code,
          applicant: {
            fullName: dossier.applicant_name,
            phone: dossier.applicant_phone,
            email: dossier.applicant_email,
          },
          formData: dossier.form_data,
        });
        if (recorded !== actual)
          problem(1, 'dossier content differs from what was submitted (edited)');
      }
      const recordedFiles = new Map<string, { sha256: string; seq: number }>();
      for (const e of entries) {
        const list =
          (e.details as { attachments?: { id: string; sha256: string }[] }).attachments ?? [];
        for (const a of list) recordedFiles.set(a.id, { sha256: a.sha256, seq: e.seq });
      }
      const rows = await listAttachments(db, head.id);
      report.attachments += rows.length;
      for (const row of rows) {
        const recorded = recordedFiles.get(row.id);
        if (!recorded || recorded.sha256 !== row.sha256 || recorded.seq !== row.history_seq) {
          problem(
            row.history_seq,
            `attachment ${row.id} does not match the history (edited or added)`,
          );
        }
        recordedFiles.delete(row.id);
        if (options.files) {
          const digest = await fileSha256(options.files.pathOf(row.storage_key));
          if (digest === null) problem(row.history_seq, `attachment file ${row.id} is missing`);
          else if (digest !== row.sha256)
            problem(row.history_seq, `attachment file ${row.id} was modified`);
        }
      }
      for (const [id, r] of recordedFiles)
        problem(r.seq, `attachment ${id} recorded in the history has no row (deleted)`);
    }
    after = heads[heads.length - 1]!.id;
  }
}
