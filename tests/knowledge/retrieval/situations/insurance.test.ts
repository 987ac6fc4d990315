import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../knowledge/text/normalize.js';
import { situations, ids, codes } from './support.js';

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

describe('situations/insurance.json: the insurance book kept by the old employer', () => {
  it('reads a book the employer never handed back as the book, not the lump sum of leaving the job', () => {
    const told = ids(
      'Tôi nghỉ việc ở xưởng gỗ từ năm ngoái mà chủ vẫn giữ sổ bảo hiểm xã hội của tôi, giờ tôi phải làm sao?',
    );
    expect(told).toContain('insurance-book-withheld');
    expect(told).not.toContain('insured-laid-off');
    // With a lump sum claimed, the book is only the obstacle.
    expect(
      ids(
        'Công ty chưa trả sổ BHXH cho tôi, tôi muốn rút bảo hiểm xã hội một lần thì làm thế nào?',
      ),
    ).not.toContain('insurance-book-withheld');
  });

  it('hears "đòi sổ" only typed with marks: unaccented "doi so" is the exchange of a land book', () => {
    expect(
      ids(
        'Thua dat nha em do lai thay rong hon tren so, em muon lam thu tuc cap doi so do cho dung thi sao?',
      ),
    ).not.toContain('insurance-book-withheld');
    expect(
      ids('Chủ xưởng cũ không chịu trả, tôi đến đòi sổ bảo hiểm mấy lần rồi, phải làm sao?'),
    ).toContain('insurance-book-withheld');
  });

  it('reads a reissue asked after the company closed as the reissue', () => {
    const told = ids(
      'Công ty cũ của tôi phá sản rồi, tôi nghỉ việc, muốn xin cấp lại sổ BHXH ở đâu?',
    );
    expect(told).toContain('insurance-book-reissue');
    expect(told).not.toContain('insured-laid-off');
  });
});

describe('situations/insurance.json: joining voluntary insurance, paying ahead, pension or lump sum', () => {
  it('reads years paid ahead "theo hình thức một lần" as paying the missing years, not a lump sum', () => {
    expect(
      ids(
        'Tôi đóng BHXH tự nguyện còn thiếu 6 năm, muốn đóng trước cho 6 năm một lượt để sau này được lương hưu.',
      ),
    ).toContain('top-up-at-once');
  });

  it('reads "hằng tháng hay chỉ lĩnh một lần" as the doubt between a pension and a lump sum', () => {
    expect(
      ids(
        'Em đóng bảo hiểm xã hội được 22 năm, nghỉ thì được lương hưu hằng tháng hay chỉ lĩnh một lần?',
      ),
    ).toContain('retire-or-one-off');
  });

  it('reads someone never insured asking about voluntary insurance as joining, not a pension claim', () => {
    const told = ids(
      'Chị tôi buôn bán nhỏ, chưa đóng bảo hiểm bao giờ, nay 45 tuổi có đóng tự nguyện để hưởng lương hưu được không?',
    );
    expect(told).toContain('voluntary-join-never-insured');
    expect(told).not.toContain('retire-voluntary');
  });
});

describe('situations/insurance.json: a further occupational disease', () => {
  it('reads a second occupational disease of someone already compensated as the new claim, not the first', () => {
    const told = ids(
      'Anh tôi đang lĩnh trợ cấp bệnh nghề nghiệp vì bụi phổi silic, năm nay lại mắc thêm điếc nghề nghiệp thì có được hưởng gì không?',
    );
    expect(told).toContain('work-disease-another');
    expect(told).not.toContain('work-disease');
  });
});

describe('situations/insurance.json: the health card at the clinic and its benefit level', () => {
  it('reads a card not shown at the visit and brought later as the refund of the visit', () => {
    expect(
      ids(
        'Hôm đưa bà đi khám ở bệnh viện huyện tôi không xuất trình được thẻ bảo hiểm y tế, mai mang thẻ tới thì bà có được hưởng không?',
      ),
    ).toContain('medical-refund');
  });

  it('reads a benefit level to be raised on the card as a change of the card’s details', () => {
    expect(
      ids(
        'Thẻ bảo hiểm y tế của mẹ tôi chỉ được 80%, nay mẹ đã là người cao tuổi thuộc diện được 100%, làm sao nâng mức hưởng?',
      ),
    ).toContain('insurance-card-update');
  });
});

describe('situations/insurance.json: a monthly report of the unemployment benefit missed', () => {
  it('reads a report made again after a missed one as going on with the benefit, not the pause', () => {
    const told = ids(
      'Tháng trước tôi ốm nên không đi thông báo tìm việc, tháng này tôi lại đi thông báo thì có được nhận bù tiền trợ cấp thất nghiệp tháng trước không?',
    );
    expect(told).toContain('ui-paused-back');
    expect(told).not.toContain('ui-paused');
    const receiving = ids(
      'Tôi đang hưởng trợ cấp thất nghiệp, tháng trước quên đi thông báo nên bị tạm dừng, tháng này tôi đi thông báo lại thì có được nhận bù không?',
    );
    expect(receiving).toContain('ui-paused-back');
    expect(receiving).not.toContain('ui-monthly');
  });
});

describe('situations/insurance.json: work abroad under a contract signed directly', () => {
  it('reads a contract signed directly with an employer abroad as its registration', () => {
    expect(
      ids(
        'Con trai tôi được một trang trại bên Úc nhận, ký hợp đồng trực tiếp với chủ, không qua công ty môi giới. Cần đăng ký gì trước khi đi?',
      ),
    ).toContain('labour-abroad-direct-contract');
  });
});

describe('situations/insurance.json: a commune cadre’s earlier service joined to the insured years', () => {
  it('reads a commune cadre asking whether army years are joined as the commune cadre’s pension', () => {
    const told = ids(
      'Tôi đang là chủ tịch Mặt trận Tổ quốc xã, đóng bảo hiểm xã hội từ năm 2005; trước đây tôi đi bộ đội 4 năm, thời gian đó có được cộng nối vào thời gian đóng không?',
    );
    expect(told).toContain('commune-cadre-period');
    expect(told).not.toContain('insurance-period-confirm');
  });
});

describe('situations/insurance.json: the purpose or the trip told beside the situation', () => {
  it('puts a book held by the old employer before paying on, the purpose of getting it back', () => {
    const told = ids(
      'Công ty cũ giữ sổ BHXH của tôi đã hai năm, tôi muốn đòi lại sổ để tiếp tục đóng tự nguyện.',
    );
    expect(told).toContain('insurance-book-withheld');
    expect(told).not.toContain('continue-voluntary');
  });

  it('hears the country of the employer abroad, not only "sang …"', () => {
    expect(
      ids(
        'Một xưởng cơ khí tại Đài Loan nhận tôi, tôi tự ký hợp đồng với chủ, không qua công ty nào.',
      ),
    ).toContain('labour-abroad-direct-contract');
  });

  it('reads a trip home as why a report was missed, not as the benefit moved', () => {
    const told = ids(
      'Tôi đang hưởng trợ cấp thất nghiệp, tháng trước về quê chăm mẹ ốm nên không lên thông báo được, tháng này lên thông báo lại thì tiền tháng trước có được nhận không?',
    );
    expect(told).toContain('ui-paused-back');
    expect(told).not.toContain('ui-move');
  });
});

describe('situations/insurance.json: another disease found at a check-up', () => {
  it('reads another occupational disease found at a check-up as a new claim, not the old one come back', () => {
    const told = ids(
      'Bố tôi bị bệnh nghề nghiệp nhiễm độc chì từ năm 2015, năm nay khám lại thì bác sĩ kết luận bị thêm bệnh điếc nghề nghiệp. Bố tôi được giải quyết thế nào?',
    );
    expect(told).toContain('work-disease-another');
    expect(told).not.toContain('work-accident-recur');
  });
});

describe('situations/insurance.json: a pensioner’s death', () => {
  it('gives way to the death registration asked in so many words', () => {
    expect(
      ids(
        'Bố tôi đang hưởng lương hưu, tuần trước bố mất tại bệnh viện. Xin hỏi làm giấy khai tử cho bố ở đâu?',
      ),
    ).not.toContain('pension-death');
    expect(
      ids(
        'Bố tôi đang hưởng lương hưu, tuần trước bố mất tại bệnh viện. Gia đình được nhận những chế độ gì?',
      ),
    ).toContain('pension-death');
  });
});

describe('situations/insurance.json: years abroad under labour cooperation', () => {
  it('hears the agreement or the country worked in as labour cooperation', () => {
    expect(
      ids(
        'Hồi đó tôi được Sở Lao động cử sang Bungari làm công nhân dệt theo hiệp định giữa hai chính phủ, những năm đó giờ có được tính không?',
      ),
    ).toContain('coop-labour-time');
    expect(
      ids(
        'Chú tôi làm việc ở Liên Xô từ 1982 đến 1989, về nước làm ở xí nghiệp có đóng bảo hiểm, thời gian bên đó có tính hưởng hưu không?',
      ),
    ).toContain('coop-labour-time');
  });

  it('reads "cộng nối" and "chưa lĩnh một lần" in such a letter as that time counted, not a confirmation or a lump sum', () => {
    const told = ids(
      'Tôi đi hợp tác lao động ở Tiệp Khắc 1980–1988, chưa lĩnh trợ cấp một lần, nay đóng BHXH ở công ty, thời gian ở Tiệp có được cộng nối vào sổ BHXH không?',
    );
    expect(told).toContain('coop-labour-time');
    expect(told).not.toContain('insurance-period-confirm');
    expect(told).not.toContain('insurance-period-book');
    expect(told).not.toContain('insured-one-off-any');
  });
});

describe('situations/insurance.json: the deposit of a worker going abroad', () => {
  it('reads the EPS deposit asked by the worker as the support for going abroad', () => {
    const told = ids(
      'Con tôi đỗ đơn hàng đi làm việc tại Hàn Quốc, phải nộp tiền ký quỹ trước khi bay, nhà không đủ tiền thì Nhà nước có hỗ trợ gì không?',
    );
    expect(told).toContain('labour-abroad-deposit');
    expect(
      ids(
        'Anh tôi sang Nhật làm việc theo hợp đồng 3 năm, nay đã về nước, khoản ký quỹ lấy lại ở đâu?',
      ),
    ).toContain('labour-abroad-deposit');
    // A labour-export business's own deposit has its own records.
    expect(
      ids(
        'Doanh nghiệp dịch vụ đưa người lao động đi làm việc ở nước ngoài của chúng tôi muốn rút tiền ký quỹ thì làm thế nào?',
      ),
    ).not.toContain('labour-abroad-deposit');
  });

  it('hears the EPS programme by name as work abroad under a contract', () => {
    expect(
      ids(
        'Em thi tiếng Hàn đi theo chương trình EPS, nhà thuộc hộ cận nghèo có được hỗ trợ không?',
      ),
    ).toContain('labour-abroad-support');
  });
});

describe('situations/insurance.json: what an out-of-work or retired letter asks besides the benefit', () => {
  it('reads a trade or driving course asked after losing the job as the training support, not the benefit', () => {
    const told = ids(
      'Tôi bị công ty cho nghỉ việc, có đóng bảo hiểm thất nghiệp đủ năm, giờ muốn đi học nghề hàn thì có được hỗ trợ học phí không?',
    );
    expect(told).toContain('ui-training-laid-off');
    expect(told).not.toContain('insured-unemployed');
  });

  it('reads a power of attorney asked by a pensioner paid into a bank account as the proxy, not the bank', () => {
    const told = ids(
      'Mẹ tôi nhận lương hưu qua thẻ ngân hàng, sắp vào Sài Gòn ở với em gái lâu ngày, muốn làm giấy ủy quyền cho tôi nhận lương hưu thì làm thế nào?',
    );
    expect(told).toContain('pension-proxy');
    expect(told).not.toContain('pension-bank');
  });
});

describe('situations/insurance.json: claiming after moving, and a voluntary father', () => {
  it('reads a job left in another province before moving home as the claim, filed where the worker lives', () => {
    const tokens = tokenize(
      'Tôi làm công nhân ở Đồng Nai 6 năm, tháng trước nghỉ việc rồi về quê sống, mang theo sổ BHXH, giờ muốn làm hồ sơ hưởng trợ cấp thất nghiệp ở quê được không?',
    );
    const [claim] = situations.match(tokens).filter((s) => s.id === 'ui-claim-moved-home');
    expect(claim).toBeDefined();
    const inside = situations.phrasesOf(tokens, new Set(claim!.concerns));
    expect(tokens.filter((_t, i) => inside[i]).map((t) => t.text)).toEqual(
      expect.arrayContaining(['sổ', 'bhxh']),
    );
  });

  it('marks the wife’s birth as whom a voluntary participant’s maternity grant concerns', () => {
    const tokens = tokenize(
      'Tôi chạy xe ôm, đóng bảo hiểm xã hội tự nguyện 4 năm nay, tháng sau vợ tôi sinh con thì tôi có được tiền thai sản không?',
    );
    const [maternity] = situations.match(tokens).filter((s) => s.id === 'voluntary-maternity');
    const inside = situations.phrasesOf(tokens, new Set(maternity?.concerns ?? []));
    expect(tokens.filter((_t, i) => inside[i]).map((t) => t.text)).toEqual(
      expect.arrayContaining(['vợ', 'sinh']),
    );
  });
});

describe('situations/insurance.json: labour cooperation and work abroad in other words', () => {
  it('hears going to an Eastern-bloc country to work as labour cooperation, counted rather than a pension claimed', () => {
    const told = ids(
      'Ông tôi năm 1985 được đưa sang Tiệp Khắc làm thợ cơ khí, về nước làm ở hợp tác xã có đóng BHXH, mấy năm đó có được tính vào lương hưu không?',
    );
    expect(told).toContain('coop-labour-time');
    expect(told).not.toContain('retire-claim');
    expect(
      ids(
        'Mẹ tôi đi lao động theo hiệp định ở Bungari mấy năm, giờ có được tính thời gian đó không?',
      ),
    ).toContain('coop-labour-time');
  });

  it('reads the deposit told with a trainee contract, a loan offered, and poverty as whom the support concerns', () => {
    expect(
      ids(
        'Con tôi đi thực tập sinh, công ty môi giới bắt nộp tiền ký quỹ 40 triệu, giờ muốn hỏi nhà nước có hỗ trợ không?',
      ),
    ).toContain('labour-abroad-deposit-contract');
    const tokens = tokenize(
      'Nhà tôi là hộ nghèo, con trai sắp đi xuất khẩu lao động, nghe nói ngân hàng cho vay ưu đãi thì làm hồ sơ ở đâu?',
    );
    const [support] = situations.match(tokens).filter((s) => s.id === 'labour-abroad-support');
    expect(support).toBeDefined();
    const inside = situations.phrasesOf(tokens, new Set(support!.concerns));
    expect(tokens.filter((_t, i) => inside[i]).map((t) => t.text)).toEqual(
      expect.arrayContaining(['hộ', 'nghèo']),
    );
    expect(ids('Em sắp đi xuất khẩu lao động, ngân hàng chính sách có cho vay không ạ?')).toContain(
      'labour-abroad-support',
    );
  });
});

describe('situations/insurance.json: old years of work to be counted (session 8)', () => {
  it('reads "có được tính hưởng BHXH" about old years as the count of those years, not leaving a job', () => {
    const told = ids(
      'Từ năm 1985 đến 1992 tôi làm ở hợp tác xã vận tải rồi thôi việc, giấy tờ thất lạc cả. Những năm đó có được tính hưởng chế độ BHXH không?',
    );
    expect(told).toContain('insurance-period-confirm');
    expect(told).not.toContain('insured-laid-off');
  });

  it('reads "cộng thêm những năm" as the count of old years, the lump sum only its fallback', () => {
    const told = ids(
      'Tôi đóng bảo hiểm xã hội ở công ty hiện nay được 16 năm, trước đó làm giáo viên hợp đồng 5 năm. Tôi có được cộng thêm những năm dạy học để đủ lương hưu, hay phải lĩnh một lần?',
    );
    expect(told).toContain('insurance-period-confirm');
    expect(told).not.toContain('insured-one-off-any');
  });

  it('reads a change of employer in a work history as no move of home', () => {
    const told = ids(
      'Năm 1990 tôi chuyển sang công ty xây lắp, đóng bảo hiểm xã hội đến nay, sắp nghỉ hưu. Có được xác nhận thời gian đóng từ năm 1985 không?',
    );
    expect(told).not.toContain('pension-move');
    expect(told).toContain('pension-period-confirm');
    // A real move of a pensioner is still a move.
    expect(
      ids('Tôi đang hưởng lương hưu ở Nghệ An, nay chuyển về Thanh Hóa ở với con thì làm sao?'),
    ).toContain('pension-move');
  });

  it('reads a retirement claimed after contributions were kept as the pension, not the unemployment benefit', () => {
    const told = ids(
      'Chồng tôi thôi việc ở nhà máy đường từ năm 2019, không rút bảo hiểm xã hội mà để chờ đủ tuổi. Sang năm anh đủ tuổi thì làm hồ sơ hưởng lương hưu ở đâu?',
    );
    expect(told).toContain('retire-claim');
    expect(told).not.toContain('insured-laid-off');
  });

  it('reads years under labour cooperation asked at retirement as their count, not the pension claim', () => {
    const told = ids(
      'Mẹ tôi đi hợp tác lao động ở Tiệp Khắc 5 năm rồi về làm ở xí nghiệp may, đóng bảo hiểm xã hội đến khi nghỉ hưu. Những năm ở Tiệp có được tính không?',
    );
    expect(told).toContain('coop-labour-time');
    expect(told).not.toContain('retire-compulsory');
  });
});

describe('situations/insurance.json: words that do not tell what they seem (session 8)', () => {
  it('reads "có bị mất không" as a right forfeited, not a lost insurance book', () => {
    expect(
      ids(
        'Tôi nghỉ làm đã nửa năm mà chưa nộp hồ sơ thất nghiệp, sổ BHXH đã chốt. Thời gian đóng đó có bị mất không?',
      ),
    ).not.toContain('insurance-card-lost');
    expect(ids('Tôi bị mất sổ BHXH khi chuyển nhà, xin cấp lại ở đâu?')).toContain(
      'insurance-card-lost',
    );
  });

  it('reads whether sick-child days are paid as leave pay, never a pension asked', () => {
    expect(
      ids(
        'Cháu nhà em bị sốt xuất huyết, em phải xin nghỉ ở nhà trông cháu một tuần. Những ngày ấy em có được trả lương không?',
      ),
    ).toContain('leave-pay-sick');
    expect(
      ids('Bố tôi bị ốm nằm một chỗ, đóng BHXH 25 năm, có được hưởng lương hưu không?'),
    ).not.toContain('leave-pay-sick');
  });
});

describe('situations/insurance.json: a pensioner in prison (session 8)', () => {
  it('reads a relative asking to collect the pension during the term as the authorisation', () => {
    const told = ids(
      'Chú tôi đang hưởng lương hưu thì bị phạt tù hai năm. Trong thời gian chú ở tù, thím tôi có được lĩnh thay lương hưu không?',
    );
    expect(told).toContain('pension-proxy');
    expect(told).not.toContain('pension-prison');
    expect(told).not.toContain('pensioner-prison');
  });

  it('reads a term served as the pension resumed, even with a relative to collect it', () => {
    const told = ids(
      'Anh tôi hưởng lương hưu, bị án tù ba năm, nay đã mãn hạn tù. Làm sao để nhận lại lương hưu, và có ủy quyền cho vợ nhận thay được không?',
    );
    expect(told).toContain('pension-prison-released');
  });
});

describe('situations/insurance.json: a foreigner who need not hold a work permit (session 8)', () => {
  it('reads a foreign spouse exempt from the permit as the confirmation, not a marriage registration', () => {
    const told = ids(
      'Vợ tôi là người Nhật, đã đăng ký kết hôn với tôi, nay làm giáo viên tiếng Nhật ở trung tâm. Cô ấy có được miễn giấy phép lao động không?',
    );
    expect(told).toContain('work-permit-exempt');
    expect(told).not.toContain('marriage-foreign');
    expect(
      ids(
        'Giấy xác nhận không thuộc diện cấp giấy phép lao động của anh ấy sắp hết hạn, gia hạn thế nào?',
      ),
    ).not.toContain('work-permit-exempt');
  });
});

describe('situations/insurance.json: retirement as the reason old years are counted (session 8)', () => {
  it('reads the retirement told with a period to count as whom it concerns, not the pension asked', () => {
    const tokens = tokenize(
      'Tôi làm ở hợp tác xã từ năm 1980 đến 1989, có đóng bảo hiểm xã hội nhưng sổ không ghi. Xin cho biết thủ tục để được cộng nối thời gian đó cho đủ điều kiện về hưu?',
    );
    const [confirm] = situations.match(tokens).filter((s) => s.id === 'insurance-period-confirm');
    expect(confirm).toBeDefined();
    const inside = situations.phrasesOf(tokens, new Set(confirm!.concerns));
    expect(tokens.filter((_t, i) => inside[i]).map((t) => t.text)).toEqual(
      expect.arrayContaining(['về', 'hưu']),
    );
  });
});

describe('situations/insurance.json: state-sector years counted by their own record (session 8)', () => {
  it('leads a period at a state enterprise to the state-sector count, a private one only to the confirmation', () => {
    const state = codes(
      'Bố tôi làm công nhân lâm trường từ năm 1983 đến 1992, nay lâm trường giải thể, không còn hồ sơ. Thời gian đó có được tính hưởng BHXH khi bố nghỉ hưu không?',
    );
    expect(state).toContain('1.014181');
    expect(state).toContain('1.014185');
    const own = codes(
      'Tôi làm kế toán cho một công ty tư nhân 3 năm, có đóng bảo hiểm xã hội nhưng sổ không ghi thời gian đó. Làm sao để được xác nhận thời gian đóng?',
    );
    expect(own).toContain('1.014185');
    expect(own).not.toContain('1.014181');
  });
});

describe('situations/insurance.json: a pension raise owed, service ending the benefit, a card at the new home, what the card pays', () => {
  it('reads a pensioner asking for the difference of a pension raise as the adjustment of his decision', () => {
    const told = ids(
      'Tôi là giáo viên nghỉ hưu từ năm ngoái, có đợt điều chỉnh tăng lương hưu mà lương hưu của tôi vẫn như cũ, tôi có được truy lĩnh phần chênh lệch không?',
    );
    expect(told).toContain('pension-recalculate');
    expect(told).not.toContain('retire-compulsory');
    expect(codes('Me toi nghi huu nam 2020, luong huu co duoc tang khong?')[0]).toBe('1.001710');
  });

  it('reads military service while on unemployment benefit as the end of the benefit, not once back from it', () => {
    expect(
      ids(
        'Em đang hưởng trợ cấp thất nghiệp được 2 tháng thì có giấy gọi nhập ngũ, tiền các tháng sau có còn không?',
      ),
    ).toContain('ui-enlist-receiving');
    expect(
      ids(
        'Con trai tôi vừa nộp hồ sơ hưởng trợ cấp thất nghiệp thì trúng tuyển nghĩa vụ công an, vậy có được nhận tiếp không?',
      ),
    ).toContain('ui-enlist-claim');
    // Back from the service, the years insured before it are claimed.
    const back = ids(
      'Tôi xuất ngũ tháng trước, trước khi nhập ngũ có đóng bảo hiểm thất nghiệp 2 năm, giờ có làm hồ sơ thất nghiệp được không?',
    );
    expect(back).not.toContain('ui-enlist-claim');
    expect(back).not.toContain('ui-enlist-receiving');
  });

  it('reads a pensioner or benefit holder who moved and wants the health card there as the card change and the payment moved', () => {
    expect(
      codes(
        'Mẹ tôi đang hưởng trợ cấp mất sức lao động, nay về sống với con ở tỉnh khác, muốn có thẻ bảo hiểm y tế ở chỗ ở mới thì làm thế nào?',
      ).slice(0, 2),
    ).toEqual(['1.002759', '1.001742']);
    expect(
      ids(
        'Ông tôi đang lĩnh lương hưu, đã chuyển vào ở với con trong Nam, thẻ BHYT tại nơi mới làm sao?',
      ),
    ).toContain('pension-move-health-card');
    // No health card asked: the payment's move alone.
    expect(
      ids('Bố tôi hưởng lương hưu, nay chuyển về quê sống, lương hưu có lĩnh ở quê được không?'),
    ).not.toContain('pension-move-health-card');
  });

  it('reads "bảo hiểm y tế có chi trả không" after a treatment as the direct payment, not with a referral or a change of clinic asked', () => {
    expect(
      ids(
        'Tôi đi mổ ruột thừa ở bệnh viện tư, không phải nơi đăng ký thẻ, bảo hiểm y tế có chi trả không?',
      ),
    ).toContain('medical-card-pays');
    expect(
      ids('Vợ tôi sinh con ở bệnh viện khác nơi đăng ký khám, bhyt co thanh toan khong?'),
    ).toContain('medical-card-pays');
    expect(ids('Tôi nằm viện trái tuyến ở tỉnh, BHYT có thanh toán không?')).not.toContain(
      'medical-card-pays',
    );
    expect(
      ids(
        'Tôi muốn đổi nơi khám ban đầu sang bệnh viện gần nhà để được BHYT thanh toán, thủ tục thế nào?',
      ),
    ).not.toContain('medical-card-pays');
  });
});
