/**
 * @module The intents' reviewed word lists (words.json): follow-up filler, "xem thêm" and "không
 * phải" phrases. Written once with marks; the folded twins the intents match on are derived.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  foldedPhrases,
  phraseAlternation,
  readPhraseFile,
  type PhraseList,
} from '../../knowledge/index.js';

/** The shape of words.json. */
export interface IntentWordsFile {
  _about?: string;
  followUpFiller: PhraseList;
  more: PhraseList;
  reject: PhraseList;
  rejectTail: PhraseList;
}

/** Path of the bundled word lists. */
export const INTENT_WORDS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'words.json',
);

/** The lists as written (for tests and reviews). */
export const INTENT_WORDS: IntentWordsFile = readPhraseFile<IntentWordsFile>(INTENT_WORDS_FILE);

/** Folded words that carry no new topic in a follow-up ("con", "le", "phi", "sao"…). */
export const FOLLOW_UP_FILLER: ReadonlySet<string> = new Set(
  foldedPhrases(INTENT_WORDS.followUpFiller),
);

/** A whole folded message asking for more detail ("xem them"). */
export const MORE_PATTERN = new RegExp(`^(${phraseAlternation(INTENT_WORDS.more)})$`);

// The structure "phrase, then at most one closing particle" stays here: a word list cannot say
// "optional and last"; only the words come from the data.
/** A whole folded message rejecting the answer ("khong phai", "sai roi nhe"). */
export const REJECT_PATTERN = new RegExp(
  `^(${phraseAlternation(INTENT_WORDS.reject)})( (${phraseAlternation(INTENT_WORDS.rejectTail)}))?$`,
);
