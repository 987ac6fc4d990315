import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { ChatReply } from '../../../common/chat.js';
import { escapeAttribute, escapeHtml } from '../shared/escape-html.js';
import { missingSources } from '../shared/render-plain.js';
import { splitText } from '../shared/split-text.js';
import { TEXTS } from '../shared/texts.js';
import type { CallbackCodec } from './callback-data.js';

/** Telegram's limit on a message's text. */
export const TELEGRAM_MAX_TEXT = 4096;
const MAX_BUTTON_LABEL = 60;

/** One Telegram message ready to send in HTML parse mode. */
export interface TelegramMessage {
  html: string;
  keyboard?: InlineKeyboardMarkup;
}

/** Button text, cut at the last whole word that fits (never in the middle of a word). */
function label(text: string): string {
  if (text.length <= MAX_BUTTON_LABEL) return text;
  const head = text.slice(0, MAX_BUTTON_LABEL - 1);
  const space = head.lastIndexOf(' ');
  const whole =
    /\s/.test(text.charAt(MAX_BUTTON_LABEL - 1)) || space < 20 ? head : head.slice(0, space);
  return `${whole.replace(/[\s,;:(–-]+$/u, '')}…`;
}

function keyboardFor(reply: ChatReply, codec: CallbackCodec): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = reply.choices.map((choice) => [
    { text: label(choice.label), callback_data: codec.encode({ type: 'pick', code: choice.code }) },
  ]);
  if (reply.form?.url) rows.push([{ text: TEXTS.applyButton, url: reply.form.url }]);
  if (reply.hasMore && reply.procedure) {
    const data = codec.encode({ type: 'more', code: reply.procedure.code });
    rows.push([{ text: TEXTS.moreButton, callback_data: data }]);
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** Splits plain text and escapes each part, measuring length after escaping. */
export function toHtmlChunks(text: string): string[] {
  return splitText(text, TELEGRAM_MAX_TEXT, (s) => escapeHtml(s).length).map(escapeHtml);
}

/**
 * Renders a reply as Telegram messages: escaped HTML, split under 4,096 characters at natural breaks,
 * with choice, "Nộp hồ sơ" (a link to the mini-app's form) and "Xem thêm" buttons on the last message.
 */
export function renderTelegram(reply: ChatReply, codec: CallbackCodec): TelegramMessage[] {
  const chunks = toHtmlChunks(reply.text);
  const sources = missingSources(reply).map(
    (s) => `${TEXTS.sourcePrefix} <a href="${escapeAttribute(s.url)}">${escapeHtml(s.url)}</a>`,
  );
  if (sources.length > 0) {
    const tail = sources.join('\n');
    const last = chunks[chunks.length - 1];
    if (last !== undefined && last.length + tail.length + 2 <= TELEGRAM_MAX_TEXT) {
      chunks[chunks.length - 1] = `${last}\n\n${tail}`;
    } else chunks.push(tail);
  }
  if (chunks.length === 0) chunks.push('…');
  const keyboard = keyboardFor(reply, codec);
  return chunks.map((html, i) =>
    i === chunks.length - 1 && keyboard ? { html, keyboard } : { html },
  );
}
