import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatReply } from '../../../common/chat.js';
import { TEST_DESK_PHONE } from '../../support/assistant.js';
import { newKey, type Harness } from '../../support/api-harness.js';
import {
  COMMUNE_X,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../../support/dossier-fixtures.js';
import { startChatHarness } from '../../support/chat-harness.js';

/* POST /api/chat end to end: the real app, the real conversation core, the real catalogue and index. */

let app: Harness;
let n = 0;
const session = () => `s-${Date.now()}-${++n}`;
const chat = async (
  sessionId: string,
  text: string,
  action?: { type: 'pick' | 'more'; code: string },
) => {
  const res = await app.request<ChatReply>('POST', '/api/chat', {
    json: { sessionId, text, ...(action ? { action } : {}) },
  });
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  app = await startChatHarness();
});
afterAll(async () => {
  await app?.close();
});

describe('POST /api/chat', () => {
  it('returns the contract shape for a question', async () => {
    const reply = await chat(session(), 'lam giay khai sinh cho be can gi');
    expect(reply).toMatchObject({ answered: true, procedure: { code: '1.001193' } });
    expect(Object.keys(reply)).toEqual(
      expect.arrayContaining(['answered', 'text', 'procedure', 'choices', 'sources']),
    );
    expect(reply.sources[0]?.url).toMatch(/^https:\/\/dichvucong\.gov\.vn\//);
  });

  it('greets, then follows up on the current procedure, then "xem thêm"', async () => {
    const id = session();
    expect((await chat(id, 'chào bạn')).text).toMatch(/Xin chào/);
    const first = await chat(id, 'xin giấy xác nhận độc thân');
    expect(first.answered).toBe(true);
    const code = first.procedure!.code;
    const fee = await chat(id, 'thế lệ phí bao nhiêu?');
    expect(fee.procedure?.code).toBe(code);
    expect(fee.text).toMatch(/Lệ phí/);
    const more = await chat(id, '', { type: 'more', code });
    expect(more.text.length).toBeGreaterThan(fee.text.length);
    // "Xem thêm" is paged: one phone-sized message per tap, the next page on the next tap.
    expect(more.text).toMatch(/Xem thêm 1\/\d+/);
    expect(more.text.length).toBeLessThanOrEqual(1500);
  });

  it('offers choices for a vague question and answers the one picked', async () => {
    const id = session();
    // "trích lục" alone fits several procedures (birth, marriage, death extracts…): the resident picks.
    const reply = await chat(id, 'xin trích lục');
    expect(reply.choices.length).toBeGreaterThanOrEqual(2);
    expect(reply.choices.length).toBeLessThanOrEqual(3);
    const pick = reply.choices[1]!;
    const picked = await chat(id, pick.label, { type: 'pick', code: pick.code });
    expect(picked.procedure?.code).toBe(pick.code);
    expect(picked.answered).toBe(true);
  });

  it('abstains on off-topic questions and hands off to the desk', async () => {
    for (const text of ['giá vàng hôm nay', 'thoi tiet mai the nao', 'kết quả bóng đá tối qua']) {
      const reply = await chat(session(), text);
      expect(reply.answered).toBe(false);
      expect(reply.procedure).toBeNull();
      expect(reply.text).toContain(TEST_DESK_PHONE);
    }
  });

  it.each([
    ['empty', ''],
    ['huge', 'a'.repeat(15_000)],
    ['binary', '\u0000\u0001\ufffd\ufffd\u0002'],
    ['script injection', '<script>alert(1)</script><img src=x onerror=alert(2)>'],
  ])('replies politely to %s input and never echoes HTML', async (_label, text) => {
    const reply = await chat(session(), text);
    expect(reply.answered).toBe(false);
    expect(reply.text).not.toMatch(/<script|<img/i);
    expect(reply.text.length).toBeGreaterThan(10);
  });

  it('looks up a dossier by reference and the last 4 phone digits, revealing no personal data', async () => {
    await app.officer(COMMUNE_X);
    const token = await app.resident('Lê Thị Hoa');
    const submitted = await app.request('POST', '/api/dossiers', {
      token,
      json: {
        ...khaiSinhPayload({
          communeCode: COMMUNE_X,
          applicant: { fullName: 'Lê Thị Hoa', phone: '0912345678' },
        }),
        attachments: [inlineBirthCertificate()],
      },
      headers: { 'idempotency-key': newKey() },
    });
    expect(submitted.status).toBe(201);
    const reference: string = submitted.body.dossier.reference;

    const found = await chat(session(), `tra cứu hồ sơ ${reference.toLowerCase()} 5678`);
    expect(found.text).toContain(reference);
    expect(found.text).toMatch(/Tình trạng: Mới đăng ký/);
    expect(found.text).not.toContain('Lê Thị Hoa');
    expect(found.text).not.toContain('0912345678');

    const wrong = await chat(session(), `hồ sơ ${reference} 1111`);
    expect(wrong.text).toMatch(/Không tìm thấy hồ sơ/);
    expect(wrong.text).not.toContain('Lê Thị Hoa');
  });

  it('rejects malformed JSON and wrong types with a Vietnamese error object', async () => {
    const bad = await app.request('POST', '/api/chat', {
      body: '{"sessionId": "x", "text": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'MALFORMED_JSON' });
    expect(bad.body.error.message).toMatch(/JSON/);
    const wrong = await app.request('POST', '/api/chat', { json: { sessionId: 12, text: ['x'] } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(wrong.body.error.fields)).toEqual(
      expect.arrayContaining(['sessionId', 'text']),
    );
  });

  it('answers a too large body with the API-wide 413 envelope', async () => {
    const big = await app.request('POST', '/api/chat', {
      json: { sessionId: session(), text: 'x'.repeat(70_000) },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(big.body.error.message).toMatch(/64 KB/);
  });
});
