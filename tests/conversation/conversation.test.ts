import { beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../conversation/types.js';
import type { Catalogue } from '../../knowledge/index.js';
import { realAssistant, TEST_DESK_PHONE } from '../support/assistant.js';

/* The conversation core on the real catalogue and index: flows a resident goes through. */

let conversation: Conversation;
let catalogue: Catalogue;
let gaps: Awaited<ReturnType<typeof realAssistant>>['gaps'];
let n = 0;
const user = () => `user-${++n}`;
const say = (userId: string, text: string) => conversation.handle({ channel: 'web', userId, text });

beforeAll(async () => {
  const assistant = await realAssistant();
  conversation = assistant.conversation;
  catalogue = assistant.catalogue;
  gaps = assistant.gaps;
});

describe('conversation core', () => {
  it('greets and says what it can do', async () => {
    const reply = await say(user(), 'Xin chào');
    expect(reply.answered).toBe(false);
    expect(reply.text).toMatch(/Trợ lý Một cửa/);
    expect(reply.text).toContain(TEST_DESK_PHONE);
  });

  it('answers a clear question with the record and its provenance', async () => {
    const reply = await say(user(), 'thủ tục đăng ký kết hôn cần giấy tờ gì');
    expect(reply.answered).toBe(true);
    expect(reply.procedure?.code).toBe('1.000894');
    const record = catalogue.get('1.000894')!;
    expect(reply.sources).toEqual([{ code: '1.000894', url: record.sourceUrl }]);
    expect(reply.text).toContain('1.000894');
    expect(reply.text).toContain(record.sourceUrl);
  });

  it('keeps the procedure for follow-ups and resets on "không phải"', async () => {
    const id = user();
    const first = await say(id, 'dang ky ket hon');
    expect(first.procedure?.code).toBe('1.000894');
    const fee = await say(id, 'còn lệ phí thì sao?');
    expect(fee.procedure?.code).toBe('1.000894');
    expect(fee.text).toMatch(/Lệ phí/);
    const online = await say(id, 'thế làm online được không?');
    expect(online.procedure?.code).toBe('1.000894');
    expect(online.text).toMatch(/trực tuyến/i);
    const more = await say(id, 'xem thêm');
    expect(more.procedure?.code).toBe('1.000894');
    expect(more.text).toMatch(/Xem thêm 1\/\d+/);
    expect(more.text.length).toBeLessThanOrEqual(1500);
    const no = await say(id, 'không phải');
    expect(no.procedure).toBeNull();
    // After a rejection, a follow-up no longer refers to the old procedure.
    const after = await say(id, 'lệ phí bao nhiêu');
    expect(after.procedure?.code).not.toBe('1.000894');
  });

  it('switches topic when the resident asks about another procedure', async () => {
    const id = user();
    await say(id, 'đăng ký kết hôn');
    const next = await say(id, 'còn làm giấy khai tử cho bố thì sao');
    expect(next.procedure?.code).not.toBe('1.000894');
  });

  it('abstains on off-topic questions, hands off to the desk and logs the gap', async () => {
    const before = gaps.entries.length;
    const reply = await say(user(), 'giá vàng hôm nay bao nhiêu');
    expect(reply.answered).toBe(false);
    expect(reply.procedure).toBeNull();
    expect(reply.text).toContain(TEST_DESK_PHONE);
    expect(gaps.entries.length).toBe(before + 1);
  });

  it('tells the desk hours and phone from configuration', async () => {
    for (const q of ['ubnd xã mấy giờ mở cửa', 'so dien thoai bo phan mot cua']) {
      const reply = await say(user(), q);
      expect(reply.answered).toBe(false);
      expect(reply.text).toContain(TEST_DESK_PHONE);
      expect(reply.text).toMatch(/Sáng 7h00/);
    }
  });

  it('warns instead of accepting an OTP or password', async () => {
    const reply = await say(user(), 'mã OTP của em là 123456');
    expect(reply.answered).toBe(false);
    expect(reply.text).toMatch(/OTP/);
    expect(reply.text).toMatch(/đừng gửi/i);
  });

  it.each([
    ['empty', ''],
    ['spaces', '    '],
    ['emoji only', '😀😀😀'],
    ['control characters', '\u0000\u0001\u0002'],
    ['binary junk', '\ufffd\ufffd\u0007\ufffd'],
  ])('replies politely to %s input', async (_label, text) => {
    const reply = await say(user(), text);
    expect(reply.answered).toBe(false);
    expect(reply.text.length).toBeGreaterThan(10);
  });

  it('reads only the start and the end of a 10,000-character message and says so', async () => {
    const reply = await say(user(), 'đăng ký khai sinh '.repeat(600));
    expect(reply.text).toMatch(/dài quá/);
  });

  it('reads a whole letter that asks at its end, past its 500th character', async () => {
    // Cut at 500 characters, the story of renting read as a temporary residence (1.004194).
    const letter =
      'Chào anh chị ở bộ phận một cửa. Gia đình tôi quê ở xã Xuân Phú, huyện Thọ Xuân. Năm 2015 hai vợ chồng tôi ra thành phố Thanh Hóa làm ăn, lúc đầu thuê trọ ở phường Đông Thọ, sau đó chuyển sang thuê nhà nguyên căn gần chợ Vườn Hoa để tiện buôn bán. Hai cháu nhà tôi đều học ở trường gần nhà, mỗi năm đầu năm học lại phải đi xin giấy xác nhận tạm trú rất vất vả. Đầu năm nay chúng tôi dành dụm được ít tiền, vay thêm họ hàng, mua được một căn hộ chung cư nhỏ ở phường Quảng Thắng, đã được cấp giấy chứng nhận mang tên hai vợ chồng. Cả nhà đã dọn về ở được hai tháng, điện nước đã đứng tên chúng tôi. Ở quê vẫn còn nhà của bố mẹ tôi, bố mẹ tôi vẫn ở đó. Nay tôi muốn đăng ký thường trú cho cả gia đình bốn người vào căn hộ mới thì cần những giấy tờ gì và nộp ở đâu?';
    expect(letter.length).toBeGreaterThan(700);
    const reply = await say(user(), letter);
    expect(reply.procedure?.code).toBe('1.004222');
    expect(reply.text).not.toMatch(/dài quá/);
  });

  it('offers choices for a vague question; typing a number picks one (Zalo has no buttons)', async () => {
    const id = user();
    const reply = await say(id, 'xin trích lục');
    expect(reply.answered).toBe(false);
    expect(reply.choices.length).toBeGreaterThanOrEqual(2);
    expect(reply.choices.length).toBeLessThanOrEqual(3);
    expect(reply.choices.map((c) => c.label.slice(0, 3))).toEqual(
      reply.choices.map((_c, i) => `${i + 1}. `),
    );
    const picked = await say(id, '2');
    expect(picked.procedure?.code).toBe(reply.choices[1]!.code);
  });

  it('labels choices so that they can be told apart on a phone', async () => {
    const vague = [
      'lam so do lan dau',
      'xin trích lục',
      'trợ cấp',
      'xin giấy xác nhận',
      'đăng ký đất',
    ];
    let offered = 0;
    for (const q of vague) {
      const reply = await say(user(), q);
      if (reply.choices.length === 0) continue;
      offered++;
      const labels = reply.choices.map((c) => c.label);
      expect(new Set(labels).size).toBe(labels.length);
      for (const label of labels) expect(label.length).toBeLessThanOrEqual(120);
    }
    expect(offered).toBeGreaterThanOrEqual(2);
  });
});
