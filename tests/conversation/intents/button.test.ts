import { describe, expect, it } from 'vitest';
import { button } from '../../../conversation/intents/button.js';
import { harness, procedure } from '../support.js';

describe('intent: button', () => {
  const p = procedure('1.001193', 'Thủ tục đăng ký khai sinh');

  it('ignores typed text', async () => {
    const h = harness([p]);
    expect(await button.handle(h.turn('đăng ký khai sinh'), h.ctx)).toBeNull();
  });

  it('a picked choice answers the question that led to it', async () => {
    const h = harness([p]);
    h.session().pendingQuestion = 'lệ phí bao nhiêu';
    const reply = await button.handle(
      h.turn('', { action: { type: 'pick', code: p.code } }),
      h.ctx,
    );
    expect(reply?.procedure?.code).toBe(p.code);
    expect(h.explained).toEqual([{ code: p.code, mode: 'short', question: 'lệ phí bao nhiêu' }]);
    expect(h.session().pendingQuestion).toBeNull();
  });

  it('"xem thêm" asks for the full detail; an unknown code is answered politely', async () => {
    const h = harness([p]);
    await button.handle(h.turn('', { action: { type: 'more', code: p.code } }), h.ctx);
    expect(h.explained[0]?.mode).toBe('full');
    const stale = await button.handle(
      h.turn('', { action: { type: 'pick', code: '9.999999' } }),
      h.ctx,
    );
    expect(stale?.answered).toBe(false);
    expect(stale?.text).toMatch(/hết hạn/);
  });
});
