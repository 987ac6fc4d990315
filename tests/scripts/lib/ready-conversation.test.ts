import { describe, expect, it } from 'vitest';
import type { ChatReply } from '../../../common/chat.js';
import type { Conversation } from '../../../conversation/types.js';
import { conversationWhenReady } from '../../../scripts/lib/ready-conversation.js';

const message = { channel: 'web', userId: 'u1', text: 'lệ phí đăng ký kết hôn' } as const;
const answer: ChatReply = {
  answered: true,
  text: 'Thủ tục đăng ký kết hôn',
  procedure: { code: '1.000894', name: 'Đăng ký kết hôn' },
  choices: [],
  sources: [],
  hasMore: false,
};
const real: Conversation = { handle: async () => answer };

describe('conversationWhenReady', () => {
  it('says politely in Vietnamese that it is getting ready while the index is not there', async () => {
    const conversation = conversationWhenReady(new Promise<Conversation>(() => undefined), 20);
    const reply = await conversation.handle(message);
    expect(reply.answered).toBe(false);
    expect(reply.text).toMatch(/đang chuẩn bị/);
    expect(reply.text).toMatch(/vui lòng gửi lại/);
    expect(reply.procedure).toBeNull();
  });

  it('answers through the real conversation once it is ready', async () => {
    let resolve: (c: Conversation) => void = () => undefined;
    const conversation = conversationWhenReady(new Promise<Conversation>((r) => (resolve = r)), 20);
    expect((await conversation.handle(message)).answered).toBe(false);
    resolve(real);
    await new Promise((r) => setImmediate(r));
    expect(await conversation.handle(message)).toEqual(answer);
  });

  it('lets a question that arrives just before the assistant is ready wait for the real answer', async () => {
    let resolve: (c: Conversation) => void = () => undefined;
    const conversation = conversationWhenReady(
      new Promise<Conversation>((r) => (resolve = r)),
      2000,
    );
    const pending = conversation.handle(message);
    setTimeout(() => resolve(real), 50);
    expect(await pending).toEqual(answer);
  });

  it('does not wait out the grace period when the assistant failed to start', async () => {
    const conversation = conversationWhenReady(Promise.reject(new Error('no index')), 60_000);
    const started = Date.now();
    expect((await conversation.handle(message)).answered).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
