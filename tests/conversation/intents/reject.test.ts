import { describe, expect, it } from 'vitest';
import { reject } from '../../../conversation/intents/reject.js';
import { harness, procedure } from '../support.js';

describe('intent: reject', () => {
  const a = procedure('1.000001', 'Thủ tục đăng ký kết hôn');
  const b = procedure('1.000002', 'Thủ tục ghi chú kết hôn');

  it('"không phải" offers the runners-up and drops the current procedure', async () => {
    const h = harness([a, b]);
    h.session().currentCode = a.code;
    h.session().alternatives = [b.code];
    const reply = await reject.handle(h.turn('không phải'), h.ctx);
    expect(reply?.choices.map((c) => c.code)).toEqual([b.code]);
    expect(h.session().currentCode).toBeNull();
  });

  it('without runners-up it asks the resident to say it again', async () => {
    const h = harness([a]);
    expect((await reject.handle(h.turn('sai rồi'), h.ctx))?.choices).toEqual([]);
    expect(await reject.handle(h.turn('không phải kết hôn mà là khai sinh'), h.ctx)).toBeNull();
  });
});
