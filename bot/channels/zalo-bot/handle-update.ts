import type { Logger } from '../../../common/logger.js';
import type { ReplayGuard } from '../../../common/dossier-contracts.js';
import type { GroupRegistryPort } from '../../../common/notice-contracts.js';
import { BoundedSet } from '../shared/bounded-set.js';
import { memoryReplayGuard } from '../shared/memory-replay-guard.js';
import { PendingChoices } from '../shared/pending-choices.js';
import { renderPlain } from '../shared/render-plain.js';
import { SubscriptionDialog } from '../shared/subscription-dialog.js';
import type { Responder } from '../shared/responder.js';
import { TEXTS } from '../shared/texts.js';
import type { ZaloBotClient } from './client.js';
import { parseZaloUpdate, unwrapUpdates } from './parse-update.js';

/** Dependencies of {@link createZaloUpdateHandler}. */
export interface ZaloHandlerDeps {
  client: ZaloBotClient;
  respond: Responder;
  logger: Logger;
  /** Answer in group chats (Zalo group bots are still in internal testing). */
  groups: boolean;
  /** The bot's own id, to drop echoes of its own sends. */
  botId: string | undefined;
  /** Seen message ids; database-backed under `npm start` so replays after a restart are caught. */
  replay?: ReplayGuard;
  /** The notice registry: group chats the bot is used in (with `groups` on), village subscriptions. */
  registry?: GroupRegistryPort;
}

/**
 * Handles Zalo Bot updates (from polling or the webhook): drops duplicates, echoes and unwanted group
 * messages, reads a numbered answer as the pick it stands for, asks the core and sends the reply.
 * Never throws: a bad update or a failed send is logged.
 */
export function createZaloUpdateHandler(deps: ZaloHandlerDeps): (raw: unknown) => Promise<void> {
  const replay = deps.replay ?? memoryReplayGuard();
  const pending = new PendingChoices();
  const subscriptions = deps.registry ? new SubscriptionDialog(deps.registry) : undefined;
  /** Group chats already reported to the registry by this process. */
  const knownGroups = new BoundedSet(10_000);

  async function handleOne(raw: unknown): Promise<void> {
    const update = parseZaloUpdate(raw);
    if (!update) {
      deps.logger.warn('zalo: update without a chat ignored');
      return;
    }
    if (update.fromIsBot || (deps.botId !== undefined && update.fromId === deps.botId)) return;
    if (
      update.messageId &&
      !(await replay.firstSeen(`zalo:${update.eventName}:${update.messageId}`, 86_400_000))
    )
      return;
    const isGroup = update.chatType !== 'PRIVATE' && update.chatType !== 'USER';
    if (isGroup && !deps.groups) return;
    // Zalo sends a group's events only once someone mentions or replies to the bot there: the
    // first one records the group (pending until an officer approves it into a village).
    if (isGroup && deps.registry && knownGroups.add(update.chatId)) {
      await deps.registry.membership({
        platform: 'zalo-bot',
        chatId: update.chatId,
        title: update.chatTitle ?? `Nhóm Zalo ${update.chatId.slice(-6)}`,
        status: 'member',
      });
    }
    if (update.kind !== 'text' || update.text === undefined || !update.text.trim()) {
      if (!isGroup && update.kind !== 'other')
        await deps.client.sendMessage(update.chatId, TEXTS.textOnly);
      return;
    }
    if (!isGroup && subscriptions) {
      const answer = await subscriptions.handle({
        platform: 'zalo-bot',
        chatId: update.chatId,
        displayName: update.fromName ?? '',
        text: update.text,
      });
      if (answer) {
        await deps.client.sendMessage(update.chatId, answer.text);
        return;
      }
    }
    const userId = isGroup ? update.chatId : update.fromId;
    const picked = pending.resolve(userId, update.text);
    deps.client.sendChatAction(update.chatId).catch(() => undefined);
    const reply = await deps.respond({
      channel: 'zalo',
      userId,
      senderKey: update.fromId,
      text: picked ? picked.label : update.text,
      ...(picked ? { action: picked.action } : {}),
    });
    if (!reply) return;
    pending.remember(userId, reply);
    await deps.client.sendMessage(update.chatId, renderPlain(reply));
  }

  return async function handle(raw) {
    for (const one of unwrapUpdates(raw)) {
      try {
        await handleOne(one);
      } catch (error) {
        deps.logger.error('zalo: update failed', { error });
      }
    }
  };
}
