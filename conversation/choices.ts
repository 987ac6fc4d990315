import type { ChatChoice } from '../common/chat.js';
import { foldForMatching, type Procedure } from '../knowledge/index.js';

/*
 * Clarifying choices as a resident sees them on a phone: one choice per procedure (a national record
 * and its Thanh Hóa copy are one choice — the Thanh Hóa one, which is what the commune applies), and a
 * label that shows the part of each name that tells the options apart, cut at a word boundary.
 */

/** Longest label we show; longer labels are cut at the last whole word before it. */
export const CHOICE_LABEL_CHARS = 80;
/** A shared beginning this long (in words) is elided from every label that has it. */
const MIN_SHARED_WORDS = 4;

/** Copies of one procedure share this key: the folded name without "Thủ tục" and parenthetical parts. */
export function copyKey(procedure: Procedure): string {
  return foldForMatching(
    procedure.name.replace(/^Thủ tục\s*:?\s+/iu, '').replace(/\([^)]*\)/g, ' '),
  )
    .replace(/\b(cap xa|cap tinh|cap huyen)\b/g, '')
    .trim();
}

/** Thanh Hóa's copy first, then commune-level, then records with details. */
function preference(p: Procedure): number {
  const ours = isOurs(p) ? 8 : 0;
  return ours + (p.levels.includes('xa') ? 4 : 0) + (p.detail === 'full' ? 1 : 0);
}

const isOurs = (p: Procedure) =>
  p.scope === 'provincial' && /thanh h[oó]a/iu.test(p.province ?? '');

/** Distinct name words two names share: over all their words (Jaccard) and over the shorter name's. */
function nameOverlap(a: Procedure, b: Procedure): { jaccard: number; containment: number } {
  const wa = new Set(copyKey(a).split(' '));
  const wb = new Set(copyKey(b).split(' '));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared += 1;
  return {
    jaccard: shared / (wa.size + wb.size - shared),
    containment: shared / Math.min(wa.size, wb.size),
  };
}

/**
 * Thanh Hóa republishes national procedures with lightly edited names (1.115538 drops "mà không theo
 * phương án dồn điền, đổi thửa" from 1.013831: Jaccard 0.64, containment 0.81): a national record and a
 * Thanh Hóa one in the same field whose names share this much are one procedure for the resident.
 * "Đăng ký kết hôn" vs "… có yếu tố nước ngoài" (Jaccard 0.5) stay apart.
 */
const COPY_JACCARD = 0.6;
const COPY_CONTAINMENT = 0.8;

function sameProcedure(a: Procedure, b: Procedure): boolean {
  if (copyKey(a) === copyKey(b)) return true;
  const pair = isOurs(a) ? [a, b] : isOurs(b) ? [b, a] : null;
  if (!pair || pair[1]!.scope !== 'national' || a.field !== b.field) return false;
  const overlap = nameOverlap(a, b);
  return overlap.jaccard >= COPY_JACCARD && overlap.containment >= COPY_CONTAINMENT;
}

/** One procedure per copy group, in the order given, each group represented by its preferred copy. */
export function oneChoicePerProcedure(options: readonly Procedure[]): Procedure[] {
  const groups: Procedure[][] = [];
  for (const p of options) {
    const group = groups.find((g) => g.some((q) => sameProcedure(p, q)));
    if (group) group.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => g.reduce((best, p) => (preference(p) > preference(best) ? p : best)));
}

/** Cuts `text` at the last whole word that fits in `max` characters, with "…" when cut. */
export function cutAtWord(text: string, max = CHOICE_LABEL_CHARS): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  // The character after the cut tells whether the last word was whole.
  const whole = /\s/.test(text.charAt(max)) ? head : head.slice(0, head.lastIndexOf(' '));
  return `${whole.replace(/[\s,;:(–-]+$/u, '')}…`;
}

const words = (name: string) => name.split(/\s+/).filter(Boolean);
const same = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');

function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let k = 0;
  while (k < a.length && k < b.length && same(a[k]!, b[k]!)) k += 1;
  return k;
}

function levelNote(p: Procedure): string {
  if (p.levels.includes('xa')) return 'cấp xã';
  if (p.levels.includes('tinh')) return 'cấp tỉnh';
  if (p.levels.includes('bo')) return 'cấp bộ';
  return '';
}

/**
 * Button labels for clarifying choices. Official names often share a long beginning and differ only at
 * the end ("… lần đầu đối với hộ gia đình" / "… đối với tổ chức"): the shared beginning is elided so the
 * part that differs is what the resident reads. Labels that would still read the same get the level.
 */
export function choicesOf(options: readonly Procedure[]): ChatChoice[] {
  const names = options.map((p) => words(p.name.replace(/^Thủ tục\s*:?\s+/iu, '')));
  const labels = names.map((all, i) => {
    const shared = Math.max(
      0,
      ...names.map((other, j) => (i === j ? 0 : sharedPrefix(all, other))),
    );
    if (shared < MIN_SHARED_WORDS || shared >= all.length) return all.join(' ');
    // Keep the first two words as the topic, then what differs.
    return `${all.slice(0, 2).join(' ')} … ${all.slice(shared).join(' ')}`;
  });
  const cut = labels.map((l) => cutAtWord(l));
  return options.map((p, i) => {
    const clash = cut.some((other, j) => j !== i && same(other, cut[i]!));
    const note = levelNote(p);
    const label =
      clash && note ? `${cutAtWord(labels[i]!, CHOICE_LABEL_CHARS - 12)} (${note})` : cut[i]!;
    return { code: p.code, label: `${label.charAt(0).toUpperCase()}${label.slice(1)}` };
  });
}
