import type { Procedure, ResidentItem } from '../catalogue/procedure-schema.js';
import { residentViewOf } from '../catalogue/resident-view.js';
import { receivingAgency } from './compose-answer.js';
import { currentFeeLines } from './current-fees.js';
import { hasOnline } from './format.js';
import { timeLines } from './processing-time.js';

/**
 * The resident's view of one procedure as data (for the mini-app's procedure page and
 * `GET /api/procedures/:code`): the same facts and wording as the chat answer, never reworded.
 */
export interface ResidentSummary {
  code: string;
  name: string;
  /** What to bring in the common case (forms first), and the items of other cases with their condition. */
  documents: { main: ResidentItem[]; conditional: ResidentItem[]; reviewed: boolean };
  /** Current fee lines, one per way of filing (or one when all are the same); ended rates left out. */
  fees: string[];
  /** Processing time lines with their units (per case when they differ). */
  time: string[];
  /** The agency that receives the dossier and the receiving address, as the record says. */
  where: { agency: string | null; receivingAddress: string | null };
  online: boolean;
  fullyOnline: boolean | null;
  /** Official page on the National Public Service Portal. */
  sourceUrl: string;
  /** Catalogue snapshot date (ISO). */
  snapshotDate: string;
}

/** Builds the {@link ResidentSummary} of a record on `today` (ISO date). */
export function residentSummary(
  p: Procedure,
  options: { today: string; snapshotDate: string },
): ResidentSummary {
  const view = residentViewOf(p);
  return {
    code: p.code,
    name: p.name,
    documents: { main: view.main, conditional: view.conditional, reviewed: view.reviewed },
    fees: currentFeeLines(p.filingMethods, options.today),
    time: timeLines(p),
    where: { agency: receivingAgency(p), receivingAddress: p.agencies.receivingAddress },
    online: hasOnline(p),
    fullyOnline: p.fullyOnline,
    sourceUrl: p.sourceUrl,
    snapshotDate: options.snapshotDate,
  };
}
