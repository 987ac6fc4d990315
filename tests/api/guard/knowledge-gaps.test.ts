/**
 * Defect 2 of the security probe: the knowledge-gap log grew without limit from anonymous chat traffic
 * (one client: 0.7 MB/s). Now it lives in the database: redacted, de-duplicated by normalised question,
 * capped per client and per day, and readable by officers most frequent first. Driven over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listGaps } from '../../../api/gaps/gap-store.js';
import type { ChatReply } from '../../../common/chat.js';
import type { Harness } from '../../support/api-harness.js';
import { startChatHarness } from '../../support/chat-harness.js';
import { COMMUNE_X } from '../../support/dossier-fixtures.js';

let h: Harness & { gaps: { settled(): Promise<void> } };
let ip = 0;
const nextIp = () => `100.64.0.${++ip}`;
const chat = (text: string, from = nextIp()) =>
  h.request<ChatReply>('POST', '/api/chat', {
    json: { sessionId: `g-${Math.random().toString(36).slice(2)}`, text },
    headers: { 'x-forwarded-for': from },
  });
const count = async () =>
  Number(
    (await h.runtime.store.db.query<{ n: number }>('SELECT count(*) AS n FROM knowledge_gaps'))[0]!
      .n,
  );
// Questions the catalogue cannot answer.
const odd = (i: number) => `phi thuyền ${i} bay lên sao hỏa mất mấy ngày thưa anh`;

beforeAll(async () => {
  h = await startChatHarness({
    env: { TRUST_PROXY: 'loopback' },
    gapLimits: { perClientPerDay: 5, perDay: 40, maxRows: 1000 },
  });
}, 120_000);
afterAll(() => h?.close());

describe('knowledge-gap list', () => {
  it('one client flooding new questions adds at most its daily cap', async () => {
    const from = nextIp();
    for (let i = 0; i < 30; i++) {
      const res = await chat(odd(i), from);
      expect(res.status).toBe(200);
      expect(res.body.answered).toBe(false);
    }
    await h.gaps.settled();
    expect(await count()).toBe(5);
  }, 120_000);

  it('the same question, however written, is one row with a count; personal numbers are redacted', async () => {
    const variants = [
      'Mèo nhà tôi có biết hát karaoke không, gọi (+84) 912 345 678???',
      'meo nha toi co biet hat karaoke khong goi 0912.345.678',
      'MÈO NHÀ TÔI CÓ BIẾT HÁT KARAOKE KHÔNG, GỌI 0912-345-678',
    ];
    for (const v of variants) await chat(v);
    await h.gaps.settled();
    const rows = await listGaps(h.runtime.store.db, { limit: 100 });
    const flying = rows.filter((r) => /karaoke/i.test(r.question));
    expect(flying).toHaveLength(1);
    expect(flying[0]!.count).toBe(3);
    const all = JSON.stringify(await h.runtime.store.db.query('SELECT * FROM knowledge_gaps'));
    expect(all).not.toMatch(/912.?345.?678|100\.64\./);
  });

  it('caps new questions per day overall, across clients', async () => {
    for (let i = 100; i < 160; i++) await chat(odd(i));
    await h.gaps.settled();
    expect(await count()).toBeLessThanOrEqual(40);
  }, 180_000);

  it('officers read it most frequent first and mark entries handled', async () => {
    const token = await h.officer(COMMUNE_X);
    expect((await h.request('GET', '/api/officer/gaps')).status).toBe(401);
    const list = await h.request('GET', '/api/officer/gaps?limit=5', { token });
    expect(list.status).toBe(200);
    const items = list.body.items as Array<{ id: number; count: number; question: string }>;
    expect(items[0]!.count).toBe(3);
    expect(items.map((i) => i.count)).toEqual([...items.map((i) => i.count)].sort((a, b) => b - a));
    const done = await h.request('POST', `/api/officer/gaps/${items[0]!.id}/handled`, { token });
    expect(done.status).toBe(200);
    const open = await h.request('GET', '/api/officer/gaps?limit=500', { token });
    expect(open.body.items.map((i: { id: number }) => i.id)).not.toContain(items[0]!.id);
    const withHandled = await h.request('GET', '/api/officer/gaps?limit=500&all=true', { token });
    expect(withHandled.body.items.find((i: { id: number }) => i.id === items[0]!.id)).toMatchObject(
      { handledBy: expect.any(String) },
    );
    expect((await h.request('POST', '/api/officer/gaps/999999/handled', { token })).status).toBe(
      404,
    );
  });
});
