import { describe, expect, it } from 'vitest';
import { question } from '../../../conversation/intents/question.js';
import { harness, procedure } from '../support.js';

describe('intent: question', () => {
  const national = procedure('1.000001', 'Thủ tục đăng ký biến động đất đai', { levels: ['xa'] });
  const ours = procedure('1.115538', 'Thủ tục đăng ký biến động đất đai', {
    scope: 'provincial',
    province: 'UBND tỉnh Thanh Hóa',
  });
  const other = procedure('1.000003', 'Thủ tục cấp giấy chứng nhận lần đầu');

  it('answers a found procedure and remembers the runners-up', async () => {
    const h = harness([national, other]);
    h.outcome = { kind: 'found', procedure: national, alternatives: [other], closeCall: false };
    const reply = await question.handle(h.turn('sang tên sổ đỏ'), h.ctx);
    expect(reply?.procedure?.code).toBe(national.code);
    expect(h.session().alternatives).toEqual([other.code]);
  });

  it('a national and a Thanh Hóa copy are one choice: the Thanh Hóa one is answered', async () => {
    const h = harness([national, ours]);
    h.outcome = { kind: 'ambiguous', options: [national, ours] };
    const reply = await question.handle(h.turn('sang tên sổ đỏ'), h.ctx);
    expect(reply?.procedure?.code).toBe(ours.code);
  });

  it('asks back with one choice per procedure', async () => {
    const h = harness([national, ours, other]);
    h.outcome = { kind: 'ambiguous', options: [national, other, ours] };
    const reply = await question.handle(h.turn('làm sổ đỏ'), h.ctx);
    expect(reply?.choices.map((c) => c.code)).toEqual([ours.code, other.code]);
    expect(h.session().pendingQuestion).toBe('làm sổ đỏ');
  });

  it('asks "which procedure?" with numbered choices a resident can answer by typing the number', async () => {
    const third = procedure('1.000004', 'Thủ tục cấp lại giấy chứng nhận do bị mất');
    const h = harness([national, other, third]);
    h.outcome = { kind: 'ambiguous', options: [national, other, third] };
    const reply = await question.handle(h.turn('bố tôi mất, mẹ muốn đứng tên sổ đỏ'), h.ctx);
    expect(reply?.text).toMatch(/^Bạn đang hỏi về thủ tục nào\?.*gõ số/iu);
    expect(reply?.choices.map((c) => c.label)).toEqual([
      '1. Đăng ký biến động đất đai',
      '2. Cấp giấy chứng nhận lần đầu',
      '3. Cấp lại giấy chứng nhận do bị mất',
    ]);
  });

  it('abstains politely and says when the question was cut', async () => {
    const h = harness([]);
    const reply = await question.handle(h.turn(`${'a '.repeat(2100)}đăng ký`), h.ctx);
    expect(reply?.answered).toBe(false);
    expect(reply?.text).toMatch(/dài quá/);
  });
});
