import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CATALOGUE_DIR,
  PROCEDURES_FILE,
  loadCatalogue,
} from '../../../knowledge/catalogue/load-catalogue.js';
import { Lexicon } from '../../../knowledge/retrieval/lexicon.js';
import { foldedTokens, tokenize } from '../../../knowledge/text/normalize.js';

const lexicon = Lexicon.load();
const hasCatalogue = existsSync(path.join(BUNDLED_CATALOGUE_DIR, PROCEDURES_FILE));

const meaningOf = (question: string) =>
  lexicon
    .match(tokenize(question))
    .map((m) => m.entry.means)
    .filter((m) => m !== '');

describe('lexicon data', () => {
  it('has a note on every entry and no empty phrases', () => {
    for (const entry of lexicon.entries) {
      expect(entry.note.trim(), JSON.stringify(entry.say)).not.toBe('');
      for (const phrase of entry.say)
        expect(foldedTokens(phrase).length, entry.note).toBeGreaterThan(0);
    }
  });

  it.skipIf(!hasCatalogue)('expands only to words that occur in the catalogue', () => {
    const vocabulary = new Set<string>();
    for (const p of loadCatalogue().procedures) {
      const text = [
        p.name,
        p.field ?? '',
        ...p.results,
        ...p.documentGroups.flatMap((g) => g.documents.map((d) => d.name)),
      ].join(' ');
      for (const t of foldedTokens(text)) vocabulary.add(t);
    }
    const missing = lexicon.entries.flatMap((e) =>
      foldedTokens(e.means)
        .filter((t) => !vocabulary.has(t))
        .map((t) => `${t} (in "${e.means}")`),
    );
    expect(missing).toEqual([]);
  });
});

describe('Lexicon.spellOutForReading', () => {
  it("spells out residents' own abbreviations, typed with or without marks, and leaves the shared ones", () => {
    expect(lexicon.spellOutForReading('Bố tôi là NCC, bị nhiễm CĐHH')).toBe(
      'Bố tôi là người có công, bị nhiễm chất độc hóa học',
    );
    expect(lexicon.spellOutForReading('con toi la nkt')).toBe('con toi la người khuyết tật');
    // BHXH is in catalogue names too: the index holds both, the message keeps it as typed.
    expect(lexicon.spellOutForReading('đóng BHXH tự nguyện')).toBe('đóng BHXH tự nguyện');
    // Only whole words: "nccs" is not "ncc".
    expect(lexicon.spellOutForReading('nccs')).toBe('nccs');
  });

  it('has a note on every resident abbreviation', () => {
    const data = JSON.parse(
      readFileSync(new URL('../../../knowledge/retrieval/lexicon.json', import.meta.url), 'utf8'),
    ) as { residentAbbreviations: Record<string, { full: string; note: string }> };
    for (const [short, entry] of Object.entries(data.residentAbbreviations)) {
      if (short.startsWith('_')) continue;
      expect(entry.note.trim(), short).not.toBe('');
      expect(entry.full.trim(), short).not.toBe('');
    }
  });
});

describe('Lexicon.match', () => {
  it('translates everyday words into catalogue wording, with or without diacritics', () => {
    expect(meaningOf('làm sổ đỏ lần đầu')).toEqual([
      'đăng ký đất đai cấp giấy chứng nhận quyền sử dụng đất lần đầu',
    ]);
    expect(meaningOf('lam so do lan dau')).toEqual(meaningOf('làm sổ đỏ lần đầu'));
    expect(meaningOf('cắt khẩu cho bố')).toEqual(['xóa đăng ký thường trú']);
    expect(meaningOf('xin giấy độc thân')).toEqual(['cấp giấy xác nhận tình trạng hôn nhân']);
  });

  it('prefers the longest phrase and leaves question phrases without meaning', () => {
    const matches = lexicon.match(tokenize('mất bao lâu thì xong'));
    expect(matches[0]?.entry.means).toBe('');
    expect(meaningOf('mất căn cước')).toEqual(['cấp lại thẻ căn cước']);
  });

  it('reads a marked-only phrase only when typed with marks ("bo chong" is usually "bố chồng")', () => {
    expect(meaningOf('bỏ chồng được không')).toContain('ly hôn');
    expect(meaningOf('bo chong toi mat nam ngoai')).not.toContain('ly hôn');
  });

  it('steps over possessive words inside a phrase, but only inside', () => {
    expect(meaningOf('bố tôi mất tuần trước')).toEqual(['đăng ký khai tử']);
    expect(meaningOf('bo tui mat roi')).toEqual(['đăng ký khai tử']);
    expect(meaningOf('quán ăn muốn tạm nghỉ')).toEqual(['tạm ngừng kinh doanh hộ kinh doanh']);
    // Not at the start, and not more than two.
    expect(meaningOf('tôi mất')).not.toContain('đăng ký khai tử');
    expect(meaningOf('bố của tôi nhà em mất')).not.toContain('đăng ký khai tử');
  });

  it('forgives one wrong tone in a long phrase, not two, and never a wrong vowel', () => {
    expect(meaningOf('chứng thức bản sao căn cước')).toContain(
      'chứng thực bản sao từ bản chính giấy tờ văn bản',
    );
    // Two wrong tones are another phrase; a wrong vowel (â for ư) is another word.
    expect(meaningOf('chứng thức bàn sao')).not.toContain(
      'chứng thực bản sao từ bản chính giấy tờ văn bản',
    );
    expect(meaningOf('chứng thấc bản sao')).not.toContain(
      'chứng thực bản sao từ bản chính giấy tờ văn bản',
    );
  });

  it('lets a short phrase give way to a clearly longer one that overlaps it', () => {
    // Unaccented "di linh" is also "đi lính" (military service).
    expect(meaningOf('muon cho con di linh luong huu thay')).toEqual([
      'ủy quyền lĩnh thay các chế độ bảo hiểm xã hội',
    ]);
    expect(meaningOf('con trai đi lính')).toEqual(['đăng ký nghĩa vụ quân sự']);
  });

  it('keeps chit-chat phrases that fold to everyday words out of real questions', () => {
    const chitChat = (q: string) =>
      lexicon.match(tokenize(q)).filter((m) => m.entry.kind === 'offtopic').length;
    // "để về" (not the lottery "đề về"), "mua không" (not "mưa không"), "thuê mặt nước", "đất về".
    expect(chitChat('em cuoi xong muon chuyen khau de ve nha chong')).toBe(0);
    expect(chitChat('bhyt co bat buoc mua khong')).toBe(0);
    expect(chitChat('cho thue mat nuoc nuoi ca')).toBe(0);
    expect(chitChat('sang ten dat ve cho con')).toBe(0);
    expect(chitChat('hôm nay trời mưa không')).toBeGreaterThan(0);
  });

  it('reads texting shorthand', () => {
    expect(meaningOf('đk ks cho con ntn')).toEqual(['đăng ký khai sinh']);
    expect(meaningOf('e đã dk nghĩa vụ')).toContain('đăng ký');
  });

  it('does not fire when typed marks say it is another word', () => {
    expect(meaningOf('kể chuyện cười đi')).toEqual([]);
    expect(meaningOf('đám cưới xong rồi, giờ đăng ký cưới ở đâu')).toEqual(['đăng ký kết hôn']);
  });

  it('gives a negation the meaning of what it denies, and weighs background situations less', () => {
    const [pension] = lexicon.match(tokenize('không có lương hưu'));
    expect(pension?.entry.negation).toBe(true);
    expect(pension?.entry.means).toBe('trợ cấp hưu trí xã hội người cao tuổi');
    const [death] = lexicon.match(tokenize('bố mất'));
    expect(death?.entry.means).toBe('đăng ký khai tử');
    expect(death?.entry.weight).toBeLessThan(1);
    expect(lexicon.match(tokenize('làm giấy chứng tử'))[0]?.entry.weight ?? 1).toBe(1);
  });

  it('expands abbreviations in indexed text', () => {
    expect(lexicon.expandAbbreviations('Cấp lại sổ BHXH, thẻ BHYT')).toContain('bảo hiểm y tế');
    expect(lexicon.expandAbbreviations('Đăng ký khai sinh')).toBe('Đăng ký khai sinh');
  });
});

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

describe('lexicon.json: phrases that tell a letter’s story or point back to it', () => {
  it('weighs a marriage told with its place or its years as background, asking to marry as not', () => {
    const told = lexicon
      .match(tokenize('Em gái tôi lấy chồng ở Quảng Xương được bảy năm, nay bị chồng đánh.'))
      .find((m) => m.entry.means === 'đăng ký kết hôn');
    expect(told?.entry.weight).toBeLessThan(1);
    const years = lexicon
      .match(tokenize('Tôi lấy vợ từ năm 2015, nay vợ bỏ đi không rõ tin tức.'))
      .find((m) => m.entry.means === 'đăng ký kết hôn');
    expect(years?.entry.weight).toBeLessThan(1);
    // asking to marry keeps the full weight
    const asked = lexicon
      .match(tokenize('Tháng sau tôi lấy chồng, cần giấy tờ gì?'))
      .find((m) => m.entry.means === 'đăng ký kết hôn');
    expect(asked?.entry.weight ?? 1).toBe(1);
  });

  it('reads "biện pháp này" and "được áp dụng như thế nào" as question words without meaning', () => {
    const tokens = tokenize('Xin hỏi biện pháp đó được áp dụng như thế nào');
    const silent = lexicon.match(tokens).filter((m) => m.entry.means === '');
    // every word of the measure pointed back to and of "áp dụng" is inside a phrase without meaning
    const covered = (word: string) =>
      silent.some((m) => tokens.slice(m.start, m.end).some((t) => t.folded === word));
    for (const word of ['bien', 'phap', 'ap', 'dung']) expect(covered(word), word).toBe(true);
    expect(meaningOf('Xin hỏi biện pháp này áp dụng ra sao')).toEqual([]);
  });
});

describe('lexicon.json: years of work added to the insurance record', () => {
  it('reads "tính bổ sung thời gian" as counting work time, not as a question of how long', () => {
    expect(
      meaningOf('mấy năm tôi làm ở nông trường có được tính bổ sung thời gian để hưởng hưu không'),
    ).toContain('tính thời gian công tác');
    expect(
      meaningOf('xin hoi co duoc tinh them thoi gian cong tac nhung nam lam hop dong khong'),
    ).toContain('tính thời gian công tác');
  });
});

describe('lexicon.json: years counted towards the pension', () => {
  it('reads "được tính vào thời gian hưởng lương hưu" as counting work time', () => {
    expect(
      meaningOf(
        'những năm làm hợp đồng ở lâm trường có được tính vào thời gian hưởng lương hưu không',
      ),
    ).toContain('tính thời gian công tác');
  });
});

describe('lexicon.json: a soldier discharged home', () => {
  it('does not read an old soldier "xuất ngũ về quê" as the reserve registration, but still a young man just discharged', () => {
    expect(
      meaningOf('năm 1976 ông tôi xuất ngũ về quê làm ruộng, nay có được trợ cấp gì không'),
    ).not.toContain('đăng ký phục vụ trong ngạch dự bị');
    expect(meaningOf('con tôi vừa xuất ngũ thì phải đăng ký gì ở xã')).toContain(
      'đăng ký phục vụ trong ngạch dự bị',
    );
  });
});

describe('lexicon.json: charity and scholarship funds (session 8)', () => {
  it('reads a charity or scholarship fund as the licence and charter of a fund', () => {
    expect(meaningOf('chúng tôi muốn lập quỹ từ thiện giúp người nghèo')).toContain(
      'giấy phép thành lập và công nhận điều lệ quỹ',
    );
    expect(meaningOf('thanh lap quy khuyen hoc cua dong ho can giay to gi')).toContain(
      'giấy phép thành lập và công nhận điều lệ quỹ',
    );
  });
});
