/*
 * Contracts between the notice delivery worker (api/) and the channel adapters (bot/), so neither imports
 * the other: the bots report group membership and subscriptions through a {@link GroupRegistryPort},
 * and post notice parts into groups through a {@link GroupSender}.
 */

/** Where a group lives. */
export type GroupPlatform = 'telegram' | 'zalo-oa' | 'zalo-bot';

/** The bot's membership in a chat changed (Telegram my_chat_member, a configured GMF group…). */
export interface GroupMembershipEvent {
  platform: GroupPlatform;
  chatId: string;
  title: string;
  /** `member`: the bot can post; `left`: removed, kicked or the group is gone. */
  status: 'member' | 'left';
}

/** A resident's private chat asking for (or stopping) one village's notices. */
export interface SubscriptionRequest {
  platform: GroupPlatform;
  chatId: string;
  /** Shown to officers in the list of subscribers (the resident's display name, may be empty). */
  displayName: string;
  /**
   * Either the commune and village the resident picked in the subscription dialog (village null: every
   * notice of the commune)…
   */
  communeCode?: string;
  village?: string | null;
  /** …or what they typed after `/nhantin`: "<commune code> <village>", parsed by the registry. */
  place?: string;
}

/** What the registry answers a subscription request with: a Vietnamese reply for the resident. */
export interface SubscriptionAnswer {
  ok: boolean;
  reply: string;
}

/** Implemented by the API over its store; called by the bots. */
export interface GroupRegistryPort {
  membership(event: GroupMembershipEvent): Promise<void>;
  /** A Telegram group became a supergroup: future sends go to `toChatId`. */
  migrated(platform: GroupPlatform, fromChatId: string, toChatId: string): Promise<void>;
  subscribe(request: SubscriptionRequest): Promise<SubscriptionAnswer>;
  unsubscribe(platform: GroupPlatform, chatId: string): Promise<SubscriptionAnswer>;
  /** The villages (thôn/tổ dân phố) officers have named in a commune, for residents to pick from. */
  villages(communeCode: string): Promise<string[]>;
  /**
   * The groups a platform is configured to post into (Zalo OA GMF ids): each is recorded (pending
   * until an officer approves it); configured groups of that platform no longer listed become inactive.
   */
  syncConfigured(
    platform: GroupPlatform,
    groups: ReadonlyArray<{ chatId: string; title: string }>,
  ): Promise<void>;
}

/** One message of a notice, rendered for one platform. */
export interface NoticePart {
  /** Telegram: HTML (parse_mode HTML); Zalo: plain text. */
  text: string;
  /** When set, the part is a photo with `text` as its caption. */
  photoUrl?: string;
}

/** One part to one group. `idempotencyKey` is unique per (notice, group, part). */
export interface GroupSend {
  platform: GroupPlatform;
  /**
   * `group`: a group chat; `subscriber`: one resident's private chat (on Zalo OA these are different
   * endpoints: group message vs consultation message). Absent means `group`.
   */
  target?: 'group' | 'subscriber';
  chatId: string;
  part: NoticePart;
  idempotencyKey: string;
}

/** Implemented by each channel adapter that can post into groups. Throws {@link GroupSendError}. */
export interface GroupSender {
  readonly platform: GroupPlatform;
  /**
   * True when the platform drops a repeated send with the same idempotency key. Telegram and the
   * Zalo platforms cannot, so a crash between "accepted" and "recorded" can double one message.
   */
  readonly deduplicates: boolean;
  send(message: GroupSend, signal?: AbortSignal): Promise<{ messageId: string | null }>;
}

/**
 * Why a send failed, as the delivery worker acts on it:
 * - `rate-limited`: wait `retryAfterMs` before posting to this group again (Telegram 429);
 * - `gone`: the bot was removed or blocked (403): the group becomes inactive;
 * - `migrated`: the group moved to `newChatId` (Telegram supergroup): store it and resend there;
 * - `uncertain`: timeout or network failure after the request may have reached the platform: retry
 *   with backoff, and flag a possible duplicate;
 * - `transient`: a failure before anything reached the platform, or a 5xx: retry with backoff;
 * - `rejected`: the platform refused the message itself (400): retrying cannot help.
 */
export type GroupSendFailure =
  'rate-limited' | 'gone' | 'migrated' | 'uncertain' | 'transient' | 'rejected';

export class GroupSendError extends Error {
  constructor(
    readonly kind: GroupSendFailure,
    message: string,
    readonly details: { retryAfterMs?: number; newChatId?: string } = {},
  ) {
    super(message);
    this.name = 'GroupSendError';
  }
}
