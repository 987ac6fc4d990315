import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../knowledge/text/normalize.js';
import { situations, ids, codes } from './support.js';

describe('situations/land.json: building on the land', () => {
  it('reads a built house raised by a number of floors as altered, not built anew', () => {
    const raise = ids(
      'Nhà tôi 2 tầng xây năm 2015 có giấy phép, nay muốn nâng lên 4 tầng thì có phải xin phép lại không?',
    );
    expect(raise).toContain('repair-permit');
    expect(raise).not.toContain('build-permit');
    expect(ids('Tôi định xây thêm 2 tầng trên căn nhà cũ, có cần xin giấy phép không?')).toContain(
      'repair-permit',
    );
  });

  it('reads a change of use already done as the story of a permit for the new house', () => {
    const built = ids(
      'Mảnh vườn của bố mẹ đã được chuyển sang đất ở từ năm ngoái, nay tôi muốn làm nhà trên đó thì có cần xin giấy phép xây dựng không?',
    );
    expect(built).toContain('build-permit-after-change');
    expect(
      ids('Tôi muốn chuyển đất vườn sang đất ở để xây nhà, có cần xin phép ai không?'),
    ).not.toContain('build-permit-after-change');
  });
});

describe('situations/land.json: splitting and measuring a plot', () => {
  it('hears a split named by the resident although the plot holds farmland', () => {
    expect(
      ids(
        'Thửa đất 600m2 của bố tôi có 200m2 đất ở, còn lại là đất trồng cây hằng năm; bố muốn tách thửa cho hai con được không?',
      ),
    ).toContain('split-land-named');
    expect(
      ids('Tôi muốn chuyển phần đất ruộng sang đất ở rồi tách thửa cho con trai thì làm thế nào?'),
    ).not.toContain('split-land-named');
  });

  it('does not read a plot a survey already drew apart as a split asked for', () => {
    const drawn = ids(
      'Phần đất tôi mua của người quen đã được đo tách thành thửa riêng khi làm bản đồ địa chính, giờ tôi muốn làm giấy chứng nhận quyền sử dụng đất cho thửa này.',
    );
    expect(drawn).toContain('land-first-cert-separated');
    expect(drawn).not.toContain('split-land');
  });

  it('hears the time the use began as a first certificate asked', () => {
    expect(
      ids(
        'Đất nhà tôi khai phá từ năm 1995, thời điểm sử dụng đất được tính từ khi nào để xét cấp?',
      ),
    ).toContain('land-first-cert-ask');
  });

  it('does not read a crumbled bank as the lost area when re-measuring found more land', () => {
    const remeasured = ids(
      'Hồi cấp sổ bờ mương bị sạt lở nên đo ước chừng; nay đo lại ranh giới vẫn giữ nguyên mà diện tích tăng thêm 25m2, tôi xin cấp đổi sổ.',
    );
    expect(remeasured).toContain('land-remeasured-same-bounds');
    expect(remeasured).not.toContain('land-landslide');
  });
});

describe('situations/land.json: what the request names', () => {
  it('reads lost proof of use as the story of a first certificate named outright', () => {
    const first = ids(
      'Nhà tôi được hợp tác xã chia mảnh đất từ năm 1998, giấy tờ bàn giao đã bị mất hết. Nay tôi muốn được cấp sổ đỏ lần đầu thì cần điều kiện gì?',
    );
    expect(first).toContain('first-cert-named');
    expect(first).not.toContain('land-lost');
    expect(ids('Tôi làm mất sổ đỏ của mảnh đất ở quê, giờ xin cấp lại thế nào?')).toContain(
      'land-lost',
    );
  });

  it('does not read a dispute settled since as the chairman’s settlement', () => {
    expect(
      ids(
        'Đất nhà tôi tranh chấp với nhà hàng xóm, xã hòa giải không thành. Năm ngoái hai bên đã thỏa thuận xong ranh giới, giờ tôi muốn làm sổ đỏ.',
      ),
    ).not.toContain('land-dispute-mediated');
    expect(
      ids(
        'Đất nhà tôi tranh chấp với nhà hàng xóm, xã đã hòa giải nhưng không thành. Tôi phải gửi đơn lên đâu?',
      ),
    ).toContain('land-dispute-mediated');
  });
});

describe('situations/land.json: papers of a plot never certified', () => {
  it('reads a lost handwritten sale paper as the first certificate, not a book issued again', () => {
    const lost = ids(
      'Bố tôi mua mảnh đất của người cùng xóm, hai bên chỉ viết giấy tay, nay giấy mua bán bị thất lạc sau trận lụt. Nhà tôi còn làm sổ đỏ được không?',
    );
    expect(lost).toContain('land-sale-paper-lost');
    expect(lost).not.toContain('land-lost');
    expect(lost).not.toContain('handwritten-land');
    expect(
      ids(
        'Tôi mua đất bằng giấy viết tay, người bán đã có sổ đỏ đứng tên, nay tôi làm mất giấy viết tay thì sang tên thế nào?',
      ),
    ).not.toContain('land-sale-paper-lost');
  });

  it('reads land the commune sold long ago as a first certificate, its built half as no split', () => {
    const sold = ids(
      'Năm 1998 thôn bán cho gia đình tôi 300 m2 đất, một nửa đã làm nhà; nay xin cấp sổ thì cả 300 m2 có được tính là đất ở không?',
    );
    expect(sold).toContain('land-commune-sold');
    expect(sold).not.toContain('split-land');
    expect(
      ids(
        'Năm 1992 nhà tôi được xã cấp đất làm nhà, có nộp tiền cho xã nhưng đến nay chưa được cấp giấy chứng nhận.',
      ),
    ).toContain('land-commune-sold');
    expect(
      ids('Chu dat o xa ban cho toi manh dat 100m2 bang giay tay, gio toi muon lam so do.'),
    ).not.toContain('land-commune-sold');
  });
});

describe('situations/land.json: a house bought on a handwritten paper', () => {
  it('hears a house bought by handwritten paper as a land transfer although no "đất" is said', () => {
    expect(
      ids(
        'Năm kia em mua lại một căn nhà của người quen, hai bên chỉ viết giấy tay với nhau, giờ muốn sang tên thì làm thế nào?',
      ),
    ).toContain('handwritten-house');
    expect(
      ids('Em mua nhà bằng giấy tay, giờ muốn đăng ký thường trú ở đó có được không?'),
    ).not.toContain('handwritten-house');
    expect(
      ids(
        'Tôi mua lại chiếc xe máy của người quen bằng giấy viết tay, bán nhà rồi nên giờ cần sang tên xe.',
      ),
    ).not.toContain('handwritten-house');
  });
});

describe('situations/land.json: a house on farmland named by its crop', () => {
  it('reads a house to be built on perennial-crop land as a change of use, not a crop change', () => {
    expect(
      ids(
        'Nhà tôi có 300 m2 đất trồng cây lâu năm sau vườn, giờ muốn xây nhà cho con trai ra ở riêng thì phải làm thủ tục gì?',
      ),
    ).toContain('change-use-for-house');
    expect(
      ids('Tôi muốn chuyển ruộng lúa sang trồng cây ăn quả thì có phải xin phép không?'),
    ).not.toContain('change-use-for-house');
  });
});

describe('situations/land.json: the exchange asked by name', () => {
  it('hears "cấp đổi" asked after a story of part of the plot sold', () => {
    expect(
      ids(
        'Sổ đỏ nhà tôi cấp năm 2000 ghi 120 m2, nhưng năm 2010 bố tôi đã bán bớt 20 m2 cho hàng xóm; giờ tôi muốn xin cấp đổi lại sổ cho đúng diện tích thì làm sao?',
      ),
    ).toContain('land-exchange-named');
    expect(
      ids('Bố tôi mất năm ngoái để lại mảnh đất, tôi muốn cấp đổi sổ đỏ sang tên tôi.'),
    ).not.toContain('land-exchange-named');
    const sold = ids(
      'Nhà tôi bán một phần đất cho người em họ từ lâu, sổ vẫn ghi nguyên thửa; giờ tôi muốn xin cấp đổi lại sổ đỏ.',
    );
    expect(sold).toContain('land-exchange-named');
    expect(sold).not.toContain('split-land');
  });
});

describe('situations/land.json: a sale paper gone in other words, land the village sold', () => {
  it('reads a sale paper eaten by termites or no longer found as the first certificate', () => {
    const eaten = ids(
      'Nhà tôi mua đất bằng giấy tay từ năm 2001, tờ giấy tay bị mối xông hết chữ, đất chưa có sổ, giờ làm sổ được không?',
    );
    expect(eaten).toContain('land-sale-paper-lost');
    expect(eaten).not.toContain('land-damaged');
    expect(
      ids(
        'Ông tôi mua mảnh đất vườn của người trong xóm, nay không còn giữ giấy mua bán nữa, ông có xin cấp giấy chứng nhận được không?',
      ),
    ).toContain('land-sale-paper-lost');
  });

  it('hears land the village allotted and was paid for as sold by the commune', () => {
    expect(
      ids(
        'Lô đất nhà tôi do thôn giao từ năm 1997, bố tôi đã đóng tiền cho thôn, nay muốn xin cấp sổ đỏ.',
      ),
    ).toContain('land-commune-sold');
  });

  it('marks the crop words of land to be built on as whom it concerns, not the request', () => {
    const text =
      'Tôi có 300 m2 đất trồng cây hàng năm, giờ muốn làm nhà trên đó thì thủ tục thế nào?';
    const tokens = tokenize(text);
    const found = situations.match(tokens).find((s) => s.id === 'change-use-for-house');
    expect(found?.concerns).toContain('rice-convert');
    const inside = situations.phrasesOf(tokens, new Set(found!.concerns));
    expect(tokens.filter((_t, i) => inside[i]).map((t) => t.text)).toContain('hàng');
  });
});

describe('situations/land.json: session 8, land and building (press-y)', () => {
  it('reads the change to residential land told as done in other words as the story of a permit', () => {
    const told = ids(
      'Mảnh ao của ông bà để lại đã làm xong thủ tục chuyển lên đất ở hồi tháng trước; giờ tôi dựng nhà cấp 4 trên đó thì có phải xin giấy phép xây dựng không?',
    );
    expect(told).toContain('build-permit-after-change');
    expect(
      ids('Đất vườn nhà tôi chuyển sang đất ở rồi, nay xây nhà 2 tầng có cần xin phép không?'),
    ).toContain('build-permit-after-change');
  });

  it('reads a temporary building permit asked as the new building permit, despite a cut plot', () => {
    const told = ids(
      'Đường làng mở rộng lấy mất một phần đất trước nhà, phần còn lại nằm trong quy hoạch; tôi xin cấp phép xây dựng có thời hạn để làm lại nhà được không?',
    );
    expect(told).toContain('build-permit-temporary');
    const temporary = situations.situations.find((s) => s.id === 'build-permit-temporary');
    expect(temporary?.procedures).toEqual(['1.013225']);
    expect(temporary?.concerns).toContain('split');
    expect(ids('Người nước ngoài xin giấy phép tạm trú ở đâu?')).not.toContain(
      'build-permit-temporary',
    );
  });

  it('reads a plot never certified asked for a certificate and for residential use as the first certificate first', () => {
    const told = ids(
      'Gia đình tôi lấp cái ao cũ từ năm 2000 rồi làm nhà ở, chưa có sổ, sử dụng ổn định; xin hỏi có được cấp sổ đỏ không và có lên được đất ở không?',
    );
    expect(told).toContain('land-first-cert-residential');
    expect(told).not.toContain('change-use-residential');
    expect(
      ids('Tôi có 300m2 đất vườn đã có sổ, muốn chuyển sang đất ở để làm nhà cho con thì làm sao?'),
    ).toContain('change-use-residential');
  });

  it('hears a certificate that also covers a strip sold before as issued wrongly, not legal aid', () => {
    const told = ids(
      'Năm 2000 tôi bán cho nhà bên 15m2 nhưng khi cấp sổ xã lại cấp cả phần đã bán vào sổ của tôi, sổ nhà bên cũng có phần đó. Nhà tôi khó khăn, có phải kiện để hủy sổ đỏ không?',
    );
    expect(told).toContain('land-issued-wrongly');
    expect(told).not.toContain('legal-aid');
    expect(
      ids('Sổ đỏ của tôi bị cấp thừa diện tích so với thực tế, tôi muốn cấp lại đúng diện tích.'),
    ).toContain('land-issued-wrongly');
  });

  it('reads land rented from the State as the land lease, not a lease already running', () => {
    expect(
      ids(
        'Hai vợ chồng tôi muốn thuê đất bãi bồi ven sông của nhà nước để trồng ngô và nuôi cá thì làm thủ tục gì?',
      ),
    ).toContain('land-lease-state');
    expect(
      ids(
        'Tôi muốn đấu thầu phần đất công ích của thôn để làm trang trại nuôi gà thì làm thế nào?',
      ),
    ).toContain('land-lease-public');
    const running = ids(
      'Gia đình tôi đang thuê đất công ích của xã để trồng rau, năm nay xin miễn tiền thuê được không?',
    );
    expect(running).not.toContain('land-lease-state');
    expect(running).not.toContain('land-lease-public');
    expect(
      ids('Đất công ích của thôn bị một hộ lấn chiếm để xây nhà, xã xử lý thế nào?'),
    ).not.toContain('land-lease-public');
  });
});

describe('situations/land.json: a quarrel settled between the parties (session 8)', () => {
  it('reads a settled quarrel over a plot never certified as the first certificate, not the mediation', () => {
    const told = ids(
      'Nhà tôi và nhà chú tranh chấp mảnh đất vườn mấy năm, xã hòa giải nhiều lần không thành. Nay hai bên đã thỏa thuận xong ranh giới, muốn làm sổ đỏ theo thỏa thuận thì làm thế nào?',
    );
    expect(told).toContain('land-dispute-settled-cert');
    expect(told).not.toContain('land-dispute-mediated');
    expect(
      ids(
        'Nhà tôi và nhà chú tranh chấp ranh giới đã có sổ đỏ, nay hai bên đã thỏa thuận xong, có phải làm lại sổ không?',
      ),
    ).not.toContain('land-dispute-settled-cert');
  });
});

describe('situations/land.json: an old register re-measured, a structure to build (session 8)', () => {
  it('reads a plot only in the old register that measures larger as the first certificate', () => {
    const told = ids(
      'Đất vườn nhà tôi có tên trong sổ mục kê từ thời hợp tác xã, nay đo đạc lại thì dôi ra gần 40m2. Tôi định làm hồ sơ xin cấp sổ đỏ, phần dôi ra có phải nộp tiền không?',
    );
    expect(told).toContain('land-old-register-remeasured');
    expect(told).not.toContain('land-remeasured-same-bounds');
    // A plot already certified and re-measured is exchanged, not certified anew.
    expect(
      ids(
        'Nhà tôi kê khai từ năm 1988 và đã được cấp sổ đỏ năm 2003, nay đo lại diện tích tăng lên 12m2, muốn làm sổ theo số đo mới.',
      ),
    ).not.toContain('land-old-register-remeasured');
  });

  it('does not read "whether a change of use is needed" as a change of use told', () => {
    expect(
      ids(
        'Thửa đất ở của gia đình đo lại rộng hơn trước, phần rộng thêm đó có phải xin chuyển mục đích không?',
      ),
    ).not.toContain('change-use');
    expect(ids('Tôi muốn xin chuyển mục đích đất vườn sang đất ở thì làm thủ tục gì?')).toContain(
      'change-use',
    );
  });

  it('reads a warehouse or workshop to be built and its permit as the new building permit', () => {
    expect(
      ids('Tôi muốn dựng cái kho chứa phân bón cạnh vườn, có phải xin phép xây dựng không?'),
    ).toContain('build-permit-structure');
    // "xây nhà xưởng" also tells a house built: the same permit either way.
    expect(codes('Xin hoi xay nha xuong 300m2 o xa thi co can giay phep xay dung khong?')).toEqual([
      '1.013225',
    ]);
    // A workshop asking about its environment permit is not building.
    expect(
      ids('Xưởng mộc của tôi có cần giấy phép môi trường không, nước thải ít thôi?'),
    ).not.toContain('build-permit-structure');
  });
});

describe('situations/land.json: a released mortgage and papers other than the certificate (session 8)', () => {
  it('reads a loan paid off, the bank telling to deregister, as the release, not the mortgage', () => {
    const told = ids(
      'Ông vay ngân hàng, thế chấp bằng sổ đỏ. Nay ông đã trả xong cả gốc lẫn lãi, ngân hàng trả sổ nhưng dặn phải đi xóa đăng ký. Làm ở đâu?',
    );
    expect(told).not.toContain('land-mortgage');
  });

  it('does not read "the other papers are lost" as a lost certificate', () => {
    expect(
      ids(
        'Gia đình mua lô đất do thi hành án bán, chỉ còn biên bản bàn giao đất, các giấy tờ khác bị thất lạc. Cần điều kiện gì để được cấp sổ đỏ?',
      ),
    ).not.toContain('land-lost');
    expect(ids('Sổ đỏ nhà tôi bị thất lạc khi chuyển nhà, xin cấp lại thế nào?')).toContain(
      'land-lost',
    );
  });
});
