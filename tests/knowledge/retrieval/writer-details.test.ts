import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LETTER_FILE, LetterReader } from '../../../knowledge/retrieval/letter-reader.js';
import { Situations } from '../../../knowledge/retrieval/situations.js';
import { tokenize } from '../../../knowledge/text/normalize.js';
import {
  WriterDetails,
  type WriterDetailsData,
} from '../../../knowledge/retrieval/writer-details.js';

const details = new WriterDetails(
  JSON.parse(readFileSync(LETTER_FILE, 'utf8')) as WriterDetailsData,
);
const reader = new LetterReader();
const squeezed = (text: string) => text.replace(/\s+/gu, ' ').trim();
const textOf = (letter: string) =>
  reader
    .readAll(letter)
    ?.map((s) => s.text)
    .join(' | ');

describe("the writer's details a column prints", () => {
  it('drops e-mail addresses and links, and the dots of "TP.HCM" end no sentence', () => {
    expect(
      squeezed(details.withoutContacts('Bạn đọc (hungnv85@gmail.com) ở TP.HCM, xem www.abc.vn')),
    ).toBe('Bạn đọc ( ) ở TP HCM, xem');
  });

  it('drops masked and cut e-mails and the site a column names as its source', () => {
    expect(
      squeezed(
        details.withoutContacts(
          '(Chinhphu.vn) - Ông (quachluc56@...) và bà (tamtt***@gmail.com) hỏi',
        ),
      ),
    ).toBe('( ) - Ông ( ) và bà ( ) hỏi');
  });

  it('drops a signature line, and keeps a last line that asks', () => {
    for (const signature of [
      'Phạm văn Long',
      'NGUYỄN HỮU PHƯỚC (phường Đông Hòa, TX. Dĩ An)',
      'Trần Ngọc Bích Vân (Ấp 3, xã Xuân Thới Đông, huyện Hóc Môn, TP.HCM)',
      'P.T.K.L. (Long Hồ)',
    ])
      expect(details.withoutContacts(`Tôi có phải xin phép không?\n\n${signature}`).trim()).toBe(
        'Tôi có phải xin phép không?',
      );
    const asks = 'Nhà tôi bị mất sổ đỏ.\nTôi phải làm gì';
    expect(details.withoutContacts(asks)).toBe(asks);
  });

  it('drops brackets of names, places and honorifics only', () => {
    expect(
      squeezed(
        details.withoutNamesAndPlaces(
          'Xin hỏi cơ quan nào? (Độc giả Vương Đức Anh, Vĩnh Phúc) (cũ)',
        ),
      ),
    ).toBe('Xin hỏi cơ quan nào? (cũ)');
  });

  it('drops full names and place names, keeps the unit word and lower-case words', () => {
    expect(
      squeezed(
        details.withoutNamesAndPlaces(
          'Tôi là Nguyễn Văn Hùng, ở xã Quảng Phú, huyện Nông Cống (Hà Nội). Mai táng phí của thương binh',
        ),
      ),
    ).toBe('Tôi là , ở xã, huyện . Mai táng phí của thương binh');
  });

  it('keeps "Bà Mẹ Việt Nam Anh hùng" written with capitals, and drops the name after "Ông"', () => {
    expect(
      squeezed(
        details.withoutNamesAndPlaces(
          'Ông Lê Văn T hỏi: mẹ tôi là Bà Mẹ Việt Nam Anh hùng, vừa mất.',
        ),
      ),
    ).toBe('Ông hỏi: mẹ tôi là Bà Mẹ Việt Nam Anh hùng, vừa mất.');
  });

  it('keeps "Bà mẹ Việt Nam anh hùng" and a capitalised word that is no family name', () => {
    const kept = 'Mẹ tôi là Bà mẹ Việt Nam anh hùng, sống ở Anh, Đoàn Thanh niên xã';
    expect(details.withoutNamesAndPlaces(kept)).toBe(kept);
  });
});

describe('a letter as a real column prints it', () => {
  it("reads the same sentences with the writer's full name, e-mail and province", () => {
    const story =
      'Chồng tôi là thương binh hạng 2/4, đang hưởng trợ cấp hằng tháng, vừa mất tuần trước sau một thời gian dài ốm nặng. Gia đình tôi có được hưởng mai táng phí và trợ cấp gì không, thủ tục thế nào?';
    const plain = textOf(story);
    expect(plain).toMatch(/^chồng tôi là thương binh/u);
    expect(textOf(`Bạn đọc Trần Thị Thương (thuongtt85@gmail.com) ở TP.HCM hỏi: ${story}`)).toBe(
      plain,
    );
    expect(textOf(`Bà Trần Thị Thương (Nghệ An) hỏi, ${story}`)).toBe(plain);
    expect(textOf(`Ông Phạm Văn Tâm, ở xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên hỏi: ${story}`)).toBe(
      plain,
    );
    expect(textOf(`${story} (Nguyễn Văn Hùng, Hà Nội)`)).toBe(plain);
  });
});

describe('what a column says of the writer besides a name', () => {
  it('keeps a name the reviewed situations know: a battlefield is no home place', () => {
    const situations = Situations.load();
    const knowing = new LetterReader(undefined, undefined, (name) => {
      return situations.tell(tokenize(name)).spans.size > 0;
    });
    const letter =
      'Ông Trương Quốc V. hỏi: Bác ruột tôi là công nhân một xí nghiệp của tỉnh. Năm 1979 bác được cử đi dân công hỏa tuyến ở Hoàng Su Phì, Hà Giang. Đến nay bác vẫn chưa được hưởng chế độ gì. Xin hỏi bác tôi có được trợ cấp một lần không?';
    const text = knowing
      .readAll(letter)!
      .map((s) => s.text)
      .join(' ');
    expect(text).toContain('hà giang');
    expect(text).not.toContain('trương');
  });

  it('reads the writer’s situation told in the intro as story, and drops an intro that only names', () => {
    const abroad = reader.readAll(
      'Chị L.Q., quê huyện Triệu Sơn, hiện định cư tại Anh, hỏi: Vợ chồng tôi cưới nhau đã hơn 10 năm mà chưa có con. Tôi muốn nhận đứa cháu gọi tôi bằng cô ruột về làm con nuôi, hồ sơ gồm những gì?',
    )!;
    expect(abroad[0]).toEqual({
      text: expect.stringContaining('định cư tại anh') as string,
      request: false,
    });
    const named = reader.readAll(
      'Độc giả có email lehung1970@gmail.com hỏi: Bố tôi tham gia kháng chiến chống Mỹ, bị nhiễm chất độc hóa học, nay đã già yếu. Gia đình muốn làm hồ sơ đề nghị công nhận cho bố thì nộp ở đâu?',
    )!;
    expect(named[0]!.text).toMatch(/^bố tôi tham gia/u);
  });
});
