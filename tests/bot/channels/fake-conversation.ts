import type { ChatReply } from '../../../common/chat.js';
import type { Conversation, IncomingMessage } from '../../../conversation/types.js';

/*
 * A small deterministic stand-in for the conversation core, for adapter tests: it returns choices,
 * long texts and text full of HTML-special characters so rendering can be asserted exactly. It records
 * what each channel passed in.
 */

const reply = (partial: Partial<ChatReply>): ChatReply => ({
  answered: false,
  text: '',
  procedure: null,
  choices: [],
  sources: [],
  hasMore: false,
  ...partial,
});

export const BIRTH_CHOICES = [
  { code: '1.001193.000.00.00.H56', label: 'Đăng ký khai sinh' },
  { code: '1.004884.000.00.00.H56', label: 'Đăng ký khai sinh có yếu tố nước ngoài' },
];

/** Paragraphs of ~700 characters, ~9,000 characters in all. */
export const LONG_TEXT = Array.from(
  { length: 13 },
  (_, i) => `Đoạn ${i + 1}. ` + 'Hồ sơ gồm tờ khai & giấy chứng sinh. '.repeat(18).trim(),
).join('\n\n');

export class FakeConversation implements Conversation {
  readonly received: IncomingMessage[] = [];

  async handle(message: IncomingMessage): Promise<ChatReply> {
    this.received.push(message);
    const text = message.text.toLowerCase();
    if (message.action?.type === 'pick') {
      const choice = BIRTH_CHOICES.find((c) => c.code === message.action?.code);
      return reply({
        answered: true,
        text: `${choice?.label ?? message.action.code}: nộp tờ khai và giấy chứng sinh tại UBND xã.`,
        procedure: { code: message.action.code, name: choice?.label ?? '' },
        sources: [
          { code: message.action.code, url: `https://dichvucong.gov.vn/p/${message.action.code}` },
        ],
        hasMore: true,
      });
    }
    if (message.action?.type === 'more') {
      return reply({
        answered: true,
        text: LONG_TEXT,
        procedure: { code: message.action.code, name: 'x' },
      });
    }
    if (text.includes('nộp hồ sơ')) {
      return reply({
        answered: true,
        text: 'Đăng ký khai sinh: nộp tờ khai và giấy chứng sinh tại UBND xã.',
        procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
        form: { code: '1.001193', title: 'Đăng ký khai sinh' },
        hasMore: true,
      });
    }
    if (text.includes('khai sinh')) {
      return reply({ text: 'Bạn muốn hỏi thủ tục nào dưới đây?', choices: BIRTH_CHOICES });
    }
    if (text.includes('dài')) return reply({ answered: true, text: LONG_TEXT });
    if (text.includes('ký tự')) {
      return reply({
        answered: true,
        text: 'Lệ phí <10.000đ> & "miễn" cho hộ nghèo; <script>x</script>',
      });
    }
    if (text.includes('lỗi')) throw new Error('core exploded');
    return reply({ text: `Bạn hỏi: ${message.text}` });
  }
}
