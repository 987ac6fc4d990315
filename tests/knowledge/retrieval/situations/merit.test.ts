import { describe, expect, it } from 'vitest';
import { Situations } from '../../../../knowledge/retrieval/situations.js';
import { tokenize } from '../../../../knowledge/text/normalize.js';

const situations = Situations.load();
const ids = (text: string) => situations.match(tokenize(text)).map((s) => s.id);

describe('situations/merit.json', () => {
  it('reads "truy tặng" or a long-past death as the posthumous title, a living mother as not', () => {
    const posthumous = ids(
      'Cụ ngoại tôi có hai con trai là liệt sĩ. Gia đình muốn hỏi cụ có đủ tiêu chuẩn truy tặng Bà mẹ Việt Nam anh hùng không?',
    );
    expect(posthumous).toContain('mother-award-posthumous-asked');
    expect(posthumous).not.toContain('mother-award');
    const longAgo = ids(
      'Bà tôi đã khuất, có chồng và con trai đều hy sinh. Xin hỏi bà có được xét tặng danh hiệu Bà mẹ Việt Nam anh hùng không?',
    );
    expect(longAgo).toContain('mother-award-posthumous-asked');
    expect(longAgo).not.toContain('mother-award');
    // a living mother keeps the award to a living mother
    expect(
      ids(
        'Mẹ tôi vẫn còn sống, có con trai là liệt sĩ. Xin hỏi mẹ có được xét tặng danh hiệu Bà mẹ Việt Nam anh hùng không?',
      ),
    ).not.toContain('mother-award-posthumous-asked');
  });

  it('does not read a remarried mother’s title request as the remarried widow’s benefits', () => {
    const told = ids(
      'Bà nội tôi tái giá, người chồng sau và một người con đều hy sinh. Gia đình muốn đề nghị xét tặng danh hiệu Bà mẹ Việt Nam anh hùng cho bà.',
    );
    expect(told).not.toContain('martyr-remarried');
  });
});
