import { describe, expect, it } from 'vitest';
import {
  cutLetter,
  joinInitialsAndNumbers,
  LetterReader,
} from '../../../knowledge/retrieval/letter-reader.js';

const reader = new LetterReader();

describe('reading a letter', () => {
  it('tells the request sentence from the story', () => {
    const letter = reader.read(
      'Bố tôi mất năm ngoái không để lại di chúc, mẹ tôi và các anh chị em thống nhất để mẹ đứng tên mảnh đất 3 sào. Vậy gia đình tôi phải làm thủ tục gì, có mất lệ phí không?',
    );
    expect(letter?.map((s) => s.request)).toEqual([false, true]);
  });

  it('drops the column’s framing and the writer’s name, keeps "Bà mẹ Việt Nam anh hùng"', () => {
    const letter = reader.read(
      'Bà Nguyễn Thị H. (Nga Sơn) hỏi: Mẹ chồng bà là Bà mẹ Việt Nam anh hùng, sống cùng vợ chồng bà nhiều năm nay, vừa mất tháng trước. Gia đình bà có được hưởng chế độ gì không?',
    );
    const text = letter!.map((s) => s.text).join(' ');
    expect(text).not.toMatch(/nguyễn|nga sơn|hỏi:/u);
    expect(text).toContain('bà mẹ việt nam anh hùng');
  });

  it('drops the framing of a letter typed without marks, so its story is not read as the request', () => {
    const letter = reader.read(
      'Chi H.M. (Hau Loc) hoi: toi co ho khau o xa Hoa Loc tu nho, lay chong cung trong xa, hien di xuat khau lao dong o Nhat Ban gan 3 nam va cuoi nam nay moi ve nuoc. Toi co bi xoa dang ky thuong tru khong, neu bi xoa thi lam sao?',
    );
    expect(letter!.map((s) => s.text).join(' ')).not.toMatch(/h\. ?m|hau loc|hoi:/u);
    expect(letter?.map((s) => s.request)).toEqual([false, true]);
  });

  it('leaves a short question alone', () => {
    expect(reader.read('làm giấy khai sinh cho bé cần gì')).toBeNull();
    expect(reader.read('bố mất rồi, giờ muốn đổi chủ hộ thì làm sao')).toBeNull();
  });

  it('takes the last sentence as the request when none asks in so many words', () => {
    const letter = reader.read(
      'Năm 2015 gia đình tôi được cấp sổ đỏ cho mảnh đất ở thôn Đông. Năm nay trận lũ lớn cuốn trôi hết giấy tờ trong nhà. Tôi cần được cấp lại giấy chứng nhận.',
    );
    expect(letter?.map((s) => s.request)).toEqual([false, false, true]);
  });

  it('keeps the requests of a very long letter within the syllable budget', () => {
    const story = 'Gia đình tôi sống ở thôn này đã lâu đời, làm ruộng và chăn nuôi. '.repeat(12);
    const letter = reader.read(`${story}Xin hỏi thủ tục cấp lại thẻ căn cước thế nào?`)!;
    expect(letter.at(-1)).toMatchObject({ request: true });
    expect(letter.at(-1)!.text).toContain('thẻ căn cước');
    const syllables = letter.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
    expect(syllables).toBeLessThanOrEqual(reader.settings.maxSyllables);
  });

  it("drops the greeting, the thanks and the plea for an answer a law firm's letter is wrapped in", () => {
    const letter = reader.read(
      'Chào luật sư, tôi có câu hỏi mong luật sư giải đáp. Năm 2019 chồng tôi mất vì tai nạn lao động, anh đóng bảo hiểm xã hội được 12 năm. Xin hỏi luật sư mẹ con tôi có được hưởng tiền tuất hằng tháng không? Mong luật sư tư vấn giúp. Xin chân thành cảm ơn!',
    )!;
    expect(letter.map((s) => s.text)).toEqual([
      'năm 2019 chồng tôi mất vì tai nạn lao động, anh đóng bảo hiểm xã hội được 12 năm.',
      'xin hỏi mẹ con tôi có được hưởng tiền tuất hằng tháng không?',
    ]);
  });

  it('keeps a lawyer the story is about, and a sentence that only asks', () => {
    const letter = reader.read(
      'Kính gửi Ban biên tập. Gia đình tôi thuộc hộ nghèo ở xã Nga Sơn, bố mẹ già yếu, đang có tranh chấp ranh giới đất với nhà hàng xóm từ mấy năm nay nhưng không có tiền thuê luật sư. Vậy phải làm sao? Rất mong nhận được phản hồi sớm của quý báo.',
    )!;
    expect(letter.map((s) => s.text)).toEqual([
      'gia đình tôi thuộc hộ nghèo ở xã, bố mẹ già yếu, đang có tranh chấp ranh giới đất với nhà hàng xóm từ mấy năm nay nhưng không có tiền thuê luật sư.',
      'vậy phải làm sao?',
    ]);
  });

  it('does not take "xã hội" in the story for the request marker "hỏi"', () => {
    const letter = reader.read(
      'Mẹ tôi 82 tuổi, đang hưởng trợ cấp xã hội ở xã Hoằng Đạt. Tháng trước bà mất tại nhà sau một thời gian ốm nặng. Gia đình muốn biết có được nhận tiền mai táng không.',
    )!;
    expect(letter.map((s) => s.request)).toEqual([false, false, true]);
  });

  it('takes the framing off a short question too, but not off a question that is nothing else', () => {
    expect(
      reader.unframe('chào luật sư, cho tôi hỏi thủ tục sang tên sổ đỏ. xin cảm ơn luật sư!'),
    ).toBe('cho tôi hỏi thủ tục sang tên sổ đỏ.');
    expect(reader.unframe('cảm ơn bạn nhiều')).toBe('cảm ơn bạn nhiều');
  });
});

describe('cutting a long letter', () => {
  const story = 'Năm 1990 gia đình tôi chuyển về xã sinh sống và làm ruộng ở đó. '.repeat(60);
  const letter = `Bố tôi là thương binh hạng 2/4. ${story}Xin hỏi hồ sơ di chuyển trợ cấp của bố tôi làm ở đâu?`;

  it('leaves a letter within the limit as it is', () => {
    expect(cutLetter('Bố tôi mất. Xin hỏi làm khai tử ở đâu?', 2000, 500)).toBe(
      'Bố tôi mất. Xin hỏi làm khai tử ở đâu?',
    );
  });

  it('keeps the opening and the request at the end, within the limit, at sentence ends', () => {
    expect(letter.length).toBeGreaterThan(3000);
    const cut = cutLetter(letter, 2000, 500);
    expect(cut.length).toBeLessThanOrEqual(2000);
    expect(cut.startsWith('Bố tôi là thương binh hạng 2/4.')).toBe(true);
    expect(cut.endsWith('Xin hỏi hồ sơ di chuyển trợ cấp của bố tôi làm ở đâu?')).toBe(true);
    expect(cut.split('\n')[1]).toMatch(/^Năm 1990/);
  });

  it('reads the request of a 3,000-character letter as its request', () => {
    const sentences = new LetterReader().readAll(letter);
    const requests = sentences?.filter((s) => s.request).map((s) => s.text) ?? [];
    expect(requests.some((s) => s.includes('di chuyển trợ cấp'))).toBe(true);
  });
});

describe('dots that end no sentence', () => {
  it('joins a name’s initials and a number’s thousands', () => {
    expect(joinInitialsAndNumbers('Bà N.T.M. (Hoằng Hóa) hỏi: cụ L. năm nay 103 tuổi.')).toBe(
      'Bà NTM (Hoằng Hóa) hỏi: cụ L năm nay 103 tuổi.',
    );
    expect(joinInitialsAndNumbers('trợ cấp 270.000 đồng, đất 1.600 m2, mã 1.010804')).toBe(
      'trợ cấp 270000 đồng, đất 1600 m2, mã 1.010804',
    );
    // Before a capital, an initial may end a sentence: left as it is.
    expect(joinInitialsAndNumbers('Ông Lê Văn H. Năm 1990 ông đi bộ đội.')).toBe(
      'Ông Lê Văn H. Năm 1990 ông đi bộ đội.',
    );
  });

  it('reads a self-introduction and an amount as one sentence each', () => {
    const sentences = new LetterReader().readAll(
      'Tôi là Nguyễn Thành Đ., ở khu phố 3, thị trấn Nông Cống. Mẹ tôi được trợ cấp 270.000 đồng mỗi tháng, nay mẹ đã mất. Xin hỏi gia đình có được hưởng mai táng phí không?',
    );
    expect(sentences).toHaveLength(3);
    expect(sentences?.[0]?.text).toMatch(/khu phố 3/);
  });
});
