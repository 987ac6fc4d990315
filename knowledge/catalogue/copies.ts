/**
 * @module When two catalogue records are one procedure for a resident: the same name under another
 * level or spelling, or a national record that Thanh Hóa republished with a lightly edited name.
 * Retrieval (whether a runner-up is a real alternative) and the conversation (one choice per
 * procedure) decide it the same way.
 */
import { foldText } from './procedure-name.js';

/** The parts of a record the decision reads (`field` only when known). */
export interface CopyCandidate {
  name: string;
  scope: string;
  province: string | null;
  field?: string | null;
}

/** Keys by name: retrieval compares the same few names on every search (at most one per record). */
const keys = new Map<string, string>();

/** The folded name without "Thủ tục", parenthetical parts and level words: copies share it. */
export function copyNameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = foldKey(name);
    keys.set(name, key);
  }
  return key;
}

function foldKey(name: string): string {
  return foldText(name.replace(/^\s*Thủ tục\s*:?\s*/iu, '').replace(/\([^)]*\)/g, ' '))
    .replace(/\b(cap xa|cap tinh|cap huyen)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Thanh Hóa's own copy of a procedure (what the commune applies). */
export function isThanhHoaCopy(p: CopyCandidate): boolean {
  return p.scope === 'provincial' && /thanh h[oó]a/iu.test(p.province ?? '');
}

/**
 * Thanh Hóa republishes national procedures with lightly edited names (1.115538 drops "mà không theo
 * phương án dồn điền, đổi thửa" from 1.013831: Jaccard 0.64, containment 0.81). "Đăng ký kết hôn" vs
 * "… có yếu tố nước ngoài" (Jaccard 0.5) stay apart.
 */
const COPY_JACCARD = 0.6;
const COPY_CONTAINMENT = 0.8;

/** Distinct name words two names share: over all their words (Jaccard) and over the shorter name's. */
function nameOverlap(a: string, b: string): { jaccard: number; containment: number } {
  const wa = new Set(copyNameKey(a).split(' '));
  const wb = new Set(copyNameKey(b).split(' '));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared += 1;
  return {
    jaccard: shared / (wa.size + wb.size - shared),
    containment: shared / Math.min(wa.size, wb.size),
  };
}

/** True when a resident would see the two records as one procedure. */
export function sameProcedure(a: CopyCandidate, b: CopyCandidate): boolean {
  if (copyNameKey(a.name) === copyNameKey(b.name)) return true;
  const pair = isThanhHoaCopy(a) ? [a, b] : isThanhHoaCopy(b) ? [b, a] : null;
  if (!pair || pair[1]!.scope !== 'national') return false;
  if (a.field != null && b.field != null && a.field !== b.field) return false;
  const overlap = nameOverlap(a.name, b.name);
  return overlap.jaccard >= COPY_JACCARD && overlap.containment >= COPY_CONTAINMENT;
}
