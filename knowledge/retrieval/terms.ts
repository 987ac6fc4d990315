/**
 * @module The term scheme shared by the lexical index and the query side. Three kinds of terms live
 * in one vocabulary: folded syllables ("dang"), folded syllable bigrams ("dang ky") and, for syllables
 * that carry marks, the accented form behind a prefix ("~đăng") so correct diacritics can break ties.
 */
import { bigrams, hasMarks, tokenize, type Token } from '../text/normalize.js';

/** Prefix of accented-form terms. */
export const ACCENT_PREFIX = '~';

/** Index terms of one token sequence (repeats kept: the caller counts term frequency). */
export function termsOfTokens(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    out.push(t.folded);
    if (hasMarks(t.text)) out.push(ACCENT_PREFIX + t.text);
  }
  out.push(...bigrams(tokens.map((t) => t.folded)));
  return out;
}

/** Index terms of a text field. */
export function termsOfText(text: string): string[] {
  return termsOfTokens(tokenize(text));
}

/** True for a folded single-syllable term (not a bigram, not an accented form). */
export function isUnigram(term: string): boolean {
  return !term.startsWith(ACCENT_PREFIX) && !term.includes(' ');
}
