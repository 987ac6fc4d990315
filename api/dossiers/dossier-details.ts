/**
 * @module The one way routes read a dossier's details for a response: its attachments and history,
 * fetched together, shaped by what the viewer may see (dossierView).
 */
import type { DossierView } from '../../common/dossier-schema.js';
import type { Queryable } from '../store/database.js';
import { listAttachments, listHistory, type DossierRow } from '../store/dossier-repository.js';
import type { Actor } from './context.js';
import { dossierView } from './dossier-view.js';

/** The full view of `dossier` for `viewer` (attachments and history read in parallel). */
export async function readDossierDetails(
  db: Queryable,
  dossier: DossierRow,
  viewer: Actor,
): Promise<DossierView> {
  const [attachments, history] = await Promise.all([
    listAttachments(db, dossier.id),
    listHistory(db, dossier.id),
  ]);
  return dossierView(dossier, attachments, history, viewer);
}
