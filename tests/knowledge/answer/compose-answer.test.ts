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

  it('shows every document group and the legal basis in full mode', () => {
    const { text, hasMore } = compose(khaiSinh, '', 'full');
    expect(text).toContain('Biên bản về việc trẻ bị bỏ rơi');
    expect(text).toContain('123/2015/NĐ-CP');
    expect(hasMore).toBe(false);
  });

  it('points listed-only procedures to the portal and the desk', () => {
    const { text } = compose(listedOnly, 'cần giấy tờ gì');
    expect(text).toContain('chưa có chi tiết');
    expect(text).toContain(listedOnly.sourceUrl);
    expect(text).toContain('Bộ phận Một cửa UBND xã');
  });

  it('names the form templates when asked', () => {
    expect(compose(khaiSinh, 'mẫu tờ khai').text).toContain('To khai dang ky khai sinh.docx');
  });
});
