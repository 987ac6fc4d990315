import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { startLocalServer, stopLocalServer } from './local-http-server.js';

/*
 * A local stand-in for the Zalo OA Open API (platforms.md §2, §6): the OAuth v4 refresh endpoint with
 * a single-use rotating refresh token (reusing one answers -118), and the consultation-message API
 * checking the `access_token` header (-216 when invalid). Plus a webhook driver that signs deliveries
 * the way Zalo does: mac = sha256(app_id + raw body + timestamp + OA secret key).
 */

/** Options of {@link FakeZaloOaServer.start}. */
export interface FakeZaloOaOptions {
  appId: string;
  appSecret: string;
  /** The refresh token Zalo currently accepts. */
  refreshToken: string;
  /** Access tokens Zalo currently accepts. */
  accessTokens?: string[];
  /** Delay of each refresh answer, to let concurrent callers pile up (default 50 ms). */
  refreshDelayMs?: number;
}

/** A consultation message Zalo accepted. */
export interface SentCsMessage {
  userId: string;
  text: string;
  accessToken: string;
}

/** A fake of openapi.zalo.me + oauth.zaloapp.com on one 127.0.0.1 port. */
export class FakeZaloOaServer {
  readonly sent: SentCsMessage[] = [];
  refreshCalls = 0;
  private refreshToken: string;
  private readonly accessTokens: Set<string>;
  private readonly waiters = new Set<() => void>();
  private server!: Server;
  url = '';

  private constructor(private readonly options: FakeZaloOaOptions) {
    this.refreshToken = options.refreshToken;
    this.accessTokens = new Set(options.accessTokens ?? []);
  }

  static async start(options: FakeZaloOaOptions): Promise<FakeZaloOaServer> {
    const fake = new FakeZaloOaServer(options);
    ({ server: fake.server, url: fake.url } = await startLocalServer(
      (req, res) => void fake.route(req, res),
    ));
    return fake;
  }

  async stop(): Promise<void> {
    await stopLocalServer(this.server);
  }

  /** The refresh token currently valid at "Zalo". */
  get currentRefreshToken(): string {
    return this.refreshToken;
  }

  /** Every access token stops working (as when they expire). */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  textsTo(userId: string): string[] {
    return this.sent.filter((m) => m.userId === userId).map((m) => m.text);
  }

  async waitForMessages(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake zalo-oa: ${count} messages not sent in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const waiters = this.waiters;
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        waiters.add(done);
      });
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method === 'POST' && req.url === '/v4/oa/access_token') {
      return send(200, await this.refresh(new URLSearchParams(raw), req.headers.secret_key));
    }
    if (req.method === 'POST' && req.url === '/v3.0/oa/message/cs') {
      return send(200, this.message(raw, req.headers.access_token));
    }
    send(404, { error: 404, message: 'not found' });
  }

  private async refresh(form: URLSearchParams, secretKey: unknown) {
    this.refreshCalls++;
    await new Promise((resolve) => setTimeout(resolve, this.options.refreshDelayMs ?? 50));
    if (secretKey !== this.options.appSecret || form.get('app_id') !== this.options.appId) {
      return {
        error: -14002,
        error_name: 'Invalid app',
        error_description: 'app_id or secret_key is invalid',
      };
    }
    if (
      form.get('grant_type') !== 'refresh_token' ||
      form.get('refresh_token') !== this.refreshToken
    ) {
      return {
        error: -118,
        error_name: 'Invalid refresh token',
        error_description: 'Refresh token is invalid or already used',
      };
    }
    const access = `acc_${randomBytes(12).toString('hex')}`;
    this.refreshToken = `ref_${randomBytes(12).toString('hex')}`;
    this.accessTokens.add(access);
    return { access_token: access, refresh_token: this.refreshToken, expires_in: '3600' };
  }

  private message(raw: string, accessToken: unknown) {
    if (typeof accessToken !== 'string' || !this.accessTokens.has(accessToken)) {
      return { error: -216, message: 'Access token is invalid' };
    }
    const body = JSON.parse(raw) as {
      recipient?: { user_id?: string };
      message?: { text?: string };
    };
    const userId = body.recipient?.user_id;
    const text = body.message?.text ?? '';
    if (!userId) return { error: -201, message: 'recipient is invalid' };
    if (text.length === 0 || text.length > 2000)
      return { error: -210, message: 'text length is invalid' };
    this.sent.push({ userId, text, accessToken });
    for (const wake of [...this.waiters]) wake();
    return {
      error: 0,
      message: 'Success',
      data: { message_id: randomBytes(10).toString('hex'), user_id: userId },
    };
  }
}

/** A `user_send_text` event as Zalo posts it (ids as strings, timestamp in ms as a string). */
export function oaTextEvent(
  appId: string,
  userId: string,
  text: string,
  options: { timestamp?: number; msgId?: string } = {},
) {
  return {
    app_id: appId,
    user_id_by_app: '979122185046046317',
    event_name: 'user_send_text',
    timestamp: String(options.timestamp ?? Date.now()),
    sender: { id: userId },
    recipient: { id: '3662729599332560487' },
    message: { text, msg_id: options.msgId ?? randomBytes(10).toString('hex') },
  };
}

/** Serialises an event and signs the exact bytes the way Zalo does. */
export function signOaDelivery(
  appId: string,
  secretKey: string,
  event: { timestamp: string },
): { body: string; signature: string } {
  const body = JSON.stringify(event);
  const mac = createHash('sha256')
    .update(appId + body + event.timestamp + secretKey)
    .digest('hex');
  return { body, signature: `mac=${mac}` };
}
