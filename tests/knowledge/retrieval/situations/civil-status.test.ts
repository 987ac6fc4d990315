import { describe, expect, it } from 'vitest';
import { ids, codes } from './support.js';

describe('civil-status.json: nationality', () => {
  it('reads a former Vietnamese who wants the nationality back as the in-country application', () => {
    expect(
      ids(
        'Bố tôi sang Úc từ năm 1980 và đã nhập quốc tịch Úc. Nay ông muốn lấy lại quốc tịch Việt Nam để về quê dưỡng già.',
      ),
    ).toContain('nationality-regain');
    expect(
      codes('Chú tôi là Việt kiều Pháp, muốn xin lại quốc tịch Việt Nam thì làm thế nào?'),
    ).toContain('2.002038');
  });

  it('sends it abroad only when the letter files at an embassy or consulate', () => {
    const told = ids(
      'Tôi đang ở Đức, muốn khôi phục quốc tịch Việt Nam, có nộp tại đại sứ quán được không?',
    );
    expect(told).toContain('nationality-regain-mission');
    expect(told).not.toContain('nationality-regain');
  });

  it('reads a foreign spouse asking to become a citizen as naturalisation, not a marriage to register', () => {
    const told = ids(
      'Vợ tôi là người nước ngoài, chúng tôi cưới nhau đã 6 năm. Nay vợ tôi muốn xin nhập quốc tịch Việt Nam thì cần giấy tờ gì?',
    );
    expect(told).toContain('nationality-naturalize');
    expect(told).not.toContain('marriage-foreign');
  });

  it('tells giving the nationality up from having given it up before', () => {
    expect(
      ids('Con gái tôi lấy chồng Hàn Quốc, muốn thôi quốc tịch Việt Nam thì làm ở đâu?'),
    ).toContain('nationality-renounce');
    const back = ids(
      'Tôi đã thôi quốc tịch Việt Nam năm 2005, nay muốn trở lại quốc tịch Việt Nam.',
    );
    expect(back).toContain('nationality-regain');
    expect(back).not.toContain('nationality-renounce');
  });
});

describe('civil-status.json: nationality, other words', () => {
  it('hears becoming a citizen and having it back in everyday words', () => {
    expect(
      ids('Chồng tôi là người Hàn, ở đây đã lâu, anh muốn làm công dân Việt Nam có được không?'),
    ).toContain('nationality-naturalize');
    expect(
      ids('Ông ngoại tôi đã mất quốc tịch từ lâu, nay muốn trở lại làm công dân Việt Nam.'),
    ).toContain('nationality-regain');
  });

  it('reads a paper confirming the nationality as its confirmation, in the country unless at an embassy', () => {
    expect(
      ids(
        'Tôi ở Canada lâu năm, hộ chiếu hết hạn, cần giấy xác nhận có quốc tịch Việt Nam để về mua nhà.',
      ),
    ).toContain('nationality-confirm');
    expect(
      ids(
        'Tôi cần xác nhận còn quốc tịch Việt Nam, làm tại đại sứ quán Việt Nam ở Ottawa được không?',
      ),
    ).toContain('nationality-confirm-mission');
  });

  it('does not take a divorce told before regaining the nationality for a new marriage', () => {
    expect(
      ids(
        'Dì tôi lấy chồng Hàn Quốc, đã thôi quốc tịch; nay ly hôn rồi về nước, muốn lấy lại quốc tịch Việt Nam.',
      ),
    ).not.toContain('divorce-remarry');
  });
});

describe('civil-status.json: certifying a vehicle sale', () => {
  it('reads whether a motorbike sale paper must be certified as the certification, not the transfer', () => {
    const told = ids(
      'Tôi bán chiếc xe máy cho anh hàng xóm, giấy mua bán có cần công chứng không hay chỉ cần viết tay?',
    );
    expect(told).toContain('certify-vehicle-deal');
    expect(told).not.toContain('vehicle-transfer');
  });

  it('hears where to have the sale paper notarised as the same question', () => {
    expect(ids('Bán chiếc ô tô cho bạn, hợp đồng mua bán xe công chứng ở đâu?')).toContain(
      'certify-vehicle-deal',
    );
  });

  it('hears “UBND xã” as the commune', () => {
    expect(ids('Hai bên làm hợp đồng mua bán nhà, có ra UBND xã ký được không?')).toContain(
      'certify-contract',
    );
  });
});

describe('civil-status.json: births', () => {
  it('registers a grown-up with no papers at all by the ordinary birth registration', () => {
    const told = ids(
      'Em 20 tuổi, từ nhỏ theo bố mẹ đi làm thuê khắp nơi nên chưa bao giờ có giấy khai sinh, cũng không có giấy tờ gì. Em muốn làm căn cước để đi làm.',
    );
    expect(told).toContain('adult-birth-no-papers');
    expect(told).not.toContain('adult-birth');
  });

  it('does not read a birth already registered as a birth to register', () => {
    expect(
      ids(
        'Chị dâu tôi sinh cháu, nhà đã làm khai sinh cho cháu rồi, nhưng hai hôm sau cháu mất ở bệnh viện. Giờ làm giấy gì?',
      ),
    ).not.toContain('birth-papers');
  });
});

describe('civil-status.json: criminal records and certified copies', () => {
  it('reads a cleared conviction as the criminal-record certificate', () => {
    expect(
      ids(
        'Anh tôi ra tù đã 5 năm, đã được xóa án tích chưa và xin giấy chứng nhận ở đâu để xin việc?',
      ),
    ).toContain('criminal-record');
  });

  it('hears a “bản sao công chứng” of a paper as the certified copy', () => {
    expect(
      ids(
        'Trường yêu cầu nộp bản sao công chứng học bạ và giấy khai sinh, tôi làm ở xã được không?',
      ),
    ).toContain('certify-copy');
  });
});

describe('situations/civil-status.json: the request decides', () => {
  it('hears the death registration asked for a pensioner or a person with merit', () => {
    expect(
      ids(
        'Mẹ tôi là giáo viên về hưu, có sổ hưu, mới mất sáng nay ở nhà. Cho tôi hỏi thủ tục đăng ký khai tử cho mẹ?',
      ),
    ).toContain('death-register-named');
    expect(
      ids(
        'Chồng tôi là thương binh, vừa qua đời. Gia đình đã đăng ký khai tử rồi, nay tôi được hưởng tiền tuất thế nào?',
      ),
    ).not.toContain('death-register-named');
  });

  it('does not read a new partner after a divorce as a marital-status request when the birth is asked', () => {
    expect(
      ids(
        'Tôi ly hôn năm 2019, sau đó lấy chồng khác và sinh một bé trai. Nay tôi muốn đăng ký khai sinh cho con thì làm thế nào?',
      ),
    ).not.toContain('divorce-remarry');
    expect(
      ids('Tôi đã ly hôn được hai năm, nay muốn kết hôn với người khác thì cần giấy tờ gì?'),
    ).toContain('divorce-remarry');
  });
});

describe('situations/civil-status.json: a grandparent registers the birth', () => {
  it('does not read the parents’ unregistered marriage as a father recognising the child', () => {
    expect(
      ids(
        'Con trai tôi và vợ nó không đăng ký kết hôn, sinh một bé gái rồi cả hai đi làm ăn xa. Tôi là ông nội, cháu chưa có giấy khai sinh, ông nội đi đăng ký khai sinh cho cháu được không?',
      ),
    ).not.toContain('father-recognition-birth-child-papers');
    expect(
      ids(
        'Tôi và mẹ cháu không đăng ký kết hôn, nay tôi muốn làm giấy khai sinh cho cháu có tên bố.',
      ),
    ).toContain('father-recognition-birth-child-papers');
  });
});

describe('civil-status.json: a father added to a registered birth, a death never reported', () => {
  it('reads a registered birth told with “bé” and the father’s part left empty as the recognition alone', () => {
    const told = ids(
      'Giấy khai sinh của bé nhà tôi bỏ trống phần bố vì hồi đó chúng tôi chưa cưới. Giờ anh ấy muốn nhận con thì làm sao?',
    );
    expect(told).toContain('father-recognition-registered');
    expect(told).toContain('father-recognition-unnamed');
    expect(told).not.toContain('father-recognition-birth-child-papers');
  });

  it('hears a death never reported (“không đi báo tử”) as a late death registration before the estate', () => {
    const told = ids(
      'Bà nội tôi mất từ năm 1979, con cháu không ai báo tử. Nay chia thừa kế đất, phường đòi giấy chứng tử của bà.',
    );
    expect(told).toContain('death-late-estate');
    expect(told).not.toContain('inherit-land-2');
  });
});

describe('civil-status.json: births and deaths with a foreign element', () => {
  it('reads a child born and registered abroad, the birth told in passing, as its record at home', () => {
    expect(
      ids(
        'Vợ chồng tôi sinh sống và làm việc tại Hàn Quốc, con gái tôi sinh năm 2022, đã được thành phố nơi chúng tôi ở cấp giấy khai sinh. Về nước cho cháu đi học thì phải làm gì?',
      ),
    ).toContain('birth-abroad-registered-child');
  });

  it('reads a Việt kiều who died on a visit home as the death registration with a foreign element', () => {
    const told = ids(
      'Chú tôi là Việt kiều Mỹ về thăm quê thì bị tai nạn mất tại Việt Nam. Gia đình cần làm giấy chứng tử cho chú ở đâu?',
    );
    expect(told).toContain('death-foreigner-in-vietnam');
    expect(told).not.toContain('death-report');
    expect(told).not.toContain('death-register-ask');
  });

  it('leaves a resident’s death to the ordinary registration', () => {
    const told = ids('Bố tôi vừa mất ở nhà, xin hỏi làm giấy khai tử ở đâu?');
    expect(told).not.toContain('death-foreigner-in-vietnam');
  });

  it('hears “chứng minh là công dân Việt Nam” as the nationality confirmation, not a foreign marriage', () => {
    const told = ids(
      'Em gái tôi bị đưa sang Trung Quốc từ nhỏ, lấy chồng người Trung Quốc không đăng ký. Nay về nước không còn giấy tờ gì, muốn kết hôn lại ở quê thì phải chứng minh là công dân Việt Nam thế nào?',
    );
    expect(told).toContain('nationality-confirm');
    expect(told).not.toContain('marriage-foreign');
  });
});

describe('situations/civil-status.json: the death of a revolutionary of before 1945 (session 8)', () => {
  it('reads the family of a dead lão thành cách mạng as asking the merit allowance, not the death registration', () => {
    const told = ids(
      'Bố tôi mất năm 1989, đến năm 2013 được công nhận là cán bộ lão thành cách mạng. Con đẻ có được nhận trợ cấp một lần không?',
    );
    expect(told).toContain('revolutionary-pre-1945');
    expect(told).not.toContain('death-report');
  });
});

describe('civil-status.json: an adopter living in England (session 8)', () => {
  it('reads "sinh sống ở Anh" as living abroad, so a niece is adopted with a foreign element', () => {
    const told = ids(
      'Chồng tôi và tôi đang sinh sống tại Anh, muốn nhận con của em gái tôi ở quê làm con nuôi. Thủ tục thế nào?',
    );
    expect(told).toContain('adoption-from-abroad');
    expect(told).not.toContain('adoption-register');
  });
});
