import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatReply } from '../../common/chat.js';
import { loadCommuneDirectory } from '../../knowledge/index.js';
import { realAssistant } from '../support/assistant.js';
import { expectClean, expectFact, type FactKind } from '../support/record-facts.js';

/*
 * Resident questions over the most asked commune procedures, as typed on a phone, through the whole
 * conversation core. Every check is against the record the answer names (never a hard-coded string):
 * the right procedure, the asked fact within the first 800 characters, a default answer of at most
 * 1,200 characters, no raw form file name, no unit-less time where a source has the unit, no ended fee
 * shown as current, and the record's agency in "where".
 */

type Row = [question: string, code: string, asked: FactKind | 'overview'];

const ROWS: Row[] = [
  ['làm giấy khai sinh cho con cần những gì', '1.001193', 'documents'],
  ['khai sinh cho con có mất tiền không', '1.001193', 'fee'],
  ['đăng ký khai sinh mất mấy ngày', '1.001193', 'time'],
  ['làm khai sinh cho con nộp ở đâu', '1.001193', 'where'],
  ['mẫu tờ khai đăng ký khai sinh', '1.001193', 'form'],
  ['đăng ký kết hôn cần giấy tờ gì', '1.000894', 'documents'],
  ['đăng ký kết hôn lệ phí bao nhiêu', '1.000894', 'fee'],
  ['đăng ký kết hôn bao lâu thì có giấy', '1.000894', 'time'],
  ['xin giấy xác nhận độc thân cần gì', '1.004873', 'documents'],
  ['giấy xác nhận tình trạng hôn nhân mất mấy ngày', '1.004873', 'time'],
  ['làm khai tử cho bố cần giấy tờ gì', '1.000656', 'documents'],
  ['khai tử mất mấy ngày', '1.000656', 'time'],
  ['đăng ký thường trú cần giấy tờ gì', '1.004222', 'documents'],
  ['nhập khẩu cho con lệ phí bao nhiêu', '1.004222', 'fee'],
  ['đăng ký thường trú nộp ở đâu', '1.004222', 'where'],
  ['đăng ký tạm trú cần những gì', '1.004194', 'documents'],
  ['tạm trú lệ phí bao nhiêu', '1.004194', 'fee'],
  ['đăng ký tạm trú bao lâu', '1.004194', 'time'],
  ['đăng ký tạm trú làm online được không', '1.004194', 'online'],
  ['gia hạn tạm trú cần gì', '1.002755', 'documents'],
  ['xóa tạm trú nộp ở đâu', '1.010028', 'where'],
  ['cắt khẩu ở đâu', '1.003197', 'where'],
  ['xóa đăng ký thường trú cần giấy tờ gì', '1.003197', 'documents'],
  ['tách hộ cần giấy tờ gì', '1.010038', 'documents'],
  ['khai báo tạm vắng ở đâu', '1.003677', 'where'],
  ['xác nhận thông tin cư trú mất mấy ngày', '1.010041', 'time'],
  ['chứng thực bản sao lệ phí bao nhiêu', '2.000815', 'fee'],
  ['chứng thực bản sao mất bao lâu', '2.000815', 'time'],
  ['xin bản sao giấy khai sinh cần gì', '2.000635', 'documents'],
  ['trích lục khai sinh lệ phí', '2.000635', 'fee'],
  ['đăng ký hộ kinh doanh cần giấy tờ gì', '1.001612', 'documents'],
  ['đăng ký hộ kinh doanh mất mấy ngày', '1.001612', 'time'],
  ['chấm dứt hộ kinh doanh nộp ở đâu', '1.001266', 'where'],
  ['sửa sai ngày sinh trong giấy khai sinh cần gì', '1.004859', 'documents'],
  ['cải chính hộ tịch lệ phí bao nhiêu', '1.004859', 'fee'],
  ['đăng ký nhận cha con cần gì', '1.001022', 'documents'],
  ['đăng ký giám hộ cần giấy tờ gì', '1.004837', 'documents'],
  ['chứng thực chữ ký lệ phí bao nhiêu', '2.000884', 'fee'],
  ['tặng cho đất cho con', '1.115538', 'overview'],
  ['sang tên sổ đỏ cần giấy tờ gì', '1.115538', 'documents'],
  ['bố mẹ cho đất thì làm thủ tục gì', '1.115538', 'overview'],
  ['chuyển nhượng đất cho con', '1.115538', 'overview'],
  ['thừa kế đất của bố mất', '1.115538', 'overview'],
  ['đăng ký lại khai tử cần gì', '1.005461', 'documents'],
  ['công nhận hộ nghèo cần giấy tờ gì', '1.011606', 'documents'],
  ['xác nhận thông tin hộ tịch cần gì', '2.002516', 'documents'],
];

let assistant: Awaited<ReturnType<typeof realAssistant>>;
const replies = new Map<string, ChatReply>();

beforeAll(async () => {
  assistant = await realAssistant();
  let n = 0;
  for (const [question] of ROWS) {
    n += 1;
    replies.set(
      question,
      await assistant.conversation.handle({
        channel: 'web',
        userId: `resident-${n}`,
        text: question,
      }),
    );
  }
}, 240_000);

describe('answers a resident can read on a phone', () => {
  it('covers at least 40 questions', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ROWS)('%s → %s (%s)', (question, code, asked) => {
    const reply = replies.get(question)!;
    expect(reply.procedure?.code).toBe(code);
    const record = assistant.catalogue.get(code)!;
    const text = reply.text;
    expect(text.length).toBeLessThanOrEqual(1200);
    expect(text).toContain(`mã ${code}`);
    expect(text).toContain(record.sourceUrl);
    const head = text.slice(0, 800);
    expectFact(asked === 'overview' ? 'documents' : asked, record, head);
    if (asked === 'overview' || asked === 'where') expectFact('where', record, text);
    expectClean(record, text);
  });

  it('marks answers whose procedure has an online form, so channels add "Nộp hồ sơ"', () => {
    expect(replies.get('đăng ký tạm trú cần những gì')!.form).toEqual({
      code: '1.004194',
      title: 'Đăng ký tạm trú',
    });
    expect(replies.get('làm khai tử cho bố cần giấy tờ gì')!.form?.code).toBe('1.000656');
    // No form for this procedure: no button.
    expect(replies.get('đăng ký hộ kinh doanh cần giấy tờ gì')!.form).toBeUndefined();
  });

  it('pages "xem thêm" in messages of at most 1,500 characters', async () => {
    const id = 'resident-more';
    await assistant.conversation.handle({ channel: 'web', userId: id, text: 'đăng ký khai sinh' });
    let pages = 0;
    for (let i = 0; i < 30; i += 1) {
      const more = await assistant.conversation.handle({
        channel: 'web',
        userId: id,
        text: 'xem thêm',
      });
      expect(more.procedure?.code).toBe('1.001193');
      expect(more.text.length).toBeLessThanOrEqual(1500);
      pages += 1;
      if (!more.hasMore) break;
    }
    expect(pages).toBeGreaterThan(1);
  });
  it('uses the commune the resident named in "where to file"', async () => {
    const id = 'resident-commune';
    const said = await assistant.conversation.handle({
      channel: 'web',
      userId: id,
      text: 'tôi ở xã Hoằng Giang',
    });
    expect(said.text).toMatch(/ghi nhớ bạn ở xã Hoằng Giang/);
    const reply = await assistant.conversation.handle({
      channel: 'web',
      userId: id,
      text: 'làm giấy khai sinh cho con nộp ở đâu',
    });
    expect(reply.procedure?.code).toBe('1.001193');
    expect(reply.text).toContain('xã Hoằng Giang');
    const office = loadCommuneDirectory().find('xã Hoằng Giang')[0]!.officeAddress;
    if (office) expect(reply.text).toContain(office.slice(0, 30));
  });

  it('answers which new commune an old one joined', async () => {
    const reply = await assistant.conversation.handle({
      channel: 'web',
      userId: 'resident-former',
      text: 'xã Hoằng Quỳ cũ giờ thuộc xã nào?',
    });
    expect(reply.text).toContain('Hoằng Giang');
  });
});
