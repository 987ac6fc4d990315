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
  /**
   * Who asks, for limits (e.g. "ip:203.0.113.7" for the web chat, "telegram:42"); defaults to
   * `channel:userId`. The web chat's userId is chosen by the client, so it passes its IP here.
   */
  clientKey?: string;
}

/** The platform-free conversation core every channel talks to. */
export interface Conversation {
  handle(message: IncomingMessage): Promise<ChatReply>;
}
