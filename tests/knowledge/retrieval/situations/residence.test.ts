import { describe, expect, it } from 'vitest';
import { codes, ids } from './support.js';

describe('residence.json: moving house told as the background', () => {
  it('leaves the single-status certificate asked for a marriage in the other’s home town to itself', () => {
    const told = ids(
      'Tôi sắp cưới, anh ấy có hộ khẩu ở Hà Nội nên chúng tôi về quê anh ấy đăng ký. Tôi xin giấy xác nhận độc thân ở đâu?',
    );
    expect(told).toContain('single-proof');
    expect(told).not.toContain('move-household');
  });

  it('leaves a school admission told after a move to the school', () => {
    expect(
      ids(
        'Nhà tôi mới chuyển về thị xã, chưa nhập được hộ khẩu. Con tôi thi vào lớp 10 ở đây có được không?',
      ),
    ).not.toContain('move-household');
  });
});

describe('situations/residence.json: a family asking to be registered', () => {
  it('does not read a parent’s death long ago as the removal when the family asks to be registered', () => {
    expect(
      ids(
        'Mẹ tôi mất năm 1990, từ đó mấy chị em tôi ở nhờ nhà dì, chưa bao giờ có hộ khẩu. Nay chúng tôi muốn đăng ký thường trú tại đây thì cần gì?',
      ),
    ).not.toContain('death-household');
    expect(
      ids('Bố tôi vừa mất, trong sổ hộ khẩu vẫn còn tên bố thì gia đình phải làm gì?'),
    ).toContain('death-household');
  });
});

describe('residence.json: struck off by someone else', () => {
  it('reads a relative who struck the writer off on his own as removed, then registering elsewhere', () => {
    const told = ids(
      'Sau khi ly hôn, chồng cũ tự ý cắt khẩu của tôi ra khỏi sổ. Tôi muốn đăng ký thường trú về nhà anh trai thì cần gì?',
    );
    expect(told).toContain('removed-then-register');
    expect(told).not.toContain('household-remove');
  });
});

describe('residence.json: never registered anywhere', () => {
  it('reads a grown-up never registered who asks to be entered in a household book as the permanent registration', () => {
    expect(
      ids(
        'Tôi 30 tuổi, từ nhỏ đi theo bố mẹ làm thuê khắp nơi nên chưa có hộ khẩu ở đâu. Nay tôi muốn nhập hộ khẩu vào nhà bác ruột thì làm thế nào?',
      ),
    ).toContain('never-registered-register');
  });
});

describe('residence.json: ID cards and old ID numbers (session 8)', () => {
  it('reads a Vietnamese settled abroad asking for an ID card as the card from 14, not the old number', () => {
    const told = ids(
      'Tôi định cư ở Canada nhiều năm, vẫn còn giữ chứng minh nhân dân cũ. Sắp về nước, tôi có làm được thẻ căn cước không?',
    );
    expect(told).toContain('id-card-overseas');
    expect(told).not.toContain('old-id-proof');
    expect(codes('Em sinh sống ở Úc, về Việt Nam muốn làm căn cước thì làm ở đâu?')).toEqual([
      '1.014061',
    ]);
  });

  it('reads the old number to be shown as "của mình" as proving both numbers are one person’s', () => {
    expect(
      ids(
        'Tôi đã làm căn cước mới nhưng sổ đỏ vẫn ghi số chứng minh nhân dân cũ. Làm sao chứng minh số CMND cũ là của mình?',
      ),
    ).toContain('old-id-same-person');
    expect(
      ids('Căn cước mới của tôi khác hẳn số cũ, ngân hàng hỏi giấy tờ về số CMND cũ.'),
    ).toContain('old-id-same-person');
  });
});
