import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../knowledge/text/normalize.js';
import { codes, ids, situations } from './support.js';

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

describe('other-desks.json: school costs at a private school', () => {
  it('reads a private kindergarten or lower-school pupil as the private schools’ record', () => {
    const told = ids(
      'Cháu nhà tôi học lớp 7 ở trường tư thục gần nhà, năm nay có được miễn học phí như trường công không?',
    );
    expect(told).toContain('school-costs-private');
    expect(told).not.toContain('school-costs');
    expect(
      ids('Con tôi gửi mẫu giáo dân lập, nghe nói được hỗ trợ học phí, làm giấy gì?'),
    ).toContain('school-costs-private');
  });

  it('reads a private upper-secondary pupil as the upper-secondary record', () => {
    const told = ids(
      'Con gái tôi vào lớp 10 trường ngoài công lập, có phải đóng học phí không hay được nhà nước hỗ trợ học phí?',
    );
    expect(told).toContain('school-costs-private-upper');
    expect(told).not.toContain('school-costs-private');
  });

  it('keeps a public school pupil with the public record', () => {
    expect(
      ids('Con tôi học cấp 2 trường công lập, nhà thuộc hộ nghèo, có được hỗ trợ học phí không?'),
    ).toContain('school-costs');
  });

  it('reads a private university student’s fee waiver as the private schools’ record', () => {
    const told = ids(
      'Em là sinh viên mồ côi, học đại học tư thục ở Hà Nội, em có được miễn giảm học phí không?',
    );
    expect(told).toContain('tuition-higher-education-private');
    expect(told).not.toContain('tuition-higher-education');
  });
});

describe('other-desks.json: founding an association', () => {
  it('reads a group wanting to found an association as its founding, provincial first', () => {
    expect(
      ids(
        'Mấy người nuôi chim cảnh chúng tôi chơi với nhau lâu rồi, giờ muốn thành lập một hội cho có tổ chức thì xin phép ở đâu?',
      ),
    ).toContain('association-found');
  });

  it('reads one commune’s association as founded at the commune', () => {
    const told = ids(
      'Các cụ cao tuổi cùng thôn muốn lập hội thơ để sinh hoạt mỗi tháng, thủ tục thế nào?',
    );
    expect(told).toContain('association-found-commune');
    expect(told).not.toContain('association-found');
  });

  it('reads members across the country as the ministry’s founding', () => {
    expect(
      ids('Chúng tôi là cựu học viên khắp cả nước, muốn lập ra một hội để giúp đỡ nhau.'),
    ).toContain('association-found-nationwide');
  });

  it('reads a home-town association as an association, not a council', () => {
    expect(
      ids('Người cùng quê ở mấy tỉnh phía Nam muốn thành lập hội đồng hương toàn quốc, xin ở đâu?'),
    ).toContain('association-found-nationwide');
  });

  it('takes the members told (retired, veterans) as whom the founding concerns', () => {
    const found = situations
      .match(
        tokenize(
          'Chúng tôi là cựu chiến binh đã nghỉ hưu, muốn lập hội để thăm nhau khi ốm đau, xin phép ai?',
        ),
      )
      .find((s) => s.id === 'association-found');
    expect(found?.concerns).toEqual(expect.arrayContaining(['veteran', 'retire', 'sick']));
  });

  it('does not read a council set up as an association', () => {
    const told = ids('Xã thành lập hội đồng xét duyệt hộ nghèo, tôi muốn khiếu nại kết quả.');
    expect(told).not.toContain('association-found');
    expect(told).not.toContain('association-found-commune');
    expect(ids('Xã cho phép chúng tôi thành lập hội khuyến học không?')).toContain(
      'association-found',
    );
  });
});

describe('other-desks.json: certifying a power of attorney', () => {
  it('reads signing a proxy paper in front of the commune officer as the signature certification', () => {
    expect(
      ids(
        'Mẹ tôi viết giấy ủy quyền cho tôi nhận tiền bảo hiểm thay, bà ra xã ký trước mặt cán bộ tư pháp có được không?',
      ),
    ).toContain('certify-proxy-signature');
  });
});

describe('other-desks.json: environment and forest (session 8)', () => {
  it('reads an environmental or discharge permit asked by a farm as the environmental permit', () => {
    expect(
      ids('Trang trại gà của tôi có 5.000 con, có phải xin giấy phép môi trường không?'),
    ).toContain('environment-permit');
    expect(
      ids('Xưởng mộc nhà tôi xả nước thải ra mương, có cần xin giấy phép gì không?'),
    ).toContain('wastewater-permit');
    expect(
      ids('Nhà tôi xây nhà mới, nước thải chảy ra ngõ, có cần giấy phép xây dựng không?'),
    ).not.toContain('wastewater-permit');
  });

  it('reads timber to be cut from a household forest as the harvesting plan at the commune', () => {
    const told = ids(
      'Gia đình tôi nhận đất rừng từ năm 2000, nay cây đã thành gỗ lớn, muốn khai thác gỗ để bán thì xin phép ở đâu?',
    );
    expect(told).toContain('forest-timber-harvest');
    expect(
      ids('Tôi có rừng trồng keo, muốn vay vốn để khai thác rừng gỗ lớn thì thế nào?'),
    ).not.toContain('forest-timber-harvest');
  });
});

describe('other-desks.json: service driving licences', () => {
  it('reads an army licence kept after leaving the service as its exchange, not the ordinary one', () => {
    const told = ids(
      'Tôi xuất ngũ năm ngoái, đang giữ bằng lái xe quân sự hạng B2 còn hạn. Về quê muốn lái xe cho công ty thì đổi thế nào?',
    );
    expect(told).toContain('licence-military');
    expect(told).not.toContain('licence-renew');
  });

  it('reads a licence issued inside the police as the People’s Police exchange', () => {
    const told = ids(
      'Chồng tôi nghỉ công tác, có bằng lái xe do ngành công an cấp hạng C. Nay muốn đổi sang bằng thường để chạy xe tải thì làm sao?',
    );
    expect(told).toContain('licence-police');
    expect(told).not.toContain('licence-renew');
  });

  it('reads “đổi sang bằng lái dân sự” without the service named as the army’s exchange first', () => {
    expect(
      codes(
        'Tôi có giấy phép lái xe được cấp khi còn trong lực lượng vũ trang, muốn đổi sang giấy phép lái xe dân sự có được không?',
      ),
    ).toEqual(['3.000349', '3.000350']);
  });

  it('leaves an expired ordinary licence to the ordinary exchange', () => {
    const told = ids('Bằng lái ô tô của tôi sắp hết hạn, đổi ở đâu?');
    expect(told).toContain('licence-renew');
    expect(told).not.toContain('licence-military');
    expect(told).not.toContain('licence-police');
  });
});

describe('other-desks.json: vehicle registration lost', () => {
  it('reads a lost registration certificate of one’s own motorbike as its reissue', () => {
    expect(
      codes('Nhà tôi bị cháy, mất luôn cà vẹt xe máy, xe vẫn đứng tên tôi. Xin cấp lại ở đâu?'),
    ).toEqual(['1.013082', '1.013080']);
  });

  it('reads a dropped wallet holding the registration as its reissue, not a transfer', () => {
    const told = ids(
      'Hôm qua tôi đánh rơi ví, trong đó có giấy đăng ký xe ô tô chính chủ. Làm lại giấy đăng ký mất mấy ngày?',
    );
    expect(told).toContain('vehicle-paper-dropped');
    expect(told).not.toContain('vehicle-transfer');
  });

  it('leaves a second-hand vehicle whose papers went missing to the transfer', () => {
    expect(
      ids(
        'Tôi mua lại xe máy cũ của hàng xóm, người bán làm mất giấy đăng ký xe, giờ sang tên thế nào?',
      ),
    ).not.toContain('vehicle-paper-lost');
  });
});

describe('other-desks.json: schools', () => {
  it('leaves a lost upper-secondary diploma to its copy, not the grade-10 admission', () => {
    const told = ids(
      'Tôi học trường THPT ở huyện, làm mất bằng tốt nghiệp cấp 3 đã lâu, giờ cần nộp hồ sơ xin việc thì làm sao?',
    );
    expect(told).toContain('diploma-lost');
    expect(told).not.toContain('admission-upper-secondary');
  });

  it('reads a pupil coming home from a school abroad as the admission from abroad, not a transfer', () => {
    const told = ids(
      'Gia đình tôi đi làm ăn xa, con gái học lớp 5 ở trường bên đó. Sang năm cháu về nước học tiếp lớp 6 ở quê thì cần học bạ gì?',
    );
    expect(told).toContain('school-from-abroad-schooled');
    expect(told).not.toContain('school-transfer');
  });

  it('keeps a transfer at home told with “trường bên đó” a transfer', () => {
    const told = ids(
      'Nhà tôi chuyển về huyện khác, con học lớp 4, muốn xin chuyển trường từ trường bên đó về trường bên này thì cần học bạ gì?',
    );
    expect(told).toContain('school-transfer');
    expect(told).not.toContain('school-from-abroad-schooled');
  });
});

describe('other-desks.json: clubs', () => {
  it('reads a club founded on its own charter as an association', () => {
    expect(
      codes(
        'Các cụ hưu trí trong xóm muốn thành lập câu lạc bộ thơ ca, có điều lệ hoạt động và ban chủ nhiệm. Xin phép ở đâu?',
      ),
    ).toEqual(['1.013703']);
  });

  it('does not read a club without a charter as an association', () => {
    expect(
      ids('Chúng tôi muốn lập câu lạc bộ bóng chuyền hơi ở thôn thì cần giấy tờ gì?'),
    ).not.toContain('club-association');
  });
});

describe('other-desks.json: clubs and funds founded by residents (session 8)', () => {
  it('reads a club of friends with no sport told as an association founded at the commune', () => {
    expect(
      codes(
        'Mấy anh em đồng hương chúng tôi muốn thành lập câu lạc bộ để giúp nhau lúc ốm đau. Phải xin phép ai?',
      ),
    ).toEqual(['1.013703']);
  });

  it('does not read a sports club as a plain club founded as an association', () => {
    expect(
      ids('Các bà trong khu phố muốn lập câu lạc bộ dưỡng sinh buổi sáng, có phải đăng ký không?'),
    ).not.toContain('club-plain');
  });

  it('reads a charity fund founded by friends as the provincial fund licence', () => {
    const told = ids(
      'Chúng tôi muốn thành lập quỹ từ thiện để giúp các cháu nhỏ có hoàn cảnh khó khăn. Cần những giấy tờ gì?',
    );
    expect(told).toContain('fund-found');
    expect(told).not.toContain('legal-aid');
    expect(
      codes('Mấy người bạn định lập một quỹ học bổng cho sinh viên nghèo, làm thế nào?'),
    ).toEqual(['1.014936']);
  });

  it('reads a fund kept inside one village as the commune’s fund licence first', () => {
    expect(
      codes('Dòng họ tôi muốn lập quỹ khuyến học trong thôn để thưởng cho các cháu học giỏi.'),
    ).toEqual(['1.014942', '1.014936']);
  });

  it('reads a fund working across the country as the ministry’s fund licence first', () => {
    expect(
      codes('Chúng tôi định thành lập quỹ từ thiện hoạt động trên cả nước, xin phép ở đâu?'),
    ).toEqual(['1.014930', '1.014936']);
  });

  it('does not read a credit or investment fund as a charity fund founded by residents', () => {
    expect(ids('Xã tôi muốn thành lập quỹ tín dụng nhân dân thì cần điều kiện gì?')).not.toContain(
      'fund-found',
    );
  });
});

describe('other-desks.json: building on a plot inside a planning zone (session 8)', () => {
  it('reads "có được xây nhà" on planned land as the building permit, a planning check as the planning information', () => {
    const build = ids(
      'Đất nhà tôi nằm trong quy hoạch 5 năm rồi mà chưa thu hồi. Tôi có được xây nhà mới trên mảnh đất đó không?',
    );
    expect(build).toContain('build-in-planning');
    expect(build).not.toContain('planning-info');
    expect(ids('Tôi định mua mảnh đất, muốn kiểm tra xem có nằm trong quy hoạch không.')).toContain(
      'planning-info',
    );
  });
});
