/**
 * Defect 1 of the security probe: the 4-digit phone factor could be guessed through the web chat by
 * changing the client-chosen sessionId. Now one guarded lookup serves the chat, the bots' /hoso and
 * GET /api/status: wrong tries lock the reference for everyone, and POST /api/chat is rate limited per
 * client IP. Driven over HTTP against the real app and conversation core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponder } from '../../../bot/channels/shared/responder.js';
import type { ChatReply } from '../../../common/chat.js';
import { silentLogger } from '../../../common/logger.js';
import { newKey, type Harness } from '../../support/api-harness.js';
import { startChatHarness } from '../../support/chat-harness.js';
import {
  COMMUNE_X,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../../support/dossier-fixtures.js';

let h: Harness;
let reference: string;
let ip = 0;
const nextIp = () => `192.0.2.${++ip}`;

async function chat(
  text: string,
  from = nextIp(),
  sessionId = `s-${Math.random().toString(36).slice(2)}`,
) {
  return h.request<ChatReply & { error?: { message: string } }>('POST', '/api/chat', {
    json: { sessionId, text },
    headers: { 'x-forwarded-for': from },
  });
}

beforeAll(async () => {
  h = await startChatHarness({
    env: {
      TRUST_PROXY: 'loopback',
      CHAT_REQUESTS_PER_MINUTE: '12',
      STATUS_LOOKUPS_PER_MINUTE: '50',
    },
  });
  await h.officer(COMMUNE_X);
  const resident = await h.resident('Lê Văn An');
  const res = await h.request('POST', '/api/dossiers', {
    token: resident,
    json: {
      ...khaiSinhPayload({
        communeCode: COMMUNE_X,
        applicant: { fullName: 'Lê Văn An', phone: '0912345678' },
      }),
      attachments: [inlineBirthCertificate()],
    },
    headers: { 'idempotency-key': newKey() },
  });
  expect(res.status).toBe(201);
  reference = res.body.dossier.reference;
}, 120_000);
afterAll(() => h?.close());

describe('guessing the phone digits of a status lookup', () => {
  it('locks the reference after 5 wrong tries from any mix of chat sessions, IPs, /hoso and /api/status', async () => {
    const hoso = createResponder({
      conversation: { handle: async () => ({}) as ChatReply },
      statusLookup: h.runtime.statusLookup,
      logger: silentLogger,
      rateLimit: { burst: 100, perMinute: 100 },
      lookupLimit: { burst: 100, perMinute: 100 },
    });
    // The probe: a fresh session id (and here a fresh IP) per guess.
    for (const guess of ['0000', '0001', '0002']) {
      const res = await chat(`tra cứu hồ sơ ${reference} ${guess}`);
      expect(res.status).toBe(200);
      expect(res.body.text).toMatch(/Không tìm thấy/);
    }
    const viaBot = await hoso({
      channel: 'telegram',
      userId: '77',
      senderKey: '77',
      text: `/hoso ${reference} 0003`,
    });
    expect(viaBot?.text).toMatch(/^Không tìm thấy/);
    const viaApi = await h.request('GET', `/api/status?reference=${reference}&phone4=0004`, {
      headers: { 'x-forwarded-for': nextIp() },
    });
    expect(viaApi.status).toBe(404);

    // Five wrong tries: now even the right digits are refused, whoever asks and however.
    const right = await chat(`tra cứu hồ sơ ${reference} 5678`);
    expect(right.body.text).toMatch(/tạm khóa tra cứu/);
    expect(right.body.text).not.toMatch(/Mới đăng ký|Khai sinh/i);
    const api = await h.request('GET', `/api/status?reference=${reference}&phone4=5678`, {
      headers: { 'x-forwarded-for': nextIp() },
    });
    expect(api.status).toBe(429);
    expect(api.body.error.message).toMatch(/tạm khóa tra cứu/);
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(3000);
    const bot = await hoso({
      channel: 'zalo',
      userId: '88',
      senderKey: '88',
      text: `/hoso ${reference} 5678`,
    });
    expect(bot?.text).toMatch(/tạm khóa tra cứu/);

    // An hour after the lock started, the resident can look it up again.
    h.clock.offsetMs += 61 * 60_000;
    const later = await h.request('GET', `/api/status?reference=${reference}&phone4=5678`, {
      headers: { 'x-forwarded-for': nextIp() },
    });
    expect(later.status).toBe(200);
    expect(later.body.reference).toBe(reference);
  });

  it('does not count right answers against the reference', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await h.request('GET', `/api/status?reference=${reference}&phone4=5678`, {
        headers: { 'x-forwarded-for': nextIp() },
      });
      expect(res.status).toBe(200);
    }
  });
});

describe('POST /api/chat rate limit', () => {
  it('answers 429 in Vietnamese after the per-IP limit, whatever the session ids; other IPs go on', async () => {
    const from = nextIp();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 13; i++) {
      last = await chat('xin chào', from, `sess-${i}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    expect(statuses[12]).toBe(429);
    expect(last!.body.error?.message).toMatch(/gửi tin nhắn quá nhanh/);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await chat('xin chào')).status).toBe(200);
  });
});
