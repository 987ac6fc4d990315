import { describe, expect, it } from 'vitest';
import { Situations } from '../../../../knowledge/retrieval/situations.js';
import { tokenize } from '../../../../knowledge/text/normalize.js';

const situations = Situations.load();
const ids = (text: string) => situations.match(tokenize(text)).map((s) => s.id);

describe('other-desks.json: driving licences', () => {
  it('reissues a lost licence even when its original file is gone too', () => {
    expect(
      ids(
        'Hôm đi chợ tôi đánh rơi bằng lái xe máy, hồ sơ gốc ngày trước cũng thất lạc. Tôi phải thi lại không?',
      ),
    ).toContain('licence-lost-with-file');
  });
});

describe('other-desks.json: diplomas', () => {
  it('reads a lost diploma as the copy from the register', () => {
    expect(
      ids('Nhà tôi bị cháy, mất luôn bằng cao đẳng. Giờ xin việc cần bằng thì làm sao?'),
    ).toContain('diploma-lost');
    expect(
      ids('Bằng tốt nghiệp cấp 3 của tôi bị ướt, mờ chữ hết, có xin lại được không?'),
    ).toContain('diploma-damaged');
  });

  it('reads a diploma whose name differs from the papers as its correction', () => {
    expect(
      ids('Bằng đại học của con tôi ghi sai năm sinh so với giấy khai sinh, sửa ở đâu?'),
    ).toContain('diploma-wrong');
  });
});

describe('other-desks.json: schooling costs', () => {
  it('reads a poor student’s university tuition as the tuition waiver, not a jobless worker’s course', () => {
    expect(
      ids('Con tôi đỗ đại học năm nay, nhà là hộ nghèo, cháu có được miễn học phí không?'),
    ).toContain('tuition-higher-education');
    expect(
      ids(
        'Tôi đang hưởng trợ cấp thất nghiệp, muốn đi học nghề ở trường cao đẳng, có được hỗ trợ học phí không?',
      ),
    ).not.toContain('tuition-higher-education');
  });

  it('hears “học phổ thông” as a general school', () => {
    expect(
      ids('Cháu nhà tôi đang học phổ thông ở xã vùng cao, có được hỗ trợ chi phí học tập không?'),
    ).toContain('school-costs');
  });
});
