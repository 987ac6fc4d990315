import { describe, expect, it } from 'vitest';
import { followUp } from '../../../conversation/intents/follow-up.js';
import { harness, procedure } from '../support.js';

describe('intent: follow-up', () => {
  const p = procedure('1.000894', 'Thủ tục đăng ký kết hôn');

  it('a question with no topic of its own is about the current procedure', async () => {
    const h = harness([p]);
    h.session().currentCode = p.code;
    const reply = await followUp.handle(h.turn('còn lệ phí thì sao?'), h.ctx);
    expect(reply?.procedure?.code).toBe(p.code);
    expect(h.explained[0]?.question).toBe('còn lệ phí thì sao?');
  });

  it('a new topic, or no current procedure, is not a follow-up', async () => {
    const h = harness([p]);
    expect(await followUp.handle(h.turn('lệ phí bao nhiêu'), h.ctx)).toBeNull();
    h.session().currentCode = p.code;
    expect(await followUp.handle(h.turn('lệ phí làm căn cước'), h.ctx)).toBeNull();
  });
});
