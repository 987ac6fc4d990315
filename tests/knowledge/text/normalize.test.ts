import { describe, expect, it } from 'vitest';
import {
  bigrams,
  foldMarks,
  foldedTokens,
  markKey,
  marksCompatible,
  normalizeText,
  phraseAt,
  tokenize,
} from '../../../knowledge/text/normalize.js';
import { SyllableCorrector, editDistance } from '../../../knowledge/text/fuzzy.js';
import { telexToFolded } from '../../../knowledge/text/telex.js';

describe('normalizeText / foldMarks', () => {
  it('folds đ/Đ to d/D and strips every diacritic', () => {
    expect(foldMarks('Đăng ký khai sinh ở Đà Nẵng')).toBe('Dang ky khai sinh o Da Nang');
    expect(foldMarks('đường')).toBe('duong');
  });

  it('accepts NFD input and produces the same tokens as NFC', () => {
    const nfc = 'Cấp, quản lý căn cước';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(tokenize(nfd)).toEqual(tokenize(nfc));
    expect(normalizeText(nfd)).toBe('cấp, quản lý căn cước');
  });

  it('lower-cases mixed case and collapses control characters and spaces', () => {
    expect(normalizeText('  ĐĂNG\tKý\u0000  KẾT\u200bHÔN ')).toBe('đăng ký kết hôn');
    expect(foldedTokens('ĐĂNG ký Kết hôn!')).toEqual(['dang', 'ky', 'ket', 'hon']);
  });

  it('keeps accented and folded forms of each syllable, and makes bigrams', () => {
    expect(tokenize('Sổ đỏ')).toEqual([
      { text: 'sổ', folded: 'so' },
      { text: 'đỏ', folded: 'do' },
    ]);
    expect(bigrams(['dang', 'ky', 'ket'])).toEqual(['dang ky', 'ky ket']);
  });
});

describe('markKey', () => {
  it('gives old and new tone placement, and NFD input, the same key', () => {
    expect(markKey('hoà')).toBe(markKey('hòa'));
    expect(markKey('thuỷ')).toBe(markKey('thủy'));
    expect(markKey('đăng'.normalize('NFD'))).toBe(markKey('đăng'));
    expect(markKey('bán')).not.toBe(markKey('bạn'));
  });
});

describe('phraseAt', () => {
  it('finds a phrase whose typed marks fit, and never reads before the first syllable', () => {
    const typed = ['bảo', 'hiểm', 'xã', 'hội', 'xa', 'hoi'];
    expect(phraseAt(typed, 4, ['xã', 'hỏi'])).toBe(true); // typed without marks, both fit
    expect(phraseAt(typed, 2, ['hỏi'])).toBe(false);
    expect(phraseAt(typed, 3, ['hỏi'])).toBe(false); // "hội" is not "hỏi"
    expect(phraseAt(typed, 5, ['hỏi'])).toBe(true); // "hoi" may be "hỏi"
    expect(phraseAt(typed, -1, ['bảo'])).toBe(false);
    expect(phraseAt(typed, 5, ['hoi', 'gi'])).toBe(false);
  });
});

describe('marksCompatible', () => {
  it('accepts a syllable with marks left out, rejects one with different marks', () => {
    expect(marksCompatible('kêt', 'kết')).toBe(true);
    expect(marksCompatible('dăng', 'đăng')).toBe(true);
    expect(marksCompatible('ket', 'kết')).toBe(true);
    expect(marksCompatible('cười', 'cưới')).toBe(false);
    expect(marksCompatible('bạn', 'bán')).toBe(false);
  });
});

describe('typo repair helpers', () => {
  it('turns Telex and VNI leftovers into folded syllables', () => {
    expect(telexToFolded('ddawng')).toBe('dang');
    expect(telexToFolded('kys')).toBe('ky');
    expect(telexToFolded('nguwowif')).toBe('nguoi');
    expect(telexToFolded('d9ang8')).toBe('dang');
    expect(telexToFolded('sinh')).toBeUndefined();
  });

  it('corrects one edit to the most frequent known syllable, and leaves short words alone', () => {
    const corrector = new SyllableCorrector(
      new Map([
        ['thuong', 50],
        ['truong', 20],
        ['lao', 99],
      ]),
    );
    expect(corrector.correct('thuog')).toBe('thuong');
    expect(corrector.correct('thuonng')).toBe('thuong');
    expect(corrector.correct('xyzzy')).toBeUndefined();
    expect(corrector.correct('al')).toBeUndefined();
    expect(editDistance('ekt', 'ket')).toBe(1);
  });
});

describe('spellings written two ways', () => {
  it('keeps one form for a final i or y, marks included', () => {
    const text = (q: string) => tokenize(q).map((t) => t.text);
    expect(text('đăng kí lí lịch')).toEqual(['đăng', 'ký', 'lý', 'lịch']);
    expect(text('liệt sĩ hi sinh')).toEqual(text('liệt sỹ hy sinh'));
    expect(foldedTokens('Quí KÍ tỉ')).toEqual(['quy', 'ky', 'ty']);
  });

  it('leaves other syllables ending in i alone', () => {
    expect(foldedTokens('đi thi chi phí')).toEqual(['di', 'thi', 'chi', 'phi']);
  });
});
