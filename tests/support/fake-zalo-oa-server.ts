import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { startLocalServer, stopLocalServer } from './local-http-server.js';

/*
 * A local stand-in for the Zalo OA Open API (platforms.md §2, §6): the OAuth v4 refresh endpoint with
 * a single-use rotating refresh token (reusing one answers -118), the consultation-message API
 * checking the `access_token` header (-216 when invalid), and GMF group messages
 * (`POST /v3.0/oa/group/message`, `GET /v3.0/oa/group/getgroup`; their shapes from third-party code,
 * UNSURE in platforms.md §2.6) into groups configured with `addGroup`, which can be disabled, made to
 * throttle, or stalled. Plus a webhook driver that signs deliveries the way Zalo does:
 * mac = sha256(app_id + raw body + timestamp + OA secret key).
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

/** A message Zalo accepted into a GMF group. */
export interface SentGroupMessage {
  groupId: string;
  text: string;
  messageId: string;
}

/** A fake of openapi.zalo.me + oauth.zaloapp.com on one 127.0.0.1 port. */
export class FakeZaloOaServer {
  readonly sent: SentCsMessage[] = [];
  /** Every message accepted into a group, in order: the log a ledger is checked against. */
  readonly groupMessages: SentGroupMessage[] = [];
  private readonly groups = new Map<string, 'enabled' | 'disabled'>();
  private readonly groupFailures = new Map<string, Array<{ error: number; message: string }>>();
  private readonly stalls: Array<{ groupId: string; deliver: boolean; holdMs: number }> = [];
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

  /** A GMF group the OA is in (`enabled`: accepts OA messages). */
  addGroup(groupId: string, status: 'enabled' | 'disabled' = 'enabled'): void {
    this.groups.set(groupId, status);
  }

  /** The next message to `groupId` gets this error answer (e.g. 2001 throttled). */
  failGroupNext(groupId: string, error: number, message: string): void {
    const queue = this.groupFailures.get(groupId) ?? [];
    queue.push({ error, message });
    this.groupFailures.set(groupId, queue);
  }

  /** The next message to `groupId` is held `holdMs` (the client times out); `deliver`: posted anyway. */
  stallGroupNext(groupId: string, options: { deliver: boolean; holdMs: number }): void {
    this.stalls.push({ groupId, ...options });
  }

  groupTexts(groupId: string): string[] {
    return this.groupMessages.filter((m) => m.groupId === groupId).map((m) => m.text);
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
    if (req.method === 'POST' && req.url === '/v3.0/oa/group/message') {
      return this.groupMessage(raw, req.headers.access_token, res, send);
    }
    if (req.method === 'GET' && req.url?.startsWith('/v3.0/oa/group/getgroup')) {
      const groupId = new URL(req.url, 'http://x').searchParams.get('group_id') ?? '';
      if (!this.validToken(req.headers.access_token)) return send(200, INVALID_TOKEN);
      const status = this.groups.get(groupId);
      return send(
        200,
        status
          ? { error: 0, message: 'Success', data: { group_id: groupId, status } }
          : { error: -201, message: 'group_id is invalid' },
      );
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

  private validToken(accessToken: unknown): boolean {
    return typeof accessToken === 'string' && this.accessTokens.has(accessToken);
  }

  private async groupMessage(
    raw: string,
    accessToken: unknown,
    res: ServerResponse,
    send: (status: number, body: unknown) => void,
  ): Promise<void> {
    if (!this.validToken(accessToken)) return send(200, INVALID_TOKEN);
    const body = JSON.parse(raw) as {
      recipient?: { group_id?: string };
      message?: { text?: string };
    };
    const groupId = body.recipient?.group_id ?? '';
    const text = body.message?.text ?? '';
    const failure = this.groupFailures.get(groupId)?.shift();
    if (failure) return send(200, failure);
    // GMF error codes are undocumented in our sources: an unknown or disabled group is refused with
    // a generic code, and the client must ask getgroup why.
    if (this.groups.get(groupId) !== 'enabled')
      return send(200, { error: -230, message: 'group is not available' });
    if (text.length === 0 || text.length > 2000)
      return send(200, { error: -210, message: 'text length is invalid' });
    const accept = () => {
      const messageId = randomBytes(10).toString('hex');
      this.groupMessages.push({ groupId, text, messageId });
      for (const wake of [...this.waiters]) wake();
      return messageId;
    };
    const stallAt = this.stalls.findIndex((s) => s.groupId === groupId);
    if (stallAt >= 0) {
      const stall = this.stalls.splice(stallAt, 1)[0]!;
      if (stall.deliver) accept();
      await new Promise((resolve) => setTimeout(resolve, stall.holdMs));
      if (!res.destroyed) send(504, { error: -1, message: 'Gateway Timeout' });
      return;
    }
    send(200, { error: 0, message: 'Success', data: { message_id: accept() } });
  }

  private message(raw: string, accessToken: unknown) {
    if (!this.validToken(accessToken)) return INVALID_TOKEN;
    const body = JSON.parse(raw) as {
      recipient?: { user_id?: string };
      message?: { text?: string };
    };
    const userId = body.recipient?.user_id;
    const text = body.message?.text ?? '';
    if (!userId) return { error: -201, message: 'recipient is invalid' };
    if (text.length === 0 || text.length > 2000)
      return { error: -210, message: 'text length is invalid' };
    this.sent.push({ userId, text, accessToken: String(accessToken) });
    for (const wake of [...this.waiters]) wake();
    return {
      error: 0,
      message: 'Success',
      data: { message_id: randomBytes(10).toString('hex'), user_id: userId },
    };
  }
}

const INVALID_TOKEN = { error: -216, message: 'Access token is invalid' };

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
