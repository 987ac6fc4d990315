import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../knowledge/retrieval/bm25.js';
import { Lexicon } from '../../../knowledge/retrieval/lexicon.js';
import { NameJudge } from '../../../knowledge/retrieval/name-fit.js';
import type { DocMeta } from '../../../knowledge/retrieval/priors.js';
import { foldedTokens } from '../../../knowledge/text/normalize.js';

const NAMES = [
  'Chuyển mục đích sử dụng đất; chuyển hình thức sử dụng đất; gia hạn sử dụng đất',
  'Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT',
  'Cấp lại thẻ bảo hiểm y tế (thực hiện tại cấp tỉnh)',
  'Đăng ký thường trú',
];
const lexicon = Lexicon.load();
const docs = NAMES.map((name, i): DocMeta => ({
  code: `9.00000${i}`,
  name,
  levels: ['xa'],
  scope: 'national',
  province: null,
  popularity: null,
  detail: 'full',
  citizen: true,
}));
const bm25 = Bm25Index.build(
  NAMES.map((name) => ({ name: lexicon.expandAbbreviations(name), field: '', body: '' })),
);
const judge = new NameJudge({ docs, bm25, lexicon });
const words = (text: string) => new Set(foldedTokens(text));
const markers = (doc: number, segment = 0) =>
  judge.qualifiersOf(doc, segment).map((q) => lexicon.qualifiers[q]!.name.join(' '));

describe('NameJudge', () => {
  it('judges a ";"-joined name by the part the question asks for, and only that part’s markers', () => {
    const fit = judge.fit(0, words('chuyển mục đích sử dụng đất'));
    expect(fit).toEqual({ precision: 1, segment: 1 });
    expect(markers(0, fit.segment)).not.toContain('gia han');
    expect(markers(0)).toContain('gia han');
  });

  it('reads abbreviations as the words they stand for', () => {
    // "BHXH" in the name is matched by "bảo hiểm xã hội" in the question.
    expect(judge.fit(1, words('sổ bảo hiểm xã hội')).precision).toBeGreaterThan(
      judge.fit(1, words('sổ')).precision + 0.1,
    );
  });

  it('ignores action markers in a name that lists actions, keeps them elsewhere', () => {
    expect(markers(1)).toEqual([]);
    expect(markers(2)).toEqual(expect.arrayContaining(['cap lai', 'cap tinh']));
  });

  it('recognises a name typed word for word inside a question', () => {
    expect(judge.isNamedIn(3, ' dang ky thuong tru cho me ')).toBe(true);
    expect(judge.isNamedIn(3, ' dang ky tam tru ')).toBe(false);
  });
});

describe('qualifiers of the insurance records', () => {
  it('marks the records whose names repeat every pensioner’s or worker’s words as variants', () => {
    // A repeated accident, an old injury coming back, emigration, a proxy, a move: the name says
    // what any insurance letter says, the marker is what only that case asks for.
    const names = [
      'Giải quyết hưởng chế độ TNLĐ, BNN đối với trường hợp đã bị TNLĐ, BNN nay tiếp tục bị TNLĐ hoặc BNN',
      'Giải quyết hưởng chế độ TNLĐ, BNN do thương tật, bệnh tật tái phát',
      'Giải quyết hưởng trợ cấp một lần đối với người đang hưởng lương hưu, trợ cấp BHXH hàng tháng ra nước ngoài để định cư',
      'Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp',
      'Giải quyết chuyển hưởng sang địa bàn khác đối với người đang hưởng lương hưu, trợ cấp BHXH hàng tháng',
      'Giải quyết hưởng chế độ TNLĐ, BNN đối với trường hợp bị TNLĐ lần đầu',
    ];
    const insurance = new NameJudge({
      docs: names.map((name, i): DocMeta => ({ ...docs[0]!, code: `9.10000${i}`, name })),
      bm25: Bm25Index.build(
        names.map((name) => ({ name: lexicon.expandAbbreviations(name), field: '', body: '' })),
      ),
      lexicon,
    });
    const of = (doc: number) =>
      insurance.qualifiersOf(doc).map((q) => lexicon.qualifiers[q]!.name.join(' '));
    expect(of(0)).toContain('tiep tuc bi');
    expect(of(1)).toContain('tai phat');
    expect(of(2)).toContain('ra nuoc ngoai de dinh cu');
    expect(of(3)).toContain('linh thay');
    expect(of(4)).toContain('sang dia ban khac');
    expect(of(5)).toEqual([]);
  });
});
