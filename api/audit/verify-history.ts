/**
 * @module
 * Checks every dossier's history chain (see dossiers/history-chain.ts): entries numbered 1…n without
 * gaps, each hash recomputed from its content, each `prevHash` equal to the previous hash, the dossier
 * row's head/count matching the last entry, the submitted content matching the hash recorded at
 * submission, and attachment rows matching the digests recorded in the history. Optionally re-hashes
 * the attachment files on disk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { AttachmentStorage } from '../attachments/attachment-storage.js';
import { contentHash } from '../dossiers/submit-dossier.js';
import { entryHash, genesisHash } from '../dossiers/history-chain.js';
import type { Queryable } from '../store/database.js';
import {
  findDossierById,
  listAttachments,
  listDossierHeads,
  listHistory,
} from '../store/dossier-repository.js';

export interface AuditProblem {
  reference: string;
  /** History entry concerned, when the problem is about one. */
  seq: number | null;
  problem: string;
}

export interface AuditReport {
  dossiers: number;
  entries: number;
  attachments: number;
  problems: AuditProblem[];
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

/** Audits every dossier; `files` also re-hashes attachment files under the storage folder. */
export async function verifyHistory(
  db: Queryable,
  options: { files?: AttachmentStorage } = {},
): Promise<AuditReport> {
  const report: AuditReport = { dossiers: 0, entries: 0, attachments: 0, problems: [] };
  let after: string | null = null;
  for (;;) {
    const heads = await listDossierHeads(db, after, 500);
    if (heads.length === 0) return report;
    for (const head of heads) {
      report.dossiers++;
      const problem = (seq: number | null, text: string) =>
        report.problems.push({ reference: head.reference, seq, problem: text });
      const entries = await listHistory(db, head.id);
      report.entries += entries.length;
      let prev = genesisHash(head.reference);
      let expectedSeq = 1;
      for (const e of entries) {
        if (e.seq !== expectedSeq) {
          problem(expectedSeq, `entry ${expectedSeq} is missing (deleted?)`);
          expectedSeq = e.seq;
        }
        if (e.prev_hash !== prev)
          problem(e.seq, 'previous-hash link broken (an earlier entry was changed or removed)');
        const recomputed = entryHash({
          reference: head.reference,
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
          prevHash: e.prev_hash,
        });
        if (recomputed !== e.hash) problem(e.seq, 'entry content does not match its hash (edited)');
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

      // Content and attachments against what the history recorded.
      const dossier = await findDossierById(db, head.id);
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
