import { describe, expect, it } from 'vitest';
import { smallTalk } from '../../../conversation/intents/small-talk.js';
import { harness } from '../support.js';

describe('intent: small talk', () => {
  it('greets with the desk phone, thanks, warns about secrets', async () => {
    const h = harness([]);
    expect((await smallTalk.handle(h.turn('Xin chào'), h.ctx))?.text).toContain('0237 3 999 888');
    expect((await smallTalk.handle(h.turn('cam on ban nhieu'), h.ctx))?.text).toMatch(
      /Không có gì/,
    );
    expect((await smallTalk.handle(h.turn('mã OTP của tôi là 123456'), h.ctx))?.text).toMatch(
      /OTP/,
    );
  });

  it('"tạm biệt" forgets the session', async () => {
    const h = harness([]);
    h.session().currentCode = '1.001193';
    expect((await smallTalk.handle(h.turn('tạm biệt'), h.ctx))?.text).toMatch(/Chào bạn/);
    expect(h.session().currentCode).toBeNull();
  });

  it('lets a procedure question through', async () => {
    const h = harness([]);
    expect(await smallTalk.handle(h.turn('chào bạn, đăng ký kết hôn cần gì'), h.ctx)).toBeNull();
  });
});
