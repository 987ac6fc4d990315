import { describe, expect, it } from 'vitest';
import { ids } from './support.js';

describe('situations/social.json: poor households', () => {
  it('hears "ngoài kỳ rà soát" as a recognition asked during the year', () => {
    const now = ids(
      'Nhà tôi có mẹ già ốm liệt giường, không có thu nhập. Xin hỏi có được xét hộ nghèo ngoài kỳ rà soát hằng năm không?',
    );
    expect(now).toContain('poor-now');
    expect(now).not.toContain('poor-review');
  });
});

describe('situations/social.json: a disability level asked about', () => {
  it('reads a level the letter asks about as the assessment, not the allowance of a level assessed', () => {
    const asked = ids(
      'Con gái tôi 9 tuổi bị teo cơ một bên tay, cầm nắm rất khó. Cháu có được xếp là khuyết tật nhẹ hay không để được hưởng chế độ?',
    );
    expect(asked).toContain('disability-whether');
    expect(asked).not.toContain('disabled-level-allowance');
    expect(
      ids('Con tôi khuyết tật nặng, xã đã xác định rồi. Cháu được hưởng trợ cấp bao nhiêu?'),
    ).toContain('disabled-level-allowance');
  });
});

describe('situations/social.json', () => {
  it('reads an old person alone in a poor household as the monthly social allowance, a merit allowance or not', () => {
    expect(
      ids(
        'Cụ ông hàng xóm tôi năm nay 62 tuổi, neo đơn, không có con cái, thuộc hộ nghèo của xã. Cụ có được nhận trợ cấp gì không?',
      ),
    ).toContain('elderly-lonely-poor');
    expect(
      ids(
        'Bác tôi đang hưởng trợ cấp thương binh, sống một mình, không vợ không con, là hộ nghèo. Bác có được hưởng thêm trợ cấp xã hội không?',
      ),
    ).toContain('elderly-lonely-poor');
  });
});

describe('situations/social.json: legal aid', () => {
  it('does not read a question whether court is needed as a lawsuit asking legal aid', () => {
    expect(
      ids(
        'Nhà tôi khó khăn, bố mất để lại mảnh vườn, mấy anh em đã thống nhất chia nhau thì có cần ra tòa không?',
      ),
    ).not.toContain('legal-aid');
    expect(
      ids('Gia đình tôi là hộ nghèo, muốn nhận con nuôi là cháu ruột thì có phải ra tòa không?'),
    ).not.toContain('legal-aid');
    expect(
      ids('Tôi bị hàng xóm kiện ra tòa mà nhà khó khăn, không có tiền thuê luật sư thì làm sao?'),
    ).toContain('legal-aid');
  });
});

describe('situations/social.json: the allowance for the old', () => {
  it('hears "tiền già", typed or not, but not "tiền, gia đình" read across a comma', () => {
    expect(
      ids('Bố tôi đã nộp đủ tiền, gia đình còn giữ biên lai thu từ năm 1996 đến nay.'),
    ).not.toContain('elderly-allowance-asked');
    expect(ids('Bà nội tôi năm nay 81 tuổi, có được nhận tiền già không?')).toContain(
      'elderly-allowance-asked',
    );
    expect(ids('ba noi toi 82 tuoi, lam tien gia o dau')).toContain('elderly-allowance-asked');
    expect(ids('bo toi nop du tien, gia dinh con giu bien lai')).not.toContain(
      'elderly-allowance-asked',
    );
  });
});

describe('situations/social.json: a child harmed at home', () => {
  it('hears the removal of a child from a parent as child harm, and a relative taking the child in as alternative care', () => {
    const removed = ids(
      'Bố dượng hay say rượu, đêm nào cũng chửi bới, con bé nhà chị tôi sợ không dám về. Xã có thể cách ly cháu khỏi ông ấy không?',
    );
    expect(removed).toContain('child-harm');
    const relative = ids(
      'Hai đứa cháu ngoại tôi bị bố đẻ đánh suốt, mẹ các cháu đi làm xa. Tôi muốn xin đón cháu về nuôi thì báo ai?',
    );
    expect(relative).toContain('child-harm-relative-care');
    expect(
      ids('Con gái tôi bị chồng đánh đập nhiều lần, xin hỏi xã có cấm anh ta đến gần không?'),
    ).not.toContain('child-harm');
  });
});

describe('situations/social.json: a household taken off the poor list', () => {
  it('reads a household made to leave poverty that asks to be reconsidered as the recognition, not leaving poverty', () => {
    const told = ids(
      'Nhà tôi vẫn khó khăn mà năm nay xã cho thoát nghèo. Tôi muốn xin xét lại hộ nghèo thì làm đơn thế nào?',
    );
    expect(told).toContain('poor-reconsider');
    expect(told).not.toContain('leave-poverty');
    expect(ids('Nhà tôi làm ăn đã khá hơn, muốn thoát nghèo thì làm thế nào?')).toContain(
      'leave-poverty',
    );
  });
});

describe('situations/social.json: parents who died leaving young children', () => {
  it("reads the parents' death told by the children they left as the orphan allowance, not the death registration", () => {
    const told = ids(
      'Em gái tôi và chồng bị tai nạn mất năm ngoái, để lại hai đứa nhỏ 3 tuổi và 5 tuổi. Các cháu đang ở với bà ngoại. Xin hỏi các cháu có được trợ cấp gì không?',
    );
    expect(told).toContain('orphan-allowance');
    expect(told).not.toContain('death-report');
    expect(
      ids('Anh chị tôi qua đời vì bệnh, để lại con thơ. Tôi đang nuôi cháu, có được hỗ trợ không?'),
    ).toContain('orphan-allowance');
  });
});
