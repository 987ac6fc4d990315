import { Router } from 'express';
import type { Logger } from '../../../common/logger.js';
import type { ReplayGuard } from '../../../common/dossier-contracts.js';
import { memoryReplayGuard } from '../shared/memory-replay-guard.js';
import { BodyTooLargeError, parseJson, readRawBody } from '../shared/raw-body.js';
import { parseOaEvent, type OaEvent } from './parse-event.js';
import { computeOaMac, verifyOaSignature } from './signature.js';

/** Options of {@link zaloOaWebhookRouter}. */
export interface ZaloOaWebhookOptions {
  path: string;
  appId: string;
  /** "Khóa bí mật OA" from the app's webhook settings (not the App secret). */
  secretKey: string;
  replayWindowSeconds: number;
  handle: (event: OaEvent) => Promise<void>;
  logger: Logger;
  /** Seen event ids; database-backed under `npm start` so replays after a restart are caught. */
  replay?: ReplayGuard;
  now?: () => number;
}

const SIGNATURE_HEADER = 'x-zevent-signature';

/**
 * Express route receiving OA events. The signature is checked over the raw bytes (401 when forged or
 * missing). A correctly signed event outside the replay window, or one already seen (same msg_id), is
 * acknowledged with 200 but not processed: a non-200 would only make Zalo retry it for 12 hours and
 * then disable the webhook. Valid events are acknowledged at once and processed afterwards, well
 * inside Zalo's 2-second limit.
 */
export function zaloOaWebhookRouter(options: ZaloOaWebhookOptions): Router {
  const router = Router();
  const replay = options.replay ?? memoryReplayGuard();
  const now = options.now ?? Date.now;
  router.post(options.path, async (req, res) => {
    let raw: Buffer;
    try {
      raw = await readRawBody(req);
    } catch (error) {
      res.status(error instanceof BodyTooLargeError ? 413 : 400).end();
      return;
    }
    const event = parseOaEvent(parseJson(raw));
    const timestamp = event?.timestamp;
    if (!event || !timestamp) {
      res.status(400).json({ error: 'bad event' });
      return;
    }
    const appId = event.appId ?? options.appId;
    const expected = computeOaMac(appId, raw, timestamp, options.secretKey);
    if (appId !== options.appId || !verifyOaSignature(req.get(SIGNATURE_HEADER), expected)) {
      options.logger.warn('zalo-oa webhook: bad signature', { ip: req.ip });
      res.status(401).json({ error: 'bad signature' });
      return;
    }
    const ageMs = Math.abs(now() - Number(timestamp));
    if (!Number.isFinite(ageMs) || ageMs > options.replayWindowSeconds * 1000) {
      options.logger.warn('zalo-oa webhook: event outside the replay window ignored', {
        event: event.eventName,
        ageSeconds: Math.round(ageMs / 1000),
      });
      res.status(200).json({ ignored: 'stale' });
      return;
    }
    const key = event.msgId ?? `${event.eventName}:${timestamp}:${event.userId ?? ''}`;
    // Remembered for twice the window: older events are refused as stale anyway.
    if (!(await replay.firstSeen(`zalo-oa:${key}`, options.replayWindowSeconds * 2000))) {
      res.status(200).json({ ignored: 'duplicate' });
      return;
    }
    res.status(200).json({ ok: true });
    void options.handle(event);
  });
  return router;
}
