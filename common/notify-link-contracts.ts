/*
 * Contract between the dossier API and the chat bots for proving that a chat belongs to a resident,
 * so that neither imports the other. A resident asks the API (signed in) for a one-time link code,
 * then sends it from the chat (Telegram deep link `/start <code>`, or `/lienket <code>` typed in any
 * bot); the bot hands the code and the chat it came from to the {@link ChatLinkPort}, which binds that
 * chat to the resident. Notifications then go only to chats proved this way, never to a typed id.
 */

/** Chats a resident can link for dossier notifications (the {@link NotifyChannel}s other than `app`). */
export type LinkableChannel = 'telegram' | 'zalo' | 'zalo-oa';

/** A link code sent from a chat. */
export interface ChatLinkRequest {
  channel: LinkableChannel;
  /** The chat the code came from (Telegram chat id, Zalo Bot chat id, OA-scoped user id). */
  chatId: string;
  /** Who sent it (the person, even in a group): failed codes are counted per sender. */
  senderKey: string;
  /** What the resident typed or the deep link carried. */
  code: string;
}

/** The Vietnamese reply for the chat. */
export interface ChatLinkAnswer {
  ok: boolean;
  reply: string;
}

/** Implemented by the API over its store; called by the bots. */
export interface ChatLinkPort {
  link(request: ChatLinkRequest): Promise<ChatLinkAnswer>;
}
