import {
  GroupSendError,
  type GroupSend,
  type GroupSender,
} from '../../../common/notice-contracts.js';
import { PlatformHttpError } from '../shared/errors.js';
import { networkFailure } from '../shared/network-failure.js';
import type { OaClient, OaAnswer } from './oa-client.js';

/** Zalo app throttling codes (platforms.md §2.4): wait before posting again. */
const THROTTLED = new Set([2000, 2001, 2002, 2003, 2004]);
/** How long to hold a throttled OA by default: Zalo gives no retry_after. */
const THROTTLE_WAIT_MS = 60_000;

/**
 * Posts notice parts for the delivery worker through a Zalo Official Account: into GMF groups
 * (`POST /v3.0/oa/group/message`, recipient `group_id`; needs a verified OA on a paid package with the
 * group-message permission — platforms.md §2.6, every GMF detail there marked UNSURE) and to
 * residents subscribed in the OA chat (consultation message, recipient `user_id`, only within Zalo's
 * interaction window).
 *
 * Zalo's GMF error codes are not documented in our sources, so a refused group message is checked
 * against `getgroup`: a group that is gone or not `enabled` (Zalo's word for "accepts OA messages")
 * becomes inactive; otherwise the message itself was refused. The OA API has no idempotency key:
 * `deduplicates` is false.
 */
export class OaGroupSender implements GroupSender {
  readonly platform = 'zalo-oa' as const;
  readonly deduplicates = false;

  constructor(
    private readonly client: OaClient,
    private readonly throttleWaitMs = THROTTLE_WAIT_MS,
  ) {}

  async send(message: GroupSend, signal?: AbortSignal): Promise<{ messageId: string | null }> {
    const toGroup = message.target !== 'subscriber';
    const path = toGroup ? '/v3.0/oa/group/message' : '/v3.0/oa/message/cs';
    const recipient = toGroup ? { group_id: message.chatId } : { user_id: message.chatId };
    let answer: OaAnswer;
    try {
      answer = await this.client.call(
        'POST',
        path,
        { recipient, message: { text: message.part.text } },
        { signal },
      );
    } catch (error) {
      if (error instanceof PlatformHttpError && error.status !== undefined) {
        // Zalo answered 5xx: it may or may not have posted.
        throw new GroupSendError('uncertain', error.message);
      }
      throw networkFailure(error instanceof PlatformHttpError ? error.cause : error, String(error));
    }
    if (answer.error === 0) {
      const id = answer.data?.message_id;
      return { messageId: id === undefined ? null : String(id) };
    }
    const description = `${answer.error} ${answer.message ?? ''}`.trim();
    if (THROTTLED.has(answer.error)) {
      throw new GroupSendError('rate-limited', description, { retryAfterMs: this.throttleWaitMs });
    }
    if (!toGroup) {
      // Outside Zalo's interaction window (or not following the OA) this one fails; the
      // subscription stays, since the next message from the resident opens the window again.
      throw new GroupSendError('rejected', description);
    }
    throw new GroupSendError(
      (await this.groupAcceptsMessages(message.chatId)) ? 'rejected' : 'gone',
      description,
    );
  }

  /**
   * True when Zalo says the group exists and is `enabled`; true as well when it cannot say (then the
   * message counts as refused and the group stays). Its own timeout: the send's may be spent.
   */
  private async groupAcceptsMessages(groupId: string): Promise<boolean> {
    try {
      const answer = await this.client.call('GET', '/v3.0/oa/group/getgroup', {
        group_id: groupId,
      });
      if (answer.error !== 0) return false;
      return answer.data?.status === undefined || answer.data.status === 'enabled';
    } catch {
      return true;
    }
  }
}
