import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldedTokens } from '../text/normalize.js';
import { phraseAlternation, readPhraseFile, type PhraseList } from '../text/phrase-lists.js';

/*
 * What part of a procedure a resident is asking about ("lệ phí bao nhiêu", "mất mấy ngày", …).
 * Matching runs on accent-folded text so "le phi bao nhieu" works as well as "lệ phí bao nhiêu".
 */

/** A part of a procedure that can be answered narrowly. */
export type Attribute =
  | 'fee'
  | 'time'
  | 'documents'
  | 'where'
  | 'online'
  | 'form'
  | 'legal'
  | 'result'
  | 'steps'
  | 'who'
  | 'conditions';

/** Lower-case, NFC, marks stripped, đ → d, words joined by single spaces (the retrieval folding). */
export function foldForMatching(text: string): string {
  return foldedTokens(text).join(' ');
}

/** The shape of attributes.json: the attributes in priority order, each with its reviewed phrases. */
export interface AttributeWords {
  _about?: string;
  attributes: Array<PhraseList & { attribute: Attribute }>;
}

/** Path of the bundled attribute words. */
export const ATTRIBUTES_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'attributes.json',
);

// One whole-word pattern per attribute over folded text, from the reviewed phrases (attributes.json).
// Order = priority when several match.
const PATTERNS: Array<[Attribute, RegExp]> = readPhraseFile<AttributeWords>(
  ATTRIBUTES_FILE,
).attributes.map((a) => [a.attribute, new RegExp(`\\b(${phraseAlternation(a)})\\b`)]);

/**
 * Attributes asked about, most specific first. Empty when the question names no particular part
 * (then the answer gives the overview).
 */
export function detectAttributes(question: string): Attribute[] {
  const folded = ` ${foldForMatching(question)} `;
  const found: Attribute[] = [];
  for (const [attribute, pattern] of PATTERNS) {
    if (pattern.test(folded)) found.push(attribute);
  }
  // "phí" alone inside "miễn phí online" is about the fee AND online; keep both, fee first.
  // A bare "thủ tục thế nào" is a general question: steps only make sense when nothing else was asked.
  if (found.length > 1) return found.filter((a) => a !== 'steps');
  return found;
}
