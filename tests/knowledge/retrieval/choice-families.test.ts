import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLED_CATALOGUE_DIR,
  PROCEDURES_FILE,
} from '../../../knowledge/catalogue/load-catalogue.js';
import {
  ChoiceFamilies,
  readChoiceFamilies,
} from '../../../knowledge/retrieval/choice-families.js';
import type { OpenedRetriever } from '../../../knowledge/retrieval/open-retriever.js';
import { offeredHits } from '../../../knowledge/retrieval/retriever.js';
import { suiteRetriever } from './support.js';

const ready = existsSync(path.join(BUNDLED_CATALOGUE_DIR, PROCEDURES_FILE));
const families = readChoiceFamilies();

describe('choice-families.json (reviewed data)', () => {
  it('names only procedures of the catalogue, each in one family, each family with a note', () => {
    const codes = new Set(
      readFileSync(path.join(BUNDLED_CATALOGUE_DIR, PROCEDURES_FILE), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { code: string }).code),
    );
    const all = families.flatMap((f) => f.codes);
    expect(all.filter((c) => !codes.has(c))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
    for (const f of families) {
      expect(f.codes.length).toBeGreaterThanOrEqual(2);
      expect(f.note.length).toBeGreaterThan(40);
    }
  });

  it('tells members of one family apart from strangers and from themselves', () => {
    const judge = new ChoiceFamilies([{ codes: ['1', '2'], note: 'n' }]);
    expect(judge.together('1', '2')).toBe(true);
    expect(judge.together('1', '1')).toBe(false);
    expect(judge.together('1', '3')).toBe(false);
  });
});

describe.skipIf(!ready)('choices within a family, over the full catalogue', () => {
  let retriever: OpenedRetriever['retriever'];
  beforeAll(async () => {
    retriever = await suiteRetriever();
  }, 120_000);

  it('offers the award, the posthumous award and the benefits for a mother of martyrs', async () => {
    // Whether she already holds the title decides between them; the letter does not say.
    const letter =
      'Bà Nguyễn Thị T. (Nông Cống) năm nay 91 tuổi, có chồng và con trai út đều là liệt sĩ. Con cháu hỏi bà có được xét tặng danh hiệu Bà mẹ Việt Nam anh hùng không?';
    const result = await retriever.search(letter);
    expect(result.unsure).toBe(true);
    expect(offeredHits(result).map((h) => h.code)).toEqual(
      expect.arrayContaining(['1.014149', '1.014150', '1.010804']),
    );
    const withoutFamilies = retriever.withSettings({
      choices: { ...retriever.settings.choices, familyGap: 0 },
    });
    expect(offeredHits(await withoutFamilies.search(letter)).map((h) => h.code)).toEqual([
      '1.014149',
    ]);
  });
});
