import type { Message, UserFromGetMe } from 'telegraf/types';
import { parseCommand } from '../shared/commands.js';

type TextMessage = Message.TextMessage;

/**
 * In a group the bot answers only when it is clearly spoken to: a command (for us, or for no bot in
 * particular), an @mention, or a reply to one of its messages. Returns the text to answer with the
 * mention removed, or undefined to stay quiet.
 */
export function addressedText(message: TextMessage, me: UserFromGetMe): string | undefined {
  const text = message.text;
  if (message.chat.type === 'private') return text;
  const command = parseCommand(text);
  if (command) {
    return !command.target || command.target.toLowerCase() === me.username.toLowerCase()
      ? text
      : undefined;
  }
  const mention = `@${me.username}`;
  const mentioned = (message.entities ?? []).some(
    (e) =>
      e.type === 'mention' &&
      text.slice(e.offset, e.offset + e.length).toLowerCase() === mention.toLowerCase(),
  );
  if (mentioned) {
    return text
      .replace(new RegExp(mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ' ')
      .trim();
  }
  const repliedTo = message.reply_to_message?.from;
  if (repliedTo && repliedTo.id === me.id) return text;
  return undefined;
}
