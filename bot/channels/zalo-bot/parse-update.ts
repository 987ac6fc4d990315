import { z } from 'zod';

/*
 * Zalo Bot updates arrive flat (`{event_name, message}`, webhook) or wrapped (`{ok, result}`, polling),
 * and field paths have moved over time (platforms.md §1.3). Every field is optional and a field of
 * the wrong type is dropped rather than failing the whole update; ids become strings.
 */

const id = z.union([z.string(), z.number()]).transform(String);
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const Party = z.looseObject({
  id: opt(id),
  chat_type: opt(z.string()),
  type: opt(z.string()),
  is_bot: opt(z.boolean()),
  // Names: the docs' sample says first_name, OpenClaw display_name/name; a group's title is
  // undocumented (platforms.md §1.4), so every spelling is probed.
  display_name: opt(z.string()),
  first_name: opt(z.string()),
  name: opt(z.string()),
  title: opt(z.string()),
});
const Message = z.looseObject({
  message_id: opt(id),
  date: opt(z.number()),
  chat: opt(Party),
  from: opt(Party),
  text: opt(z.string()),
  photo_url: opt(z.string()),
  photo: opt(z.unknown()),
  sticker: opt(z.unknown()),
  attachments: opt(z.array(z.unknown())),
});
const Update = z.looseObject({
  event_name: opt(z.string()),
  message: opt(Message),
  chat: opt(Party),
  from: opt(Party),
});

/** What kind of message came in. */
export type ZaloMessageKind = 'text' | 'image' | 'sticker' | 'other';

/** A Zalo Bot update reduced to what the adapter needs. */
export interface ZaloIncoming {
  eventName: string;
  messageId: string | undefined;
  chatId: string;
  /** Upper-cased `chat_type` ("PRIVATE" when absent). */
  chatType: string;
  fromId: string;
  fromIsBot: boolean;
  /** The sender's display name, when Zalo gives one. */
  fromName: string | undefined;
  /** A group chat's name, when Zalo gives one (undocumented). */
  chatTitle: string | undefined;
  kind: ZaloMessageKind;
  text: string | undefined;
}

function kindOf(eventName: string | undefined, message: z.infer<typeof Message>): ZaloMessageKind {
  if (eventName?.includes('text') || (!eventName && message.text !== undefined)) return 'text';
  if (eventName?.includes('image') || message.photo_url || message.photo) return 'image';
  if (eventName?.includes('sticker') || message.sticker) return 'sticker';
  return message.text !== undefined && !eventName ? 'text' : 'other';
}

/** Unwraps `{ok, result}` and accepts one update or an array of them. */
export function unwrapUpdates(raw: unknown): unknown[] {
  let value = raw;
  if (value && typeof value === 'object' && 'ok' in value && 'result' in value) {
    value = (value as { result: unknown }).result;
  }
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** Reads one update; undefined when it names no chat to answer (nothing we can act on). */
export function parseZaloUpdate(raw: unknown): ZaloIncoming | undefined {
  const parsed = Update.safeParse(raw);
  if (!parsed.success) return undefined;
  const update = parsed.data;
  const message = update.message ?? {};
  const chat = message.chat ?? update.chat;
  const from = message.from ?? update.from;
  const chatId = chat?.id ?? from?.id;
  if (!chatId) return undefined;
  const kind = kindOf(update.event_name, message);
  return {
    eventName: update.event_name ?? (kind === 'text' ? 'message.text.received' : 'unknown'),
    messageId: message.message_id,
    chatId,
    chatType: (chat?.chat_type ?? chat?.type ?? 'PRIVATE').toUpperCase(),
    fromId: from?.id ?? chatId,
    fromIsBot: from?.is_bot === true,
    fromName: from?.display_name ?? from?.name ?? from?.first_name,
    chatTitle: chat?.title ?? chat?.name,
    kind,
    text: message.text,
  };
}
