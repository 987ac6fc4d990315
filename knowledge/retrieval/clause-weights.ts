/**
 * @module How the parts of a question weigh: residents tell a situation, then ask ("bố mất rồi, giờ
 * muốn đổi chủ hộ"), add why they want something ("… để xây nhà"), and type ages short ("con 15t").
 * These rules turn that into a per-syllable factor the query analyser multiplies into term weights.
 */
import { hasMarks, tokenize, type Token } from '../text/normalize.js';
import { QUERY_WORDS } from './query-words.js';

/** The question's sentence parts (split at punctuation), tokenised as the analyser tokenises. */
export function sentenceParts(question: string): Token[][] {
  return question.split(/[,.;:!?\n]+/u).map((part) => splitShortAges(tokenize(part)));
}

/** For each syllable, the index of the sentence part it is in. */
export function clauseIds(parts: readonly Token[][]): number[] {
  return parts.flatMap((part, c) => part.map(() => c));
}

/**
 * Per-syllable weight factor: 1, or `purpose` inside a purpose clause ("… để xây nhà") that follows a
 * main request in the same sentence part. "cần gì để đăng ký khai sinh" has no main request before
 * "để", so its clause keeps full weight; `topicBefore(i)` can demand that the request before syllable
 * i names a recognised topic ("diện tích tối thiểu để tách thửa" asks about the split itself).
 */
export function purposeFactors(
  tokens: readonly Token[],
  clause: readonly number[],
  purpose: number,
  minMainRequest: number,
  topicBefore: (i: number) => boolean = () => true,
) {
  const factors = tokens.map(() => 1);
  if (clause.length < tokens.length) return factors;
  let content = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // The main request is the one before "để" in the same sentence part, not a letter's story.
    if (i > 0 && clause[i] !== clause[i - 1]) content = 0;
    const marker = hasMarks(t.text)
      ? QUERY_WORDS.purpose.marked.has(t.text)
      : QUERY_WORDS.purpose.folded.has(t.folded) &&
        next !== undefined &&
        !QUERY_WORDS.notPurposeAfter.has(next.folded);
    if (marker && content >= minMainRequest && topicBefore(i)) {
      for (let j = i + 1; j < tokens.length && clause[j] === clause[i]; j += 1)
        factors[j] = purpose;
      continue;
    }
    if (QUERY_WORDS.isContent(t.text)) content += 1;
  }
  return factors;
}

/** "15t", "15tuoi": an age typed short, read as "15 tuổi". */
const SHORT_AGE = /^(\d{1,3})(?:t|tuoi)$/;

/** Splits ages typed short ("con 15t") into the number and "tuổi". */
export function splitShortAges(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => {
    const age = SHORT_AGE.exec(t.folded)?.[1];
    return age === undefined
      ? [t]
      : [
          { text: age, folded: age },
          { text: 'tuổi', folded: 'tuoi' },
        ];
  });
}

/**
 * Per-syllable weight factor: `background` for the sentence parts before one that opens with "giờ",
 * "bây giờ" or "nay" ("tôi đã ly hôn, giờ muốn lấy vợ khác"), 1 elsewhere. Only when the request part
 * has content of its own, so "giấy khai sinh bị mất, giờ làm sao" keeps its topic at full weight.
 */
export function backgroundFactors(
  tokens: readonly Token[],
  clause: readonly number[],
  background: number,
  minMainRequest: number,
) {
  const factors = tokens.map(() => 1);
  if (clause.length < tokens.length) return factors;
  for (let start = 1; start < tokens.length; start += 1) {
    if (clause[start] === clause[start - 1]) continue;
    const opensWithNow = QUERY_WORDS.nowMarkers.some((m) =>
      m.every(
        (syllable, k) =>
          clause[start + k] === clause[start] && tokens[start + k]?.folded === syllable,
      ),
    );
    if (!opensWithNow) continue;
    let content = 0;
    for (let j = start; j < tokens.length && clause[j] === clause[start]; j += 1)
      if (QUERY_WORDS.isContent(tokens[j]!.text)) content += 1;
    if (content < minMainRequest) continue;
    for (let i = 0; i < start; i += 1) factors[i] = background;
    return factors;
  }
  return factors;
}
