import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../knowledge/retrieval/lexicon.js';
import { tokenize } from '../../../knowledge/text/normalize.js';

const lexicon = Lexicon.load();
const meaningOf = (question: string) =>
  lexicon
    .match(tokenize(question))
    .map((m) => m.entry.means)
    .filter((m) => m !== '');

describe('lexicon.json: vocational training paid for or short', () => {
  it('reads the cost of a short vocational course as the catalogue’s "hỗ trợ đào tạo nghề"', () => {
    expect(meaningOf('con tôi muốn học nghề sơ cấp, nhà nghèo có được hỗ trợ không')).toContain(
      'hỗ trợ đào tạo nghề',
    );
    expect(meaningOf('xin hoi tien hoc nghe may cong nghiep co duoc nha nuoc chi khong')).toContain(
      'hỗ trợ đào tạo nghề',
    );
  });
});
