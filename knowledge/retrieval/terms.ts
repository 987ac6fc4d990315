/**
 * @module The term scheme shared by the lexical index and the query side. Three kinds of terms live
 * in one vocabulary: folded syllables ("dang"), folded syllable bigrams ("dang ky") and, for syllables
 * that carry marks, the accented form behind a prefix ("~đăng") so correct diacritics can break ties.
 */
import { bigrams, foldMarks, hasMarks, markKey, tokenize, type Token } from '../text/normalize.js';

/** Prefix of accented-form terms. */
export const ACCENT_PREFIX = '~';

/**
 * The accented term of a syllable with marks: folded letters plus its marks as a set, so old and new
 * tone placement ("hoà"/"hòa") are the same term: "~hoa:\u0300".
 */
export function accentTerm(text: string): string {
  return `${ACCENT_PREFIX}${foldMarks(text)}:${markKey(text)}`;
}

/** Folded syllable and mark set of an accented term. */
export function parseAccentTerm(term: string): { folded: string; marks: Set<string> } {
  const [folded, marks] = term.slice(ACCENT_PREFIX.length).split(':');
  return { folded: folded ?? '', marks: new Set([...(marks ?? '')].filter((c) => c !== '')) };
}

/** Index terms of one token sequence (repeats kept: the caller counts term frequency). */
export function termsOfTokens(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    out.push(t.folded);
    if (hasMarks(t.text)) out.push(accentTerm(t.text));
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
