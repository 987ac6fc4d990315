/**
 * @module
 * Public status lookup: full reference + last 4 digits of the phone → status and dates only. A wrong
 * reference and a wrong phone give the same null, so the lookup reveals nothing about which was wrong.
 */
import { timingSafeEqual } from 'node:crypto';
import type { PublicStatusLookup } from '../../common/dossier-contracts.js';
import { normaliseReference, REFERENCE_PATTERN } from '../../common/dossier-schema.js';
import type { Queryable } from '../store/database.js';
import { findDossierByReference } from '../store/dossier-repository.js';
import { publicStatusView } from './dossier-view.js';

export function createPublicStatusLookup(db: Queryable): PublicStatusLookup {
  return async (referenceInput, phoneLast4) => {
    const reference = normaliseReference(referenceInput);
    if (!REFERENCE_PATTERN.test(reference) || !/^\d{4}$/.test(phoneLast4)) return null;
    const row = await findDossierByReference(db, reference);
    const expected = Buffer.from(row?.phone_last4 ?? '----');
    const given = Buffer.from(phoneLast4);
    if (!row || !timingSafeEqual(expected, given)) return null;
    return publicStatusView(row);
  };
}
