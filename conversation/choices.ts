import type { ChatChoice } from '../common/chat.js';
import { isThanhHoaCopy, sameProcedure, type Procedure } from '../knowledge/index.js';

/*
 * Clarifying choices as a resident sees them on a phone: one choice per procedure (a national record
 * and its Thanh Hóa copy are one choice — the Thanh Hóa one, which is what the commune applies), and a
 * label that shows the part of each name that tells the options apart, cut at a word boundary.
 */

/** Longest label we show; longer labels are cut at the last whole word before it. */
export const CHOICE_LABEL_CHARS = 80;
/** A shared beginning this long (in words) is elided from every label that has it. */
const MIN_SHARED_WORDS = 4;

/** Thanh Hóa's copy first, then commune-level, then records with details. */
function preference(p: Procedure): number {
  const ours = isThanhHoaCopy(p) ? 8 : 0;
  return ours + (p.levels.includes('xa') ? 4 : 0) + (p.detail === 'full' ? 1 : 0);
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
 * the end ("… lần đầu đối với hộ gia đình" / "… đối với tổ chức"): when a name is too long for a
 * button, the shared beginning is elided so the part that differs is what the resident reads. Labels
 * that would still read the same get the level.
 */
export function choicesOf(options: readonly Procedure[]): ChatChoice[] {
  const names = options.map((p) => words(p.name.replace(/^Thủ tục\s*:?\s+/iu, '')));
  const labels = names.map((all, i) => {
    const shared = Math.max(
      0,
      ...names.map((other, j) => (i === j ? 0 : sharedPrefix(all, other))),
    );
    // Only a name too long for a button loses its shared middle: a short one elided reads
    // "Đăng ký … lưu động" beside "Đăng ký khai sinh lưu động", and the word that told them apart
    // ("khai tử") is the one cut.
    const full = all.join(' ');
    if (full.length <= CHOICE_LABEL_CHARS || shared < MIN_SHARED_WORDS || shared >= all.length)
      return full;
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
