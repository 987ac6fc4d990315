import { describe, expect, it } from 'vitest';
import { unreadable } from '../../../conversation/intents/unreadable.js';
import { harness } from '../support.js';

describe('intent: unreadable', () => {
  const h = harness([]);
  it('asks for a question when the message is empty or has no letters', async () => {
    expect((await unreadable.handle(h.turn('   '), h.ctx))?.text).toMatch(/gõ câu hỏi/);
    expect((await unreadable.handle(h.turn('\u0001\u0002 ??? !!!'), h.ctx))?.text).toMatch(
      /chưa đọc được/,
    );
  });
  it('lets a real question through', async () => {
    expect(await unreadable.handle(h.turn('lam giay khai sinh'), h.ctx)).toBeNull();
  });
});
