import type { ChatReply } from '../../../common/chat.js';
import { TEXTS } from './texts.js';

/** Source lines for sources whose link the reply text does not already show. */
export function missingSources(reply: ChatReply): ChatReply['sources'] {
  return reply.sources.filter((s) => !reply.text.includes(s.url));
}

/**
 * Renders a reply as plain text for channels without buttons or markup (Zalo): numbered choices, the
 * "Nộp hồ sơ trực tuyến" link of a procedure with an online form, and a "xem thêm" hint that {@link PendingChoices} understands on the way back.
 */
export function renderPlain(reply: ChatReply): string {
  const parts = [reply.text.trim()];
  for (const source of missingSources(reply)) parts.push(`${TEXTS.sourcePrefix} ${source.url}`);
  if (reply.choices.length > 0) {
    // The conversation core numbers its labels itself ("1. Đăng ký khai sinh"): never twice.
    const lines = reply.choices.map((c, i) =>
      c.label.startsWith(`${i + 1}. `) ? c.label : `${i + 1}. ${c.label}`,
    );
    parts.push([TEXTS.pickByNumber, ...lines].join('\n'));
  }
  if (reply.form?.url) parts.push(`${TEXTS.applyLine} ${reply.form.url}`);
  if (reply.hasMore && reply.procedure) parts.push(TEXTS.moreHint);
  return parts.filter(Boolean).join('\n\n');
}
