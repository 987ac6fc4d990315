import { describe, expect, it } from 'vitest';
import { detectAttributes } from '../../../knowledge/answer/attributes.js';
import { composeAnswer } from '../../../knowledge/answer/compose-answer.js';
import { chungThuc, khaiSinh, listedOnly } from '../../fixtures/procedures.js';

const desk = { name: 'Bộ phận Một cửa UBND xã', phone: '0237 3852 111' };
const compose = (p = khaiSinh, question = '', mode: 'short' | 'full' = 'short') =>
  composeAnswer(p, {
    attributes: detectAttributes(question),
    mode,
    snapshotDate: '2026-07-18',
    desk,
  });

describe('detectAttributes', () => {
  it.each([
    ['lệ phí bao nhiêu', 'fee'],
    ['le phi bao nhieu', 'fee'],
    ['mất mấy ngày thì có', 'time'],
    ['cần giấy tờ gì', 'documents'],
    ['can nhung giay to gi', 'documents'],
    ['nộp ở đâu', 'where'],
    ['có làm online được không', 'online'],
    ['mẫu tờ khai ở đâu', 'form'],
  ])('%s → %s', (question, attribute) => {
    expect(detectAttributes(question)[0]).toBe(attribute);
  });

  it('finds nothing specific in a plain procedure name', () => {
    expect(detectAttributes('đăng ký kết hôn')).toEqual([]);
  });
});

describe('composeAnswer', () => {
  it('gives the overview with code, documents, fee, time, place and source', () => {
    const { text, hasMore } = compose();
    expect(text).toContain('mã 1.001193');
    expect(text).toContain('Giấy chứng sinh');
    expect(text).toContain('Miễn phí');
    expect(text).toContain('1 ngày làm việc');
    expect(text).toContain(khaiSinh.sourceUrl);
    expect(text).toContain('18/07/2026');
    expect(hasMore).toBe(true);
  });

  it('answers the fee question narrowly, with the record amount', () => {
    const { text } = compose(chungThuc, 'chứng thực bản sao hết bao nhiêu tiền một trang, lệ phí');
    expect(text).toContain('2.000 đồng');
    expect(text).not.toContain('Giấy tờ cần chuẩn bị');
  });

  it('keeps free-text processing time as written', () => {
    expect(compose(chungThuc, 'mất bao lâu').text).toContain(
      'Trong ngày cơ quan tiếp nhận yêu cầu',
    );
  });

  it('flags a bare number without a unit instead of guessing days', () => {
    const bare = {
      ...khaiSinh,
      filingMethods: [
        {
          ...khaiSinh.filingMethods[0]!,
          processingTime: { quantity: 1, unit: 'other' as const, text: null },
        },
      ],
    };
    expect(compose(bare, 'mất mấy ngày').text).toMatch(
      /1 \(Cổng Dịch vụ công không ghi đơn vị thời gian/,
    );
  });

  it('says the record lacks a fact instead of inventing it', () => {
    const { text } = compose(chungThuc, 'căn cứ pháp lý là gì');
    expect(text).toMatch(/chưa ghi/);
  });

  it('pages "xem thêm" by section, every page a phone message, until the legal basis', () => {
    const pages: string[] = [];
    for (let page = 1; page <= 10; page += 1) {
      const { text, hasMore } = composeAnswer(khaiSinh, {
        attributes: [],
        mode: 'full',
        page,
        snapshotDate: '2026-07-18',
        desk,
      });
      pages.push(text);
      expect(text.length).toBeLessThanOrEqual(1500);
      if (!hasMore) break;
    }
    const all = pages.join('\n');
    expect(all).toContain('Biên bản về việc trẻ bị bỏ rơi');
    expect(all).toContain('123/2015/NĐ-CP');
    expect(pages[0]).toMatch(/Xem thêm 1\/\d+/);
  });

  it('keeps the default answer within 1,200 characters', () => {
    expect(compose().text.length).toBeLessThanOrEqual(1200);
  });

  it('points listed-only procedures to the portal and the desk', () => {
    const { text } = compose(listedOnly, 'cần giấy tờ gì');
    expect(text).toContain('chưa có chi tiết');
    expect(text).toContain(listedOnly.sourceUrl);
    expect(text).toContain('Bộ phận Một cửa UBND xã');
  });

  it('names the form templates when asked, never by their raw file name', () => {
    const { text } = compose(khaiSinh, 'mẫu tờ khai');
    expect(text).toContain('Tờ khai');
    expect(text).not.toContain('To khai dang ky khai sinh.docx');
  });

  it('never shows a fee whose validity ended as current', () => {
    const limited = {
      ...chungThuc,
      filingMethods: chungThuc.filingMethods.map((m) => ({
        ...m,
        fees: [
          { kind: 'le_phi' as const, amountVnd: 135000, text: '135.000 đồng/lần', per: 'lần' },
          {
            kind: 'le_phi' as const,
            amountVnd: 115000,
            text: 'Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, 115.000 đồng/lần cấp',
            per: 'lần cấp',
            validFrom: '2023-12-01',
            validTo: '2025-12-31',
          },
        ],
      })),
    };
    const text = composeAnswer(limited, {
      attributes: ['fee'],
      mode: 'short',
      snapshotDate: '2026-07-18',
      desk,
      today: '2026-12-07',
    }).text;
    expect(text).toContain('135.000 đồng/lần');
    expect(text).not.toContain('115.000');
    const before = composeAnswer(limited, {
      attributes: ['fee'],
      mode: 'short',
      snapshotDate: '2026-07-18',
      desk,
      today: '2025-06-01',
    }).text;
    expect(before).toContain('115.000 đồng/lần cấp');
  });
});
