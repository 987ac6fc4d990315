/**
 * @module
 * The signed-in resident's notification chats (mounted under /api), used by the mini-app's
 * "Nhận thông báo" choice:
 * - `GET /me/notify-channels` — which chat channels this server can notify on, and which the resident
 *   has linked;
 * - `POST /me/notify-links` — a one-time link code for a channel, with the Telegram deep link
 *   (`https://t.me/<bot>?start=<code>`) or the `/lienket <code>` message to send to the bot;
 * - `DELETE /me/notify-channels/:channel` — stop notices on that chat.
 */
import express, { Router } from 'express';
import { LinkableChannelSchema, NotifyLinkRequestSchema } from '../../common/dossier-schema.js';
import type { LinkableChannel } from '../../common/notify-link-contracts.js';
import type { ResidentActor } from '../dossiers/context.js';
import { HttpError, notFound } from '../errors.js';
import type { Counters } from '../guard/counters.js';
import { actorOf, requireActor, type AuthOptions } from '../middleware/auth.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { parseOr400 } from '../middleware/validate.js';
import { CHANNEL_LABELS, issueLinkCode, LINK_CODE_TTL_MS } from '../notifications/notify-links.js';
import type { Queryable } from '../store/database.js';
import { deleteResidentChannel, listResidentChannels } from '../store/notify-link-repository.js';

/** Which chat channels run on this server (a bot is configured for them). */
export interface NotifyChannelsAvailable {
  channels: readonly LinkableChannel[];
  /** The Telegram bot's username (from getMe), for the deep link. */
  telegramBotUsername?: string;
}

const LINKABLE = LinkableChannelSchema.options;

export function createNotifyLinksRouter(deps: {
  db: Queryable;
  auth: AuthOptions;
  counters: Counters;
  now: () => Date;
  available: NotifyChannelsAvailable;
}): Router {
  const router = Router();
  const residentOnly = requireActor(deps.auth, ['resident']);
  const residentOf = (res: express.Response) => (actorOf(res) as ResidentActor).residentId;

  router.get('/me/notify-channels', residentOnly, async (_req, res) => {
    const linked = new Map(
      (await listResidentChannels(deps.db, residentOf(res))).map((r) => [r.channel, r]),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: LINKABLE.filter((c) => deps.available.channels.includes(c) || linked.has(c)).map(
        (channel) => ({
          channel,
          label: CHANNEL_LABELS[channel],
          available: deps.available.channels.includes(channel),
          linked: linked.has(channel),
          linkedAt: linked.get(channel)?.linked_at
            ? new Date(linked.get(channel)!.linked_at).toISOString()
            : null,
        }),
      ),
    });
  });

  router.post(
    '/me/notify-links',
    residentOnly,
    // Per resident: a code is needed once per channel; a few more for a lost or expired one.
    rateLimit({
      counters: deps.counters,
      name: 'notify-link',
      limit: 10,
      windowMs: 15 * 60_000,
      key: (r) => residentOf(r.res!),
      message: 'Bạn đã lấy mã liên kết nhiều lần. Vui lòng thử lại sau {seconds} giây.',
    }),
    express.json({ limit: '1kb' }),
    async (req, res) => {
      const { channel } = parseOr400(NotifyLinkRequestSchema, req.body);
      if (!deps.available.channels.includes(channel)) {
        throw new HttpError(
          400,
          'CHANNEL_UNAVAILABLE',
          `Máy chủ này chưa bật ${CHANNEL_LABELS[channel]}. Bạn có thể theo dõi hồ sơ ngay trong ứng dụng.`,
          { fields: { channel: `Chưa bật ${CHANNEL_LABELS[channel]}.` } },
        );
      }
      const { code, expiresAt } = await issueLinkCode(
        deps.db,
        residentOf(res),
        channel,
        deps.now(),
      );
      const minutes = LINK_CODE_TTL_MS / 60_000;
      const bot = deps.available.telegramBotUsername;
      const url =
        channel === 'telegram' && bot
          ? `https://t.me/${encodeURIComponent(bot)}?start=${code}`
          : null;
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json({
        channel,
        code,
        expiresAt: expiresAt.toISOString(),
        url,
        command: `/lienket ${code}`,
        instructions: url
          ? `Bấm "Mở Telegram" rồi bấm "Bắt đầu" (Start) trong cuộc trò chuyện với bot. Mã dùng được một lần, trong ${minutes} phút.`
          : `Mở cuộc trò chuyện với ${CHANNEL_LABELS[channel]} và gửi tin nhắn: /lienket ${code} (mã dùng được một lần, trong ${minutes} phút).`,
      });
    },
  );

  router.delete('/me/notify-channels/:channel', residentOnly, async (req, res) => {
    const parsed = LinkableChannelSchema.safeParse(req.params.channel);
    if (!parsed.success) throw notFound('Không có kênh nhận thông báo này.');
    const removed = await deleteResidentChannel(deps.db, residentOf(res), parsed.data);
    if (!removed) throw notFound('Bạn chưa liên kết kênh này.');
    res.status(204).end();
  });

  return router;
}
