import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../knowledge/text/normalize.js';
import { situations, ids } from './support.js';

describe('situations/cues.json', () => {
  it('hears "xét danh hiệu" and "phong danh hiệu" as asking the title', () => {
    expect(
      ids(
        'Mẹ tôi có hai con là liệt sĩ. Xin hỏi mẹ tôi có được xét danh hiệu Bà mẹ Việt Nam anh hùng không?',
      ),
    ).toContain('mother-award');
    expect(
      ids(
        'Bác tôi có chồng và con trai hy sinh. Bác có được phong danh hiệu Bà mẹ Việt Nam anh hùng không?',
      ),
    ).toContain('mother-award');
  });
});

describe('situations/cues.json: shared cues', () => {
  it('hears leave taken to be treated as being off sick, whatever the illness is called', () => {
    expect(
      ids(
        'Chồng tôi đóng BHXH ở công ty, bị viêm gan nên xin nghỉ chữa bệnh hai tháng, có được hưởng chế độ gì không?',
      ),
    ).toContain('insured-sick');
  });

  it('hears a child who lost one parent, asked about in general, as the orphan’s allowance', () => {
    expect(
      ids(
        'Xin hỏi trẻ em mất bố hoặc mẹ, nhà lại khó khăn thì có được nhận trợ cấp hằng tháng không?',
      ),
    ).toContain('orphan-allowance');
  });

  it('hears "mất từ năm …" as a death', () => {
    expect(
      ids(
        'Ông tôi là thương binh, mất từ năm 2009 nhưng gia đình chưa làm thủ tục nhận tiền mai táng. Nay còn được nhận không?',
      ),
    ).toContain('merit-death');
  });
});

describe('situations/cues.json: "mất" as "it takes"', () => {
  it('does not read "nay mất bao nhiêu ngày" as a death', () => {
    const split = ids(
      'Mảnh đất đứng tên tôi, tôi muốn tách một phần cho con gái. Thủ tục này hiện nay mất bao nhiêu ngày?',
    );
    expect(split).toContain('split-land');
    expect(split).not.toContain('inherit-land');
    expect(ids('Mảnh đất do bố tôi đứng tên, nay mất rồi, anh em tôi phải làm gì?')).toContain(
      'inherit-land',
    );
  });
});

describe('situations/cues.json: the writer as the father', () => {
  it('hears "tôi là bố đẻ" and "ghi tên tôi là cha" as a father to be recognised', () => {
    expect(
      ids(
        'Mẹ bé bỏ đi từ khi bé mới đầy tháng. Tôi là bố đẻ của bé, muốn làm giấy khai sinh cho bé.',
      ),
    ).toContain('father-recognition-birth-child-papers');
    expect(
      ids('Con tôi 5 tuổi chưa có khai sinh, mẹ cháu đã mất. Làm sao để ghi tên tôi là cha?'),
    ).toContain('father-recognition-birth-child-papers');
  });
});

describe('situations/cues.json: the insurance record', () => {
  it('hears "hồ sơ bảo hiểm" as the book whose details are to be corrected', () => {
    expect(
      ids(
        'Năm sinh trong hồ sơ bảo hiểm của tôi bị ghi sai so với giấy khai sinh, nay tôi muốn sửa lại thì làm thế nào?',
      ),
    ).toContain('insurance-book-wrong');
  });
});

describe('situations/cues.json: a title already awarded', () => {
  it('hears the title named before "được truy tặng" as awarded, so its benefits are asked', () => {
    const told = ids(
      'Bà nội tôi có hai con là liệt sĩ. Danh hiệu Bà mẹ Việt Nam anh hùng được truy tặng cho bà sau khi bà mất, vậy ai trong nhà được nhận khoản tiền kèm theo?',
    );
    expect(told).toContain('mother-awarded-benefit');
    expect(told).not.toContain('mother-award-posthumous-asked');
  });
});

describe('situations/cues.json: a baby on the way', () => {
  it('hears the coming time told before the mother, and a wife told as pregnant', () => {
    expect(
      ids('Sắp tới vợ tôi sinh, vợ người Mường còn tôi người Kinh, con lấy theo dân tộc nào?'),
    ).toContain('birth-ethnicity');
    expect(
      ids('Vợ tôi có bầu tháng thứ tám, tôi người Tày, vợ người Nùng, con mang dân tộc của ai?'),
    ).toContain('birth-ethnicity');
  });
});

describe('situations/cues.json: a social allowance', () => {
  it('hears "tiền già", typed or not, but not "tiền, gia đình" read across a comma', () => {
    const told = (text: string) => situations.cuesIn(tokenize(text));
    expect(told('Nhà tôi nộp tiền, gia đình giữ phiếu thu của xã.').has('social-allowance')).toBe(
      false,
    );
    expect(told('Ông tôi đang nhận tiền già ở xã.').has('social-allowance')).toBe(true);
    expect(told('ong toi dang nhan tien gia o xa').has('social-allowance')).toBe(true);
    expect(told('Lệ phí và tiền gia hạn tạm trú là bao nhiêu?').has('social-allowance')).toBe(
      false,
    );
  });
});

describe('situations/cues.json: a death told after an accident', () => {
  it('hears "bị tai nạn … và mất" as a death, so a fatal work accident leads to the survivors', () => {
    const told = ids(
      'Anh trai tôi làm ở xưởng cơ khí, tan ca về thì bị tai nạn giao thông rồi mất, công ty xác nhận là tai nạn lao động. Chị dâu tôi được hưởng những khoản gì?',
    );
    expect(told).toContain('work-accident-death');
    expect(told).not.toContain('work-accident');
    expect(
      ids(
        'Bố tôi làm công nhân, trên đường đi làm về bị tai nạn và mất. Mẹ tôi được hưởng chế độ gì?',
      ),
    ).toContain('work-accident-death');
  });
});

describe('situations/cues.json: suing told in so many words (session 8)', () => {
  it('does not hear a lawsuit in "điều kiện" or "sự kiện"', () => {
    const told = situations.cuesIn(
      tokenize('Nhà tôi khó khăn, xin hỏi điều kiện để tổ chức sự kiện từ thiện là gì?'),
    );
    expect(told.has('lawsuit')).toBe(false);
  });

  it('still hears suing told as "khởi kiện" or "đi kiện"', () => {
    expect(
      ids('Nhà tôi nghèo, muốn khởi kiện người hàng xóm lấn đất nhưng không có tiền thuê luật sư.'),
    ).toContain('legal-aid');
    expect(situations.cuesIn(tokenize('Tôi định đi kiện công ty vì nợ lương')).has('lawsuit')).toBe(
      true,
    );
  });
});

describe('situations/cues.json: a lawsuit is not "điều kiện", a move told as the new home', () => {
  it('does not hear a lawsuit in "điều kiện", and still hears one told as "khởi kiện" or "kiện ra tòa"', () => {
    const told = ids(
      'Gia đình tôi thuộc hộ nghèo, hoàn cảnh khó khăn, xin hỏi tôi có đủ điều kiện được hỗ trợ tiền đóng bảo hiểm không?',
    );
    expect(told).not.toContain('legal-aid');
    expect(told).not.toContain('legal-aid-group');
    expect(
      ids(
        'Tôi thuộc hộ nghèo, đang bị người ta kiện ra tòa đòi nhà, tôi không có tiền thuê người bào chữa.',
      ),
    ).toContain('legal-aid');
    expect(
      ids(
        'Nhà tôi khó khăn, muốn khởi kiện công ty nợ lương nhưng không có tiền, có được giúp không?',
      ),
    ).toContain('legal-aid');
  });

  it('hears what is wanted "ở nơi mới" or "ở chỗ ở mới" as a move', () => {
    const tokens = tokenize('Tôi muốn nhập khẩu cả nhà vào chỗ ở mới thì cần giấy tờ gì?');
    expect(situations.cuesIn(tokens).has('move')).toBe(true);
    expect(
      situations
        .cuesIn(tokenize('Bây giờ tôi muốn làm lại giấy tờ ở nơi mới thì làm sao?'))
        .has('move'),
    ).toBe(true);
  });
});
