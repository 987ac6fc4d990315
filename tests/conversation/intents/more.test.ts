import { describe, expect, it } from 'vitest';
import { more } from '../../../conversation/intents/more.js';
import { harness, procedure } from '../support.js';

describe('intent: more', () => {
  const p = procedure('1.001193', 'Thủ tục đăng ký khai sinh');

  it('"xem thêm" shows the full detail of the current procedure', async () => {
    const h = harness([p]);
    h.session().currentCode = p.code;
    const reply = await more.handle(h.turn('Xem thêm'), h.ctx);
    expect(reply?.procedure?.code).toBe(p.code);
    expect(h.explained[0]?.mode).toBe('full');
  });

  it('asks which procedure when there is none yet, and ignores other text', async () => {
    const h = harness([p]);
    expect((await more.handle(h.turn('xem thêm'), h.ctx))?.text).toMatch(/thủ tục nào/);
    expect(await more.handle(h.turn('xem thêm về kết hôn'), h.ctx)).toBeNull();
  });
});
