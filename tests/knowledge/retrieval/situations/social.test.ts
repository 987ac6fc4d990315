import { describe, expect, it } from 'vitest';
import { Situations } from '../../../../knowledge/retrieval/situations.js';
import { tokenize } from '../../../../knowledge/text/normalize.js';

const situations = Situations.load();
const ids = (text: string) => situations.match(tokenize(text)).map((s) => s.id);

describe('situations/social.json: poor households', () => {
  it('hears "ngoài kỳ rà soát" as a recognition asked during the year', () => {
    const now = ids(
      'Nhà tôi có mẹ già ốm liệt giường, không có thu nhập. Xin hỏi có được xét hộ nghèo ngoài kỳ rà soát hằng năm không?',
    );
    expect(now).toContain('poor-now');
    expect(now).not.toContain('poor-review');
  });
});
