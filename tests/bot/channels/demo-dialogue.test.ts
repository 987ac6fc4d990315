import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../common/logger.js';
import { runTelegramDemo } from '../../support/telegram-demo-dialogue.js';
import { FakeConversation } from './fake-conversation.js';

describe('Telegram demo dialogue', () => {
  it('plays the resident script through the webhook and prints every turn', async () => {
    let transcript = '';
    const calls = await runTelegramDemo({
      conversation: new FakeConversation(),
      logger: silentLogger,
      write: (text) => (transcript += text),
    });
    expect(transcript).toContain(
      '👤 Bạn: /start\n\n🤖 Trợ lý:\n   Xin chào! Tôi là Trợ lý Một cửa.',
    );
    expect(transcript).toContain(
      '👤 Bạn: làm giấy khai sinh cho con\n\n🤖 Trợ lý:\n   Bạn muốn hỏi thủ tục nào dưới đây?\n   [ Đăng ký khai sinh ]',
    );
    expect(transcript).toContain(
      '👆 Bạn bấm: Đăng ký khai sinh\n\n🤖 Trợ lý:\n   Đăng ký khai sinh: nộp tờ khai',
    );
    expect(transcript).toContain(
      '👤 Bạn: giá vàng hôm nay\n\n🤖 Trợ lý:\n   Bạn hỏi: giá vàng hôm nay',
    );
    expect(transcript).toMatch(
      /👤 Bạn: \/hoso ABC23DEF 1234\n\n🤖 Trợ lý:\n {3}Hiện trợ lý chưa tra cứu được/,
    );
    expect(calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
  });
});
