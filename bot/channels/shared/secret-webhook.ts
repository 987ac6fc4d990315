import type { Request, Response } from 'express';
import type { Logger } from '../../../common/logger.js';
import { secretsEqual } from './constant-time.js';
import { BodyTooLargeError, parseJson, readRawBody } from './raw-body.js';

/** What a platform's secret-token webhook checks before anything is processed. */
export interface SecretWebhookCheck {
  /** Lower-case header carrying the shared secret. */
  header: string;
  secret: string;
  logger: Logger;
  /** Name used in logs ("telegram", "zalo"). */
  label: string;
}

/**
 * Checks the secret header in constant time and parses the raw JSON body. On failure it has already
 * answered (401 bad secret, 413 too large, 400 not JSON) and returns `{ ok: false }`.
 */
export async function readSecretWebhook(
  req: Request,
  res: Response,
  check: SecretWebhookCheck,
): Promise<{ ok: true; body: unknown } | { ok: false }> {
  if (!secretsEqual(req.get(check.header), check.secret)) {
    check.logger.warn(`${check.label} webhook: bad secret token`, { ip: req.ip });
    res.status(401).json({ ok: false });
    return { ok: false };
  }
  try {
    return { ok: true, body: parseJson(await readRawBody(req)) };
  } catch (error) {
    res.status(error instanceof BodyTooLargeError ? 413 : 400).end();
    return { ok: false };
  }
}
