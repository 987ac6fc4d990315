import type { Logger } from '../../../common/logger.js';
import type { GroupRegistryPort } from '../../../common/notice-contracts.js';
import { PendingChoices } from '../shared/pending-choices.js';
import { renderPlain } from '../shared/render-plain.js';
import type { Responder } from '../shared/responder.js';
import { SubscriptionDialog } from '../shared/subscription-dialog.js';
import { TEXTS } from '../shared/texts.js';
import type { OaClient } from './oa-client.js';
import type { OaEvent } from './parse-event.js';

/**
 * Handles one verified OA event: text → the core → a consultation message back; other things a
 * resident sends → "text only"; a new follower → welcome. The OA's own echoes (`oa_send_*`) and group
 * events (GMF is not in use) are ignored. Never throws.
 */
export function createOaEventHandler(deps: {
  client: OaClient;
  respond: Responder;
  logger: Logger;
  /** The notice registry, for village subscriptions (/dangky … /huy) in the OA chat. */
  registry?: GroupRegistryPort;
}): (event: OaEvent) => Promise<void> {
  const pending = new PendingChoices();
  const subscriptions = deps.registry ? new SubscriptionDialog(deps.registry) : undefined;

  async function handle(event: OaEvent): Promise<void> {
    const { eventName, userId } = event;
    if (!userId || eventName.startsWith('oa_send') || eventName.includes('_group_')) return;
    if (eventName === 'follow') {
      await deps.client.sendText(userId, TEXTS.welcome);
      return;
    }
    if (eventName !== 'user_send_text') {
      if (eventName.startsWith('user_send_')) await deps.client.sendText(userId, TEXTS.textOnly);
      return;
    }
    const text = event.text?.trim();
    if (!text) return;
    const answer = await subscriptions?.handle({
      platform: 'zalo-oa',
      chatId: userId,
      displayName: '',
      text,
    });
    if (answer) {
      await deps.client.sendText(userId, answer.text);
      return;
    }
    const picked = pending.resolve(userId, text);
    const reply = await deps.respond({
      channel: 'zalo-oa',
      userId,
      senderKey: userId,
      text: picked ? picked.label : text,
      ...(picked ? { action: picked.action } : {}),
    });
    if (!reply) return;
    pending.remember(userId, reply);
    await deps.client.sendText(userId, renderPlain(reply));
  }

  return async (event) => {
    try {
      await handle(event);
    } catch (error) {
      deps.logger.error('zalo-oa: event failed', { event: event.eventName, error });
    }
  };
}
