import type {
  ResidentCommuneOffice,
  ResidentConditionGroup,
  ResidentItem,
  ResidentSummary,
} from '../../common/procedure-contract.js';
import type { Procedure } from '../catalogue/procedure-schema.js';
import { cutLabel, residentViewOf } from '../catalogue/resident-view.js';
import { receivingAgency } from './compose-answer.js';
import { currentFeeLines } from './current-fees.js';
import { hasOnline } from './format.js';
import { timeLines } from './processing-time.js';

export type { ResidentSummary };

const POLICE = /công an/iu;

/** The commune a resident files in, as the commune directory knows it. */
export interface SummaryCommune {
  code: string;
  /** "xã Minh Sơn" (knowledge/communes/commune-texts.ts `communeInSentence`). */
  name: string;
  officeAddress: string | null;
}

/** Conditional items grouped by their condition, in the order the conditions first appear (unnamed last). */
function byCondition(items: readonly ResidentItem[]): ResidentConditionGroup[] {
  const groups = new Map<string | null, ResidentItem[]>();
  for (const item of items) {
    const list = groups.get(item.condition) ?? [];
    list.push(item);
    groups.set(item.condition, list);
  }
  // Items whose case the source does not name come last ("Trường hợp khác" on the page).
  return [...groups]
    .sort(([a], [b]) => Number(a === null) - Number(b === null))
    .map(([condition, list]) => ({ condition, items: list }));
}

/** The record's items the view keeps for officers, with their own text (cut like every label). */
function noteItems(p: Procedure, ids: readonly string[]): ResidentItem[] {
  return ids.flatMap((id) => {
    const [g, d] = id.split('.').map(Number);
    const doc = p.documentGroups[g!]?.documents[d!];
    return doc
      ? [{ id, kind: 'note' as const, label: cutLabel(doc.name), condition: null, forms: [] }]
      : [];
  });
}

/** Who receives the dossier in the resident's commune: its police for police procedures, else the UBND desk. */
function communeOffice(p: Procedure, commune: SummaryCommune): ResidentCommuneOffice {
  const police = POLICE.test(receivingAgency(p) ?? '');
  return {
    code: commune.code,
    name: commune.name,
    desk: police ? `Công an ${commune.name}` : `Bộ phận Một cửa UBND ${commune.name}`,
    officeAddress: commune.officeAddress,
  };
}

/**
 * Builds the {@link ResidentSummary} of a record on `today` (ISO date), for the mini-app's procedure
 * page and `GET /api/procedures/:code`: the same facts and wording as the chat answer, never reworded.
 * With `commune`, "where" names that commune's receiving desk and office address.
 */
export function residentSummary(
  p: Procedure,
  options: { today: string; snapshotDate: string; commune?: SummaryCommune },
): ResidentSummary {
  const view = residentViewOf(p);
  return {
    code: p.code,
    name: p.name,
    documents: {
      main: view.main,
      conditional: view.conditional,
      byCondition: byCondition(view.conditional),
      notes: noteItems(p, view.notes),
      reviewed: view.reviewed,
    },
    fees: currentFeeLines(p.filingMethods, options.today),
    time: timeLines(p),
    where: {
      agency: receivingAgency(p),
      receivingAddress: p.agencies.receivingAddress,
      commune: options.commune ? communeOffice(p, options.commune) : null,
    },
    online: hasOnline(p),
    fullyOnline: p.fullyOnline,
    sourceUrl: p.sourceUrl,
    snapshotDate: options.snapshotDate,
  };
}
