/**
 * @module Reviewed phrase lists (JSON, a note per entry) matched on accent-folded text. Each phrase
 * is written once, as typed with marks; its unaccented twin is derived by the same folding the
 * question goes through (`foldedTokens`), so "lệ phí" in the file matches "le phi" and "lệ phí" typed.
 */
import { readFileSync } from 'node:fs';
import { foldedTokens } from './normalize.js';

/** One reviewed entry: phrases as typed with marks, and why they are listed. */
export interface PhraseEntry {
  say: string[];
  note: string;
}

/** A reviewed list with what it is for. */
export interface PhraseList {
  _about?: string;
  list: PhraseEntry[];
}

/** Reads a JSON data file (the caller states its shape). */
export function readPhraseFile<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The folded form of one phrase: folded syllables joined by single spaces ("Mẫu CT01" → "mau ct01"). */
export function foldPhrase(phrase: string): string {
  return foldedTokens(phrase).join(' ');
}

/** Every phrase of the list, folded, in file order. */
export function foldedPhrases(list: PhraseList): string[] {
  return list.list.flatMap((entry) => entry.say.map(foldPhrase));
}

/** The folded phrases as one regular-expression alternation (escaped, in file order). */
export function phraseAlternation(list: PhraseList): string {
  return foldedPhrases(list)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
