import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../knowledge/retrieval/lexicon.js';
import { tokenize } from '../../../knowledge/text/normalize.js';

const lexicon = Lexicon.load();
const meaningOf = (question: string) =>
  lexicon
    .match(tokenize(question))
    .map((m) => m.entry.means)
    .filter((m) => m !== '');

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
