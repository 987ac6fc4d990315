/**
 * @module The one way routes read dossiers for a response: a dossier's details (attachments and
 * history, shaped by what the viewer may see, see dossierView), one attachment's record, and the list
 * a viewer may see. Routes do not read dossier tables through the store themselves.
 */
import type { DossierStatus, DossierView } from '../../common/dossier-schema.js';
import type { Queryable } from '../store/database.js';
import {
  findAttachment,
  listAttachments,
  listDossiers,
  listHistory,
  type AttachmentRow,
  type DossierRow,
  type HistoryRow,
} from '../store/dossier-repository.js';
import type { Actor, OfficerActor, ResidentActor } from './context.js';
import { dossierView } from './dossier-view.js';

/**
 * The full view of `dossier` for `viewer`: attachments and history read in parallel, or the rows given
 * in `known` when the caller just wrote them (a new submission needs no re-read).
 */
export async function readDossierDetails(
  db: Queryable,
  dossier: DossierRow,
  viewer: Actor,
  known?: { attachments: AttachmentRow[]; history: HistoryRow[] },
): Promise<DossierView> {
  const [attachments, history] = known
    ? [known.attachments, known.history]
    : await Promise.all([listAttachments(db, dossier.id), listHistory(db, dossier.id)]);
  return dossierView(dossier, attachments, history, viewer);
}

/** The record of one attachment of `dossier` (already checked visible), if it has that one. */
export async function readDossierAttachment(
  db: Queryable,
  dossier: DossierRow,
  attachmentId: string,
): Promise<AttachmentRow | undefined> {
  return findAttachment(db, dossier.id, attachmentId);
}

/**
 * One page of the dossiers `viewer` may see, newest first: a resident's own; an officer's commune
 * (only their desk's, for a desk officer), optionally of one status.
 */
export async function listVisibleDossiers(
  db: Queryable,
  viewer: ResidentActor | OfficerActor,
  page: { limit: number; after?: { submittedAt: Date; id: string }; status?: DossierStatus },
): Promise<DossierRow[]> {
  const filter =
    viewer.role === 'resident'
      ? { residentId: viewer.residentId }
      : {
          communeCode: viewer.communeCode,
          ...(viewer.role === 'officer' && viewer.desk ? { desk: viewer.desk } : {}),
          ...(page.status ? { status: page.status } : {}),
        };
  return listDossiers(db, filter, {
    limit: page.limit,
    ...(page.after ? { after: page.after } : {}),
  });
}
