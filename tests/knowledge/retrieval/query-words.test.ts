import { describe, expect, it } from 'vitest';
import {
  QUERY_WORDS,
  QueryWords,
  WordSet,
  type WordList,
} from '../../../knowledge/retrieval/query-words.js';
import { foldMarks, hasMarks, tokenize } from '../../../knowledge/text/normalize.js';

const lists = Object.entries(QUERY_WORDS.data).filter(
  (entry): entry is [string, WordList] => !entry[0].startsWith('_'),
);

describe('words.json (reviewed word lists)', () => {
  it('gives every list its purpose and every entry a note', () => {
    for (const [name, list] of lists) {
      expect(list._about?.length, name).toBeGreaterThan(20);
      for (const entry of list.list) {
        expect(entry.note.length, `${name}: ${entry.say.join(' ')}`).toBeGreaterThan(10);
        expect(entry.say.length).toBeGreaterThan(0);
      }
    }
  });

  it('lists no word twice, and never writes an unaccented twin that folding derives', () => {
    for (const [name, list] of lists) {
      const said = list.list.flatMap((e) =>
        e.say.map((s) =>
          tokenize(s)
            .map((t) => t.text)
            .join(' '),
        ),
      );
      expect(new Set(said).size, name).toBe(said.length);
      const folded = new Set(said.filter(hasMarks).map(foldMarks));
      expect(
        said.filter((s) => !hasMarks(s) && folded.has(s)),
        `${name}: unaccented twin written out`,
      ).toEqual([]);
    }
    const filler = new Set(QUERY_WORDS.data.filler.list.flatMap((e) => e.say));
    const both = QUERY_WORDS.data.askAbout.list.flatMap((e) => e.say).filter((w) => filler.has(w));
    expect(both).toEqual([]);
  });

  it('writes words as the tokenizer reads them (lower case, one syllable per filler word)', () => {
    for (const name of ['filler', 'askAbout', 'skippable', 'situationSkippable'] as const) {
      for (const word of QUERY_WORDS.data[name].list.flatMap((e) => e.say)) {
        expect(
          tokenize(word).map((t) => t.text),
          name,
        ).toEqual([word]);
      }
    }
  });
});

describe('WordSet', () => {
  const set = new WordSet({
    list: [
      { say: ['thì', 'ko'], note: 'glue and texting' },
      { say: ['mô'], foldedTwin: false, note: '"mo" is also "mổ", "mộ"' },
    ],
  });

  it('judges a word typed with marks exactly, and one typed without by its derived twin', () => {
    expect(set.has('thì')).toBe(true);
    expect(set.has('thi')).toBe(true); // derived twin
    expect(set.has('thí')).toBe(false); // other marks: another word
    expect(set.has('ko')).toBe(true);
  });

  it('has no unaccented twin when the entry says its folded form is another word', () => {
    expect(set.has('mô')).toBe(true);
    expect(set.has('mo')).toBe(false);
  });
});

describe('QueryWords', () => {
  it('tells filler, "what about it" and content words apart, by marks when typed', () => {
    expect(QUERY_WORDS.kind('thế')).toBe('filler');
    expect(QUERY_WORDS.kind('thẻ')).toBe('content');
    expect(QUERY_WORDS.kind('the')).toBe('filler');
    expect(QUERY_WORDS.kind('phí')).toBe('askAbout');
    expect(QUERY_WORDS.kind('hộ')).toBe('content');
  });

  it('loads the clause words of the purpose, "now" and stated-age rules from the file', () => {
    expect(QUERY_WORDS.purpose.has('để')).toBe(true);
    expect(QUERY_WORDS.notPurposeAfter.has('nghi')).toBe(true);
    expect(QUERY_WORDS.nowMarkers).toContainEqual(['bay', 'gio']);
    expect(QUERY_WORDS.ageWords.has('tuoi')).toBe(true);
    expect(QueryWords.load().filler.folded.size).toBe(QUERY_WORDS.filler.folded.size);
  });
});
