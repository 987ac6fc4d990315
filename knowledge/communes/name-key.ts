/**
 * @module
 * How commune names are compared. Official lists disagree on tone placement ("Hoà"/"Hòa"), residents
 * type without marks and with or without "xã"/"phường"/"P.", so names are compared syllable by
 * syllable on the accent-folded letters, and on the marks only when the input carries them.
 */
import {
  canonicalSyllable,
  foldMarks,
  markKey,
  marksCompatible,
  normalizeText,
  syllables,
} from '../text/normalize.js';

/** Unit-type words that may precede a name, in folded form (longest first). */
const TYPE_PREFIXES: readonly (readonly string[])[] = [
  ['thi', 'tran'],
  ['xa'],
  ['phuong'],
  ['p'],
  ['x'],
  ['tt'],
];

/** The syllables of a name (NFC, lower case, one spelling of i/y), marks kept. */
export function nameSyllables(text: string): string[] {
  return syllables(normalizeText(text)).map(canonicalSyllable);
}

/** Drops a leading unit-type word ("xã", "phường", "P.", "thị trấn", "TT"), if any. */
export function stripTypePrefix(words: readonly string[]): string[] {
  const folded = words.map(foldMarks);
  for (const prefix of TYPE_PREFIXES) {
    if (words.length > prefix.length && prefix.every((p, i) => folded[i] === p)) {
      return words.slice(prefix.length);
    }
  }
  return [...words];
}

/**
 * Exact key of a name: folded letters plus a position-free mark key per syllable, so "Hoằng Hoà" and
 * "Hoằng Hòa" share a key but "Hoằng" and "Hoàng" do not.
 */
export function exactKey(words: readonly string[]): string {
  return words.map((w) => `${foldMarks(w)}${markKey(w)}`).join(' ');
}

/** Key without any marks: what an unaccented query is looked up by. */
export function foldedKey(words: readonly string[]): string {
  return words.map(foldMarks).join(' ');
}

/**
 * Whether typed syllables can stand for a known name with the same letters: every mark typed must be
 * in the known name ("hoang giang" and "hoằng giang" fit "Hoằng Giang"; "hoàng giang" does not).
 */
export function nameFits(typed: readonly string[], known: readonly string[]): boolean {
  if (typed.length !== known.length) return false;
  return typed.every(
    (t, i) => foldMarks(t) === foldMarks(known[i]!) && marksCompatible(t, known[i]!),
  );
}
