import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { startLocalServer, stopLocalServer } from './local-http-server.js';

/*
 * A local stand-in for the Telegram Bot API (the subset we use), so a REAL telegraf client can be
 * pointed at it through `telegram.apiRoot`. It records every call, long-polls getUpdates like the real
 * thing, checks the limits we must respect (4,096 characters, 64-byte callback data, well-formed HTML),
 * and can be scripted to answer 429 retry_after, a chat migration, or "bot was blocked".
 */

/** One API call as the fake received it. */
export interface TelegramCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
}

type Scripted = { status: number; body: Record<string, unknown> };

const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'span',
  'tg-spoiler',
  'blockquote',
]);

/** Returns why Telegram would refuse this HTML, or undefined when it parses. */
export function htmlProblem(html: string): string | undefined {
  const stack: string[] = [];
  for (const match of html.matchAll(/<[^>]*>?|&[^;\s]*;?/g)) {
    const token = match[0];
    if (token.startsWith('&')) {
      if (!/^&(amp|lt|gt|quot|#\d+);$/.test(token)) return `unsupported entity ${token}`;
      continue;
    }
    const tag = /^<(\/?)([a-z-]+)(\s[^>]*)?>$/.exec(token);
    if (!tag || !ALLOWED_TAGS.has(tag[2]!)) return `unsupported start tag ${token}`;
    if (tag[1]) {
      if (stack.pop() !== tag[2]) return `unmatched end tag ${token}`;
    } else stack.push(tag[2]!);
  }
  return stack.length > 0 ? `unclosed tag <${stack.at(-1)}>` : undefined;
}

/** The text a user sees: tags removed and entities decoded (what Telegram's 4,096 limit counts). */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Options of {@link FakeTelegramServer.start}. */
export interface FakeTelegramOptions {
  token?: string;
  username?: string;
  /** Longest a getUpdates long poll is held (default 25 s; the client's timeout wins if shorter). */
  maxHoldMs?: number;
  /** Record calls (turn off for benchmarks). */
  record?: boolean;
  /**
   * Enforce Telegram's flood limits like the real server: a send over `perSecond` overall or over
   * `perChatPerMinute` into one chat gets 429 retry_after and counts in `violations`.
   */
  limits?: { perSecond: number; perChatPerMinute: number };
}

/** A message the fake accepted (what the chat now shows). */
export interface DeliveredMessage {
  chatId: string;
  messageId: number;
  method: string;
  text: string;
  at: number;
}

/** A fake Telegram Bot API server on 127.0.0.1. */
export class FakeTelegramServer {
  readonly calls: TelegramCall[] = [];
  /** Calls per method, counted even when recording is off. */
  readonly counts = new Map<string, number>();
  readonly token: string;
  readonly botUser: { id: number; is_bot: true; first_name: string; username: string };
  private readonly updates: Record<string, unknown>[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly callWaiters = new Set<() => void>();
  private readonly scripted = new Map<string, Scripted[]>();
  private readonly blocked = new Set<string>();
  private readonly migrated = new Map<string, number>();
  private readonly chatFailures = new Map<string, Scripted[]>();
  private readonly stalls: Array<{ deliver: boolean; holdMs: number; chatId?: string }> = [];
  private readonly recentAll: number[] = [];
  private readonly recentByChat = new Map<string, number[]>();
  /** Every message accepted into a chat, in order — the "server's log" ledgers are checked against. */
  readonly delivered: DeliveredMessage[] = [];
  /** Sends refused because they went over `limits`. */
  violations = 0;
  private nextMessageId = 1000;
  private webhookUrl = '';
  private server!: Server;
  /** apiRoot for telegraf, e.g. http://127.0.0.1:PORT */
  url = '';

  private constructor(private readonly options: FakeTelegramOptions) {
    this.token = options.token ?? '123456789:TEST_token_abcdefghijklmnopqrstuvwxyz';
    this.botUser = {
      id: Number(this.token.split(':')[0]),
      is_bot: true,
      first_name: 'Trợ lý Một cửa',
      username: options.username ?? 'motcua_test_bot',
    };
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegramServer> {
    const fake = new FakeTelegramServer(options);
    ({ server: fake.server, url: fake.url } = await startLocalServer(
      (req, res) => void fake.route(req, res),
    ));
    fake.server.keepAliveTimeout = 1000;
    return fake;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters) wake();
    await stopLocalServer(this.server);
  }

  /** Queues an update for getUpdates (long polling). */
  pushUpdate(update: Record<string, unknown>): void {
    this.updates.push(update);
    for (const wake of this.waiters) wake();
  }

  /** The next call of `method` fails with 429 and `retry_after` seconds. */
  rateLimitNext(method: string, retryAfter: number): void {
    this.script(method, {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      },
    });
  }

  /** Sends to `oldChatId` fail with 400 migrate_to_chat_id = `newChatId` from now on. */
  migrateChat(oldChatId: number | string, newChatId: number): void {
    this.migrated.set(String(oldChatId), newChatId);
  }

  /** Sends to `chatId` fail with 403 "bot was blocked by the user". */
  blockChat(chatId: number | string): void {
    this.blocked.add(String(chatId));
  }

  /** The next send to `chatId` fails with 429 and `retry_after` seconds. */
  rateLimitChat(chatId: number | string, retryAfter: number): void {
    this.failChat(chatId, {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      },
    });
  }

  /** The next send to `chatId` gets this answer instead of being delivered. */
  failChat(chatId: number | string, response: Scripted): void {
    const queue = this.chatFailures.get(String(chatId)) ?? [];
    queue.push(response);
    this.chatFailures.set(String(chatId), queue);
  }

  /**
   * The next send (to `chatId`, or any) is held `holdMs` before answering, so the client times out.
   * `deliver`: the message still reaches the chat (accepted, answer lost) or not (lost in transit).
   */
  stallNext(options: { deliver: boolean; holdMs: number; chatId?: number | string }): void {
    this.stalls.push({
      deliver: options.deliver,
      holdMs: options.holdMs,
      ...(options.chatId === undefined ? {} : { chatId: String(options.chatId) }),
    });
  }

  /** Messages delivered into one chat. */
  deliveredTo(chatId: number | string): DeliveredMessage[] {
    return this.delivered.filter((m) => m.chatId === String(chatId));
  }

  /** Calls of one method, in order. */
  callsOf(method: string): TelegramCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `predicate` holds over the recorded calls (polls on every new call). */
  async waitFor(predicate: (calls: TelegramCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake telegram: condition not met in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        const wake = () => {
          clearTimeout(timer);
          this.callWaiters.delete(wake);
          resolve();
        };
        this.callWaiters.add(wake);
      });
    }
  }

  private overLimit(chatId: string): boolean {
    const limits = this.options.limits;
    if (!limits) return false;
    const now = Date.now();
    while (this.recentAll.length > 0 && this.recentAll[0]! <= now - 1000) this.recentAll.shift();
    const chat = (this.recentByChat.get(chatId) ?? []).filter((t) => t > now - 60_000);
    this.recentByChat.set(chatId, chat);
    if (this.recentAll.length >= limits.perSecond || chat.length >= limits.perChatPerMinute) {
      return true;
    }
    this.recentAll.push(now);
    chat.push(now);
    return false;
  }

  private script(method: string, response: Scripted): void {
    const queue = this.scripted.get(method) ?? [];
    queue.push(response);
    this.scripted.set(method, queue);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!match) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== this.token) {
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const method = match[2]!;
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown>;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
    }
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    if (this.options.record !== false) {
      this.calls.push({ method, body, at: Date.now() });
      for (const wake of [...this.callWaiters]) wake();
    }
    const scripted = this.scripted.get(method)?.shift();
    if (scripted) return send(scripted.status, scripted.body);
    const chat = body.chat_id === undefined ? undefined : String(body.chat_id);
    const chatFailure = chat === undefined ? undefined : this.chatFailures.get(chat)?.shift();
    if (chatFailure) return send(chatFailure.status, chatFailure.body);
    const stallAt = SENDS.has(method)
      ? this.stalls.findIndex((s) => s.chatId === undefined || s.chatId === chat)
      : -1;
    if (stallAt >= 0) {
      const stall = this.stalls.splice(stallAt, 1)[0]!;
      if (stall.deliver) await this.answer(method, body, req);
      await new Promise((resolve) => setTimeout(resolve, stall.holdMs));
      if (!res.destroyed) send(504, { ok: false, error_code: 504, description: 'Gateway Timeout' });
      return;
    }
    const limited = SENDS.has(method) && chat !== undefined ? this.overLimit(chat) : false;
    if (limited) {
      this.violations++;
      return send(429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      });
    }
    const result = await this.answer(method, body, req);
    if ('error' in result) return send(result.error.status, result.error.body);
    return send(200, { ok: true, result: result.ok });
  }

  private async answer(
    method: string,
    body: Record<string, unknown>,
    req: IncomingMessage,
  ): Promise<{ ok: unknown } | { error: Scripted }> {
    const fail = (status: number, description: string, parameters?: object) => ({
      error: { status, body: { ok: false, error_code: status, description, parameters } },
    });
    const chatId = body.chat_id === undefined ? undefined : String(body.chat_id);
    if (chatId !== undefined && this.blocked.has(chatId)) {
      return fail(403, 'Forbidden: bot was blocked by the user');
    }
    const movedTo = chatId === undefined ? undefined : this.migrated.get(chatId);
    if (movedTo !== undefined) {
      return fail(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: movedTo,
      });
    }
    switch (method) {
      case 'getMe':
        return {
          ok: { ...this.botUser, can_join_groups: true, can_read_all_group_messages: false },
        };
      case 'getUpdates':
        return this.getUpdates(body, req);
      case 'setWebhook':
        this.webhookUrl = String(body.url ?? '');
        return { ok: true };
      case 'deleteWebhook':
        this.webhookUrl = '';
        return { ok: true };
      case 'getWebhookInfo':
        return { ok: { url: this.webhookUrl, pending_update_count: this.updates.length } };
      case 'sendMessage':
      case 'editMessageText':
      case 'sendPhoto':
        return this.checkMessage(method, body);
      case 'setMyCommands':
      case 'answerCallbackQuery':
      case 'sendChatAction':
      case 'editMessageReplyMarkup':
        return { ok: true };
      default:
        return fail(404, 'Not Found: method not found');
    }
  }

  private checkMessage(method: string, body: Record<string, unknown>) {
    const isPhoto = method === 'sendPhoto';
    const text = String((isPhoto ? body.caption : body.text) ?? '');
    const fail = (description: string) => ({
      error: { status: 400, body: { ok: false, error_code: 400, description } },
    });
    if (body.parse_mode === 'HTML') {
      const problem = htmlProblem(text);
      if (problem) return fail(`Bad Request: can't parse entities: ${problem}`);
    }
    const visible = body.parse_mode === 'HTML' ? visibleText(text) : text;
    if (isPhoto) {
      if (typeof body.photo !== 'string' || !body.photo) return fail('Bad Request: photo is empty');
      if (visible.length > 1024) return fail('Bad Request: message caption is too long');
    } else {
      if (visible.trim().length === 0) return fail('Bad Request: message text is empty');
      if (visible.length > 4096) return fail('Bad Request: message is too long');
    }
    const markup = body.reply_markup as
      { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined;
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) {
        const size = Buffer.byteLength(button.callback_data ?? '', 'utf8');
        if (button.callback_data !== undefined && (size < 1 || size > 64)) {
          return fail('Bad Request: BUTTON_DATA_INVALID');
        }
      }
    }
    if (method === 'editMessageText') return { ok: true };
    const messageId = this.nextMessageId++;
    this.delivered.push({
      chatId: String(body.chat_id),
      messageId,
      method,
      text: visible,
      at: Date.now(),
    });
    return {
      ok: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(body.chat_id), type: Number(body.chat_id) < 0 ? 'group' : 'private' },
        from: this.botUser,
        text: visible,
      },
    };
  }

  private async getUpdates(body: Record<string, unknown>, req: IncomingMessage) {
    if (this.webhookUrl) {
      return {
        error: {
          status: 409,
          body: {
            ok: false,
            error_code: 409,
            description: "Conflict: can't use getUpdates method while webhook is active",
          },
        },
      };
    }
    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 100);
    const holdMs = Math.min(Number(body.timeout ?? 0) * 1000, this.options.maxHoldMs ?? 25_000);
    const pending = () => {
      while (this.updates.length > 0 && Number(this.updates[0]!.update_id) < offset) {
        this.updates.shift();
      }
      return this.updates.slice(0, limit);
    };
    if (pending().length === 0 && holdMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, holdMs);
        this.waiters.add(done);
        req.socket.once('close', done);
      });
    }
    return { ok: pending() };
  }
}

/** Methods that put a message into a chat (flood limits, stalls and per-chat failures apply). */
const SENDS = new Set(['sendMessage', 'sendPhoto']);

let nextUpdateId = 1;
let nextIncomingMessageId = 1;

/** Builders for the updates a resident's actions produce. */
export const tgUpdates = {
  privateText(userId: number, text: string, extra: Record<string, unknown> = {}) {
    return {
      update_id: nextUpdateId++,
      message: {
        message_id: nextIncomingMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: userId, type: 'private', first_name: 'Lan' },
        from: { id: userId, is_bot: false, first_name: 'Lan', language_code: 'vi' },
        text,
        ...commandEntities(text),
        ...extra,
      },
    };
  },
  groupText(chatId: number, userId: number, text: string, extra: Record<string, unknown> = {}) {
    return {
      update_id: nextUpdateId++,
      message: {
        message_id: nextIncomingMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'group', title: 'Thôn Đông' },
        from: { id: userId, is_bot: false, first_name: 'Hùng' },
        text,
        ...entitiesOf(text),
        ...extra,
      },
    };
  },
  /** The bot's own membership in a group changed (added → 'member', removed → 'kicked' / 'left'). */
  myChatMember(
    chatId: number,
    title: string,
    status: 'member' | 'administrator' | 'left' | 'kicked',
    botId = 123456789,
  ) {
    const bot = {
      id: botId,
      is_bot: true,
      first_name: 'Trợ lý Một cửa',
      username: 'motcua_test_bot',
    };
    return {
      update_id: nextUpdateId++,
      my_chat_member: {
        chat: { id: chatId, type: chatId < -1_000_000_000_000 ? 'supergroup' : 'group', title },
        from: { id: 42, is_bot: false, first_name: 'Hùng' },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: {
          user: bot,
          status: status === 'member' || status === 'administrator' ? 'left' : 'member',
        },
        new_chat_member: { user: bot, status },
      },
    };
  },
  /** A button press on `message` (a message the bot sent, as returned by the fake). */
  callback(userId: number, data: string, message: Record<string, unknown>) {
    return {
      update_id: nextUpdateId++,
      callback_query: {
        id: `cq${nextUpdateId}`,
        from: { id: userId, is_bot: false, first_name: 'Lan' },
        chat_instance: '42',
        data,
        message,
      },
    };
  },
};

function commandEntities(text: string) {
  const command = /^\/\S+/.exec(text);
  return command
    ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }
    : {};
}

function entitiesOf(text: string) {
  const entities: Array<{ type: string; offset: number; length: number }> = [];
  for (const m of text.matchAll(/@[A-Za-z0-9_]{3,}/g)) {
    entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  }
  const command = /^\/\S+/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  return entities.length > 0 ? { entities } : {};
}
