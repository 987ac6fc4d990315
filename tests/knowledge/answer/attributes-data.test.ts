import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTES_FILE,
  detectAttributes,
  type AttributeWords,
} from '../../../knowledge/answer/attributes.js';
import { foldMarks, hasMarks } from '../../../knowledge/text/normalize.js';
import { foldPhrase, readPhraseFile } from '../../../knowledge/text/phrase-lists.js';

const data = readPhraseFile<AttributeWords>(ATTRIBUTES_FILE);

describe('attributes.json (reviewed attribute words)', () => {
  it('gives every attribute its purpose and every entry a note', () => {
    for (const list of data.attributes) {
      expect(list._about?.length, list.attribute).toBeGreaterThan(10);
      for (const entry of list.list) {
        expect(entry.note.length, entry.say.join(', ')).toBeGreaterThan(10);
        expect(entry.say.length).toBeGreaterThan(0);
      }
    }
  });

  it('lists each attribute once and no phrase twice, folded twins derived not written', () => {
    const names = data.attributes.map((a) => a.attribute);
    expect(new Set(names).size).toBe(names.length);
    const said = data.attributes.flatMap((a) => a.list.flatMap((e) => e.say));
    const folded = said.map(foldPhrase);
    expect(folded.filter((p, i) => folded.indexOf(p) !== i)).toEqual([]);
    const markedTwins = new Set(said.filter(hasMarks).map(foldMarks));
    expect(said.filter((p) => !hasMarks(p) && markedTwins.has(p))).toEqual([]);
  });

  it('matches a phrase typed with marks and without', () => {
    for (const list of data.attributes) {
      for (const phrase of list.list.flatMap((e) => e.say)) {
        expect(detectAttributes(`cho hỏi ${phrase} ạ`), phrase).toContain(list.attribute);
        expect(detectAttributes(`cho hoi ${foldMarks(phrase)} a`), phrase).toContain(
          list.attribute,
        );
      }
    }
  });
});
