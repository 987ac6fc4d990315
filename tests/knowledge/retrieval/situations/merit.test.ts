import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../knowledge/text/normalize.js';
import { ids, situations } from './support.js';

describe('situations/merit.json', () => {
  it('reads a youth volunteer who died on duty and is not yet a martyr as the martyr recognition', () => {
    const told = ids(
      'Chú tôi đi thanh niên xung phong làm đường, hy sinh năm 1970 nhưng đến nay chưa được công nhận liệt sĩ. Gia đình phải làm hồ sơ gì?',
    );
    expect(told).toContain('martyr-recognition');
    expect(told).not.toContain('youth-volunteer-allowance');
    expect(told).not.toContain('youth-volunteer-monthly');
  });

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

  it('reads a recognised invalid’s wound come back as its own re-assessment, not a splinter or a work accident', () => {
    const told = ids(
      'Tôi là thương binh hạng 3/4, mấy năm nay vết thương cũ trở nặng, đi lại khó khăn. Tôi muốn xin giám định lại tỷ lệ thì làm thế nào?',
    );
    expect(told).toContain('invalid-recurrence');
    expect(told).not.toContain('invalid-reassess');
    expect(
      ids(
        'Ong toi dang huong tro cap thuong tat, nay vet thuong o dau tai phat, gia dinh muon xin kham lai cho ong.',
      ),
    ).toContain('invalid-recurrence');
    // a splinter left out and a work accident keep their own re-assessments
    expect(
      ids(
        'Tôi là thương binh hạng 4/4, trong người còn mảnh đạn, vết thương tái phát. Tôi muốn giám định lại.',
      ),
    ).not.toContain('invalid-recurrence');
    expect(
      ids(
        'Tôi đang hưởng trợ cấp thương tật do tai nạn lao động, nay vết thương tái phát, có được giám định lại không?',
      ),
    ).not.toContain('invalid-recurrence');
  });

  it('lets the martyrs’ altar decide over an awarded mother’s allowances', () => {
    const told = ids(
      'Bà nội tôi được phong tặng Bà mẹ Việt Nam anh hùng năm 1995, nay bà mất rồi. Tôi là người lo hương khói cho hai chú liệt sĩ, xin hỏi tôi có được trợ cấp gì không?',
    );
    expect(told).toContain('martyr-worship');
    expect(told).not.toContain('mother-awarded');
  });

  it('reads a family asking to go on receiving after a medal holder’s death as the survivors’ allowance', () => {
    const told = ids(
      'Bố tôi là bệnh binh, có Huy chương kháng chiến hạng Nhì, bố qua đời năm ngoái. Mẹ tôi có được tiếp tục hưởng trợ cấp không?',
    );
    expect(told).toContain('merit-death');
    expect(told).not.toContain('resistance-medal');
  });

  it('hears "còn được lĩnh trợ cấp" after a medal holder’s death as asking what still comes to the family', () => {
    const told = ids(
      'Ông nội tôi là thương binh, được tặng Huân chương kháng chiến hạng Ba, ông mất năm 2010. Bà nội tôi có còn được hưởng trợ cấp gì của ông không?',
    );
    expect(told).toContain('merit-death');
    expect(told).not.toContain('resistance-medal');
  });

  it('reads decision 290 cited for someone who never had any policy as its own record, papers or not', () => {
    const told = ids(
      'Chú tôi đi bộ đội thời chống Mỹ rồi về quê, đến nay chưa được hưởng chế độ chính sách nào. Chú có thuộc diện hưởng trợ cấp theo Quyết định 290 không?',
    );
    expect(told).toContain('decree-290-never-paid');
    expect(told).not.toContain('decree-142');
    const papersGone = ids(
      'Bố tôi nhập ngũ năm 1968, đánh Mỹ ở chiến trường B rồi xuất ngũ, giấy tờ thất lạc hết, chưa hưởng chế độ gì. Gia đình làm hồ sơ theo Quyết định số 290 được không?',
    );
    expect(papersGone).toContain('decree-290-never-paid');
    expect(papersGone).not.toContain('veteran-142-papers-gone');
    expect(papersGone).not.toContain('decree-142-papers-gone');
    // decision 290 cited for a discharged soldier, no word of never being paid: decision 142's records
    expect(
      ids(
        'Ông tôi đi bộ đội 8 năm, phục viên năm 1975, không có lương hưu. Ông có được hưởng theo Quyết định 290 không?',
      ),
    ).not.toContain('decree-290-never-paid');
  });

  it('reads a revolutionary activist’s recognition asked after his death as the recognition, not the survivors’ allowance', () => {
    const told = ids(
      'Bà ngoại tôi tham gia hoạt động cách mạng từ năm 1950, bà mất năm 1990. Gia đình muốn làm hồ sơ đề nghị công nhận người hoạt động cách mạng cho bà thì thủ tục ra sao?',
    );
    expect(told).toContain('revolutionary-recognition');
    expect(told).not.toContain('merit-death');
  });

  it('does not read a merit child’s studies going on as a suspended allowance', () => {
    const told = ids(
      'Tôi là bệnh binh, con tôi học trung cấp đã được hỗ trợ học phí, nay cháu học lên cao đẳng thì có tiếp tục được hưởng không?',
    );
    expect(told).toContain('merit-study');
    expect(told).not.toContain('merit-suspended');
  });

  it('reads a martyr’s remains in doubt (a namesake, the wrong family) as the DNA identification, not a visit', () => {
    const told = ids(
      'Năm ngoái gia đình tôi vào thăm mộ liệt sĩ của chú thì được biết có thể đã bị nhầm mộ với một liệt sĩ trùng tên. Chúng tôi muốn xác minh hài cốt chú đang ở đâu.',
    );
    expect(told).toContain('martyr-dna');
    expect(told).not.toContain('martyr-grave-visit');
  });

  it('reads a militia member who died on duty, of illness too, as the death allowance alone', () => {
    const told = ids(
      'Em trai tôi là dân quân, chưa đóng bảo hiểm xã hội, đi tuần tra thì bị ốm rồi chết. Gia đình có được trợ cấp gì không?',
    );
    expect(told).toContain('militia-death');
    expect(told).not.toContain('militia-mishap');
  });
});

describe('situations/merit.json: a death asked to be registered', () => {
  it('does not read the death registration asked for a war invalid as the survivors’ allowance', () => {
    expect(
      ids(
        'Ông ngoại tôi là thương binh hạng 3/4, hôm qua ông mất. Gia đình muốn đăng ký khai tử cho ông thì cần những giấy tờ gì?',
      ),
    ).not.toContain('merit-death');
    expect(
      ids('Ông ngoại tôi là thương binh hạng 3/4, hôm qua ông mất. Bà tôi có được hưởng gì không?'),
    ).toContain('merit-death');
  });
});

describe('situations/merit.json: a war invalid recognised again', () => {
  it('does not read an assessment told in the story as asked when the invalid asks to be recognised again', () => {
    const again = ids(
      'Tôi là thương binh hạng 3/4, năm 1985 đơn vị có tổ chức giám định lại, nhưng sau đó hồ sơ bị thất lạc khi chuyển kho. Nay tôi muốn được công nhận lại là thương binh thì làm thế nào?',
    );
    expect(again).toContain('invalid-recognised-again');
    expect(again).not.toContain('wound-reassess');
    expect(again).not.toContain('invalid-reassess');
  });
});

describe('situations/merit.json: a martyr not yet recognised', () => {
  it('hears "chưa được xác nhận là liệt sĩ" and a unit that sent no death notice as the recognition asked', () => {
    expect(
      ids(
        'Chú tôi đi bộ đội năm 1950 rồi không về, đơn vị không gửi giấy báo tử, đến nay chú vẫn chưa được xác nhận là liệt sĩ. Gia đình cần làm gì?',
      ),
    ).toContain('martyr-recognition');
  });
});

describe('situations/merit.json: a martyr’s headstone carved wrong', () => {
  it('reads a martyr’s grave with wrong or missing details as the identification by evidence, not a death record', () => {
    expect(
      ids(
        'Mộ liệt sĩ của ông nội tôi ở nghĩa trang tỉnh bạn, bia ghi sai năm sinh và quê quán. Gia đình muốn sửa bia thì làm thế nào?',
      ),
    ).toContain('martyr-grave-info');
    expect(
      ids(
        'Tìm được ngôi mộ liệt sĩ còn thiếu thông tin, gia đình tin là của bác tôi, xin xác định lại danh tính.',
      ),
    ).toContain('martyr-grave-info');
    expect(
      ids('Bố tôi mất năm ngoái, mộ ở nghĩa trang xã, bia ghi sai tên. Tôi phải làm gì?'),
    ).not.toContain('martyr-grave-info');
  });
});

describe('situations/merit.json: a militiaman of the war against the French', () => {
  it('reads a guerrilla or militiaman of the anti-French war as a resistance participant, not one wounded or a youth volunteer', () => {
    expect(
      ids(
        'Bà nội tôi làm dân quân xã thời chống Pháp, từ 1951 đến 1954. Bà có được hưởng chế độ gì không?',
      ),
    ).toContain('fighter-anti-french');
    expect(
      ids('Ong toi la du kich thoi danh Phap o lang, nay gia roi, co duoc huong tro cap gi khong?'),
    ).toContain('fighter-anti-french');
    expect(
      ids(
        'Bố tôi là thanh niên xung phong thời chống Pháp, làm đường ở Điện Biên Phủ. Bố có được trợ cấp không?',
      ),
    ).not.toContain('fighter-anti-french');
    expect(
      ids('Chú tôi là du kích thời chống Mỹ, nay muốn hỏi chế độ trợ cấp một lần.'),
    ).not.toContain('fighter-anti-french');
  });
});

describe('situations/merit.json: a soldier’s years told with months', () => {
  it('reads "7 năm 5 tháng" of service as under 15 years, the one-off allowance alone', () => {
    const told = ids(
      'Chồng tôi nhập ngũ năm 1968, đánh Mỹ ở Quảng Trị, được 7 năm 5 tháng thì phục viên, đến nay chưa được hưởng chế độ gì.',
    );
    expect(told).toContain('veteran-anti-us-short');
    expect(told).not.toContain('veteran-290');
  });
});

describe('situations/merit.json: a martyr without his Bằng (session 8)', () => {
  it('reads a martyr never given the Bằng as the Bằng, not the worship allowance the keeper receives', () => {
    const told = ids(
      'Bố tôi là liệt sĩ, mẹ tôi hưởng tiền tuất từ năm 1970, nay tôi là người thờ cúng và vẫn nhận tiền thờ cúng hằng năm, nhưng gia đình chưa có Bằng Tổ quốc ghi công. Xin hỏi có được đề nghị cấp Bằng không?',
    );
    expect(told).not.toContain('martyr-worship');
    expect(
      ids('Bố tôi là liệt sĩ, nay tôi là người thờ cúng thì có được nhận trợ cấp thờ cúng không?'),
    ).toContain('martyr-worship');
  });
});

describe('situations/merit.json: the funeral of a person with merit', () => {
  it('reads the funeral of a person with merit, told only by the funeral or after a move, as the merit funeral grant', () => {
    const told = ids(
      'Cụ nội tôi là mẹ liệt sĩ, những năm cuối đời cụ vào Đắk Lắk ở với con gái và mất ở đó. Gia đình đến nay chưa nhận được tiền mai táng, xin hỏi có được giải quyết không?',
    );
    expect(told).toContain('merit-funeral');
    expect(told).not.toContain('merit-move');
    // a martyr's remains are not a funeral grant
    expect(
      ids('Gia đình tôi muốn an táng hài cốt liệt sĩ về nghĩa trang quê nhà thì làm thủ tục gì?'),
    ).not.toContain('merit-funeral');
    // a move alone stays the file's move
    expect(
      ids('Bố tôi là thương binh, nay chuyển vào ở với con ở tỉnh khác thì hồ sơ chuyển thế nào?'),
    ).toContain('merit-move');
  });
});

describe('situations/merit.json: a war invalid turned mentally ill asking for more', () => {
  it('reads "hưởng thêm trợ cấp" from an invalid with a mental illness as the re-assessment, the wording a concern', () => {
    const letter =
      'Chồng tôi là thương binh 2/4, vết thương ở đầu nay làm anh bị rối loạn tâm thần. Anh có được hưởng thêm trợ cấp gì không?';
    expect(ids(letter)).toContain('invalid-mental');
    expect(ids(letter)).not.toContain('invalid-also-sick');
    const mental = situations.situations.find((s) => s.id === 'invalid-mental');
    expect(mental?.concerns).toContain('more-allowance-asked');
    expect(situations.cuesIn(tokenize(letter))).toContain('more-allowance-asked');
  });
});
