import type { ChatAction, ChatReply } from '../common/chat.js';

/** Where a message came from. Sessions are kept per (channel, userId). */
export type ChannelName = 'web' | 'cli' | 'telegram' | 'zalo' | 'zalo-oa';

/** A channel-neutral incoming message. */
export interface IncomingMessage {
  channel: ChannelName;
  /** Stable id of the person on that channel (chat id for Telegram groups is the chat, not the user). */
  userId: string;
  text: string;
  /** Set when the person pressed a button / picked a numbered option instead of typing. */
  action?: ChatAction;
}

/** The platform-free conversation core every channel talks to. */
export interface Conversation {
  handle(message: IncomingMessage): Promise<ChatReply>;
}
