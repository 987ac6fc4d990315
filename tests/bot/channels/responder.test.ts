import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../common/logger.js';
import { createResponder, type ResidentInput } from '../../../bot/channels/shared/responder.js';
import { FakeConversation } from './fake-conversation.js';

const input = (text: string): ResidentInput => ({
  channel: 'zalo',
  userId: 'u',
  senderKey: 'u',
  text,
});

function responder(statusLookup?: Parameters<typeof createResponder>[0]['statusLookup']) {
  const conversation = new FakeConversation();
  const logs: string[] = [];
  const respond = createResponder({
    conversation,
    logger: createLogger({ write: (line) => logs.push(line) }),
    rateLimit: { burst: 100, perMinute: 100 },
    ...(statusLookup ? { statusLookup } : {}),
  });
  return { respond, conversation, logs };
}

describe('shared responder (commands and fallbacks common to every channel)', () => {
  it('passes /thutuc questions to the core and explains the command when empty', async () => {
    const { respond, conversation } = responder();
    expect((await respond(input('/thutuc  làm hộ chiếu ')))?.text).toBe('Bạn hỏi: làm hộ chiếu');
    expect(conversation.received[0]!.text).toBe('làm hộ chiếu');
    expect((await respond(input('/thutuc')))?.text).toMatch(/^Bạn gõ câu hỏi ngay sau lệnh/);
    expect((await respond(input('/xyz')))?.text).toMatch(/^Tôi chưa hiểu lệnh này/);
  });

  it('apologises politely when the core fails, and logs why', async () => {
    const { respond, logs } = responder();
    expect((await respond(input('lỗi')))?.text).toMatch(/^Xin lỗi bạn, tôi đang gặp trục trặc/);
    expect(logs.join('\n')).toMatch(/conversation failed.*core exploded/);
  });

  it('guards /hoso: usage on bad input, busy on lookup failure, a pause after many guesses', async () => {
    let calls = 0;
    const { respond } = responder(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      return null;
    });
    expect((await respond(input('/hoso ABC23DEF')))?.text).toMatch(/^Để xem tình trạng hồ sơ/);
    expect((await respond(input('/hoso ABC23DEF 12345')))?.text).toMatch(
      /^Để xem tình trạng hồ sơ/,
    );
    expect((await respond(input('/hoso ABC23DEF 0000')))?.text).toMatch(/đang bận/);
    const answers = [];
    for (const last4 of ['0001', '0002', '0003', '0004', '0005']) {
      answers.push((await respond(input(`/hoso ABC23DEF ${last4}`)))?.text);
    }
    expect(answers.slice(0, 4).every((a) => a?.startsWith('Không tìm thấy hồ sơ'))).toBe(true);
    expect(answers[4]).toMatch(/tra cứu nhiều lần/);
    expect(calls).toBe(5);
  });
});
