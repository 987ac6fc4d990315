import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { startLocalServer, stopLocalServer } from './local-http-server.js';

/*
 * A local stand-in for the Zalo Bot Platform API in its documented shape (platforms.md §1, §6):
 * POST /bot<TOKEN>/<method> with JSON, `{ok,result}` envelopes, ONE update per getUpdates call,
 * 408 when a long poll ends empty, 400 for getUpdates while a webhook is set, the 2,000-character
 * limit, string ids and millisecond dates. It records every call.
 */

/** One API call as the fake received it. */
export interface ZaloCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
}

/** Options of {@link FakeZaloBotServer.start}. */
export interface FakeZaloBotOptions {
  token?: string;
  /** Longest a getUpdates long poll is held (default 25 s; the client's timeout wins if shorter). */
  maxHoldMs?: number;
}

const envelopeError = (error_code: number, description: string) => ({
  ok: false,
  error_code,
  description,
});

/** A fake Zalo Bot Platform server on 127.0.0.1. */
export class FakeZaloBotServer {
  readonly calls: ZaloCall[] = [];
  readonly token: string;
  readonly botId = '1459232241454765289';
  private readonly updates: unknown[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly callWaiters = new Set<() => void>();
  private readonly rateLimited = new Map<string, number>();
  private readonly failingChats = new Map<string, { errorCode: number; description: string }>();
  private webhook = { url: '', updated_at: 0 };
  private server!: Server;
  /** Base URL for ZALO_BOT_API_BASE. */
  url = '';

  private constructor(private readonly options: FakeZaloBotOptions) {
    this.token = options.token ?? '1459232241454765289:zalo-secret-abcdefghijklmnop';
  }

  static async start(options: FakeZaloBotOptions = {}): Promise<FakeZaloBotServer> {
    const fake = new FakeZaloBotServer(options);
    ({ server: fake.server, url: fake.url } = await startLocalServer(
      (req, res) => void fake.route(req, res),
    ));
    return fake;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters) wake();
    await stopLocalServer(this.server);
  }

  /** Queues an update for getUpdates. */
  pushUpdate(update: unknown): void {
    this.updates.push(update);
    for (const wake of this.waiters) wake();
  }

  /** The next `times` calls of `method` get 429 quota exceeded. */
  rateLimitNext(method: string, times = 1): void {
    this.rateLimited.set(method, times);
  }

  /** Sends to `chatId` fail with this error from now on. */
  failChat(chatId: string, errorCode: number, description: string): void {
    this.failingChats.set(chatId, { errorCode, description });
  }

  callsOf(method: string): ZaloCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Texts sent to one chat, in order. */
  textsTo(chatId: string): string[] {
    return this.callsOf('sendMessage')
      .filter((c) => c.body.chat_id === chatId)
      .map((c) => String(c.body.text));
  }

  async waitFor(predicate: (calls: ZaloCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake zalo: condition not met in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        const callWaiters = this.callWaiters;
        function done() {
          clearTimeout(timer);
          callWaiters.delete(done);
          resolve();
        }
        this.callWaiters.add(done);
      });
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    if (!match || req.method !== 'POST') return send(404, envelopeError(404, 'Not found'));
    if (match[1] !== this.token) return send(401, envelopeError(401, 'Unauthorized'));
    const method = match[2]!;
    let body: Record<string, unknown>;
    try {
      const raw = Buffer.concat(chunks).toString('utf8');
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(400, envelopeError(400, 'Bad request'));
    }
    this.calls.push({ method, body, at: Date.now() });
    for (const wake of [...this.callWaiters]) wake();
    const limited = this.rateLimited.get(method) ?? 0;
    if (limited > 0) {
      this.rateLimited.set(method, limited - 1);
      return send(429, envelopeError(429, 'Quota exceeded'));
    }
    const failing = this.failingChats.get(String(body.chat_id));
    if (failing)
      return send(failing.errorCode, envelopeError(failing.errorCode, failing.description));
    const [status, answer] = await this.answer(method, body, req);
    send(status, answer);
  }

  private async answer(
    method: string,
    body: Record<string, unknown>,
    req: IncomingMessage,
  ): Promise<[number, unknown]> {
    const ok = (result?: unknown): [number, unknown] => [
      200,
      result === undefined ? { ok: true } : { ok: true, result },
    ];
    const bad = (description: string): [number, unknown] => [400, envelopeError(400, description)];
    switch (method) {
      case 'getMe':
        return ok({
          id: this.botId,
          account_name: 'bot.motcuaTest',
          account_type: 'BASIC',
          can_join_groups: false,
        });
      case 'getUpdates':
        return this.getUpdates(body, req);
      case 'setWebhook': {
        const secret = String(body.secret_token ?? '');
        if (!String(body.url ?? '').startsWith('https://')) return bad('url must be https');
        if (secret.length < 8 || secret.length > 256)
          return bad('secret_token must be 8-256 chars');
        this.webhook = { url: String(body.url), updated_at: Date.now() };
        return ok(this.webhook);
      }
      case 'deleteWebhook':
        this.webhook = { url: '', updated_at: Date.now() };
        return ok(this.webhook);
      case 'getWebhookInfo':
        return ok(this.webhook);
      case 'sendMessage': {
        const text = body.text;
        if (typeof body.chat_id !== 'string') return bad('chat_id must be a string');
        if (typeof text !== 'string' || text.length < 1 || text.length > 2000) {
          return bad('text must be 1-2000 characters');
        }
        return ok({ message_id: randomBytes(10).toString('hex'), date: Date.now() });
      }
      case 'sendPhoto':
        if (typeof body.photo !== 'string') return bad('photo must be a URL');
        return ok({ message_id: randomBytes(10).toString('hex'), date: Date.now() });
      case 'sendChatAction':
        return body.action === 'typing' ? ok() : bad('unsupported action');
      default:
        return [404, envelopeError(404, 'Method not found')];
    }
  }

  private async getUpdates(
    body: Record<string, unknown>,
    req: IncomingMessage,
  ): Promise<[number, unknown]> {
    if (this.webhook.url)
      return [400, envelopeError(400, 'Webhook is set; delete it to use getUpdates')];
    const holdMs = Math.min(Number(body.timeout ?? 30) * 1000, this.options.maxHoldMs ?? 25_000);
    if (this.updates.length === 0) {
      await new Promise<void>((resolve) => {
        const waiters = this.waiters;
        const timer = setTimeout(done, holdMs);
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        waiters.add(done);
        req.socket.once('close', done);
      });
    }
    const update = this.updates.shift();
    if (update === undefined) return [408, envelopeError(408, 'Request timeout')];
    return [200, { ok: true, result: update }];
  }
}

let counter = 0;
const nextId = () => `${Date.now().toString(16)}${(counter++).toString(16).padStart(6, '0')}`;

/** Builders for the updates Zalo sends (flat webhook shape; polling wraps them in `{ok,result}`). */
export const zaloUpdates = {
  text(userId: string, text: string, options: { chatType?: string; chatId?: string } = {}) {
    return {
      event_name: 'message.text.received',
      message: {
        message_id: nextId(),
        date: Date.now(),
        chat: { id: options.chatId ?? userId, chat_type: options.chatType ?? 'PRIVATE' },
        from: { id: userId, display_name: 'Nguyễn Văn A', is_bot: false },
        text,
      },
    };
  },
  image(userId: string) {
    return {
      event_name: 'message.image.received',
      message: {
        message_id: nextId(),
        date: Date.now(),
        chat: { id: userId, chat_type: 'PRIVATE' },
        from: { id: userId, first_name: 'A' },
        photo_url: 'https://example.com/a.jpg',
      },
    };
  },
};
