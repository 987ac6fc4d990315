import { describe, expect, it } from 'vitest';
import { Situations } from '../../../../knowledge/retrieval/situations.js';
import { tokenize } from '../../../../knowledge/text/normalize.js';

const situations = Situations.load();
const ids = (text: string) => situations.match(tokenize(text)).map((s) => s.id);

describe('situations/insurance.json', () => {
  it('does not read a former soldier’s years abroad as the labour-cooperation record when he asks the 142 allowance', () => {
    const told = ids(
      'Tôi nhập ngũ năm 1968, xuất ngũ năm 1985 rồi đi hợp tác lao động ở Tiệp Khắc. Tôi có được hưởng chế độ theo Quyết định 142 không?',
    );
    expect(told).not.toContain('coop-labour-time');
    expect(
      ids('Tôi đi hợp tác lao động ở Liên Xô từ 1988 đến 1991, thời gian đó có được tính không?'),
    ).toContain('coop-labour-time');
  });
});
