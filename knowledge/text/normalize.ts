/**
 * @module Vietnamese text normalisation shared by indexing and querying: NFC, lower case, an
 * accent-folded twin of every token, syllable bigrams. Residents type on phones, often without
 * diacritics, so every comparison that must survive missing marks is done on the folded form.
 */

/** Longest question prefix we look at; longer input is cut (a question is never that long). */
export const MAX_QUERY_CHARS = 500;

// C0/C1 control characters, zero-width characters and the BOM: never meaningful in a question.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TOKEN = /[\p{L}\p{N}]+/gu;

/** NFC (accepting NFD input), lower case, control characters removed, spaces collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(CONTROL, ' ').toLowerCase().replace(/\s+/g, ' ').trim();
}

// Plain ASCII has nothing to fold; most syllables of the catalogue are folded over and over while the
// index is built, so skipping the two Unicode normalisations for them saves seconds.
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
// Syllables repeat: the index build folds, respells and reads the marks of ~2 million of them drawn
// from a few thousand distinct ones, so those per-syllable results are remembered.
const FOLD_CACHE = new Map<string, string>();
const SYLLABLE_CACHE_LIMIT = 50_000;
const SYLLABLE_MAX_CHARS = 12;

/** Strips every diacritic and maps đ/Đ to d/D: "Đăng ký" → "Dang ky". */
export function foldMarks(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return cachedPerSyllable(FOLD_CACHE, text, foldUncached);
}

/** `compute(text)`, remembered for short texts (syllables) while the cache has room. */
function cachedPerSyllable<T>(
  cache: Map<string, T>,
  text: string,
  compute: (text: string) => T,
): T {
  if (text.length > SYLLABLE_MAX_CHARS) return compute(text);
  let value = cache.get(text);
  if (value === undefined) {
    value = compute(text);
    if (cache.size < SYLLABLE_CACHE_LIMIT) cache.set(text, value);
  }
  return value;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Letter/digit runs of already-normalised text (Vietnamese words are space-separated syllables). */
export function syllables(normalized: string): string[] {
  return normalized.match(TOKEN) ?? [];
}

/** Adjacent pairs joined by a space: ["dang","ky","ket"] → ["dang ky","ky ket"]. */
export function bigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/** A token in both forms: `text` keeps diacritics, `folded` has none. */
export interface Token {
  text: string;
  folded: string;
}

// Spellings used interchangeably in official texts; one form is kept so their marks compare equal.
const SPELLING_VARIANTS: Readonly<Record<string, string>> = { hằng: 'hàng' };
/**
 * Syllables written with a final i or y interchangeably ("ký"/"kí", "lý"/"lí", "sĩ"/"sỹ", "tỷ"/"tỉ",
 * "hy sinh"/"hi sinh", "quý"/"quí"): the y form is kept, marks included.
 */
const I_OR_Y = /^(k|l|m|s|t|h|qu)i$/;

const CANONICAL_CACHE = new Map<string, string>();

/** One spelling for syllables that are written two ways. */
export function canonicalSyllable(raw: string): string {
  return cachedPerSyllable(CANONICAL_CACHE, raw, canonicalUncached);
}

function canonicalUncached(raw: string): string {
  const variant = SPELLING_VARIANTS[raw];
  if (variant) return variant;
  if (!I_OR_Y.test(foldMarks(raw))) return raw;
  const decomposed = raw.normalize('NFD');
  const at = decomposed.lastIndexOf('i');
  return `${decomposed.slice(0, at)}y${decomposed.slice(at + 1)}`.normalize('NFC');
}

/** Normalises, splits and folds in one pass (the common path of indexing and querying). */
export function tokenize(text: string): Token[] {
  return syllables(normalizeText(text)).map((raw) => {
    const t = canonicalSyllable(raw);
    return { text: t, folded: foldMarks(t) };
  });
}

/** Folded syllables of a text: the form used for matching that must ignore missing marks. */
export function foldedTokens(text: string): string[] {
  return syllables(normalizeText(text)).map((raw) => foldMarks(canonicalSyllable(raw)));
}

/** True when the token carries any Vietnamese diacritic (or đ). */
export function hasMarks(token: string): boolean {
  return foldMarks(token) !== token;
}

// Vowel marks (circumflex, breve, horn), tone marks (grave, acute, tilde, hook, dot below) and the
// stroke of đ, as seen after NFD ("đ" has no decomposition, so it is tracked separately).
const MARK_OF = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]/g;

/**
 * The marks of a syllable (vowel marks, tone, đ), whatever their position. Remembered per syllable:
 * every cue and lexicon phrase compares marks, and a long letter asks for the same few hundred
 * syllables thousands of times.
 */
export function markSet(token: string): ReadonlySet<string> {
  return cachedPerSyllable(MARK_SET_CACHE, token, (t) => {
    const marks = new Set(t.normalize('NFD').match(MARK_OF) ?? []);
    if (/[đĐ]/.test(t)) marks.add('đ');
    return marks;
  });
}
const MARK_SET_CACHE = new Map<string, ReadonlySet<string>>();

/**
 * The marks of a syllable as a position-free key: "hoà" (old tone placement) and "hòa" (new) get the
 * same key, as do NFC and NFD input.
 */
export function markKey(token: string): string {
  return cachedPerSyllable(MARK_KEY_CACHE, token, (t) => [...markSet(t)].sort().join(''));
}
const MARK_KEY_CACHE = new Map<string, string>();

/**
 * Whether a typed syllable can stand for a known one with the same letters: every mark the resident
 * typed must be in the known form ("kêt" fits "kết": a tone was left out), but a different mark means
 * a different word ("cười" laugh is not "cưới" marry; "bạn" friend is not "bán" sell).
 */
export function marksCompatible(typed: string, known: string): boolean {
  const have = markSet(known);
  for (const mark of markSet(typed)) if (!have.has(mark)) return false;
  return true;
}

/**
 * Whether the known phrase's syllables stand at `start` of the typed syllables: same letters, and
 * every typed mark fits ("xã hội" does not hold the phrase "hỏi"; "xa hoi" may).
 */
export function phraseAt(
  typed: readonly string[],
  start: number,
  phrase: readonly string[],
): boolean {
  if (start < 0 || start + phrase.length > typed.length) return false;
  return phrase.every((known, k) => {
    const t = typed[start + k]!;
    return foldMarks(t) === foldMarks(known) && marksCompatible(t, known);
  });
}
