/**
 * The notice routes the officer console needs beyond the basics: stop and resume sending to a group,
 * the live count of groups a choice of targets reaches, and the share kit's text in the ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/api-harness.js';

const COMMUNE = '15124';

let h: Harness;
let officer: string;

beforeAll(async () => {
  // No delivery worker: these tests look at the registry and the ledger, not at sending.
  h = await startHarness({ runtime: { noticeWorker: false } });
  officer = await h.officer(COMMUNE);
});

afterAll(async () => {
  await h?.close();
});

/** A Telegram group the bot joined, approved into `village` with `tags`; returns its id. */
async function approvedGroup(chatId: string, title: string, village: string, tags: string[] = []) {
  await h.runtime.groupRegistry.membership({
    platform: 'telegram',
    chatId,
    title,
    status: 'member',
  });
  const pending = await h.request('GET', '/api/notice-groups?status=pending', { token: officer });
  const group = pending.body.items.find((g: { title: string }) => g.title === title);
  const res = await h.request('POST', `/api/notice-groups/${group.id}/approve`, {
    token: officer,
    json: { village, tags },
  });
  expect(res.status).toBe(200);
  return group.id as string;
}

describe('notice groups: stop and resume', () => {
  it('an officer stops sending to a group (with the reason shown) and resumes it', async () => {
    const id = await approvedGroup('-7001', 'Nhóm thôn Yên', 'Thôn Yên');
    const stopped = await h.request('POST', `/api/notice-groups/${id}/deactivate`, {
      token: officer,
      json: { reason: 'Nhóm giải thể' },
    });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'inactive', village: 'Thôn Yên' });
    expect(stopped.body.inactiveReason).toContain('Nhóm giải thể');

    // An inactive group receives nothing.
    const reach = await h.request('POST', '/api/notices/recipients', {
      token: officer,
      json: { targets: { villages: ['Thôn Yên'] } },
    });
    expect(reach.body.total).toBe(0);

    const resumed = await h.request('POST', `/api/notice-groups/${id}/reactivate`, {
      token: officer,
    });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'approved', inactiveReason: null });
    const again = await h.request('POST', `/api/notice-groups/${id}/reactivate`, {
      token: officer,
    });
    expect(again.status).toBe(409);
  });

  it('works without a body, and never on another commune’s group or a resident’s subscription', async () => {
    const id = await approvedGroup('-7002', 'Nhóm thôn Lạc', 'Thôn Lạc');
    const other = await h.officer('15127');
    const theirs = await h.request('POST', `/api/notice-groups/${id}/deactivate`, {
      token: other,
    });
    expect(theirs.status).toBe(404);
    const mine = await h.request('POST', `/api/notice-groups/${id}/deactivate`, {
      token: officer,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.inactiveReason).toMatch(/ngừng gửi/);

    await h.runtime.groupRegistry.subscribe({
      platform: 'telegram',
      chatId: '9001',
      displayName: 'Bà Hoa',
      place: `${COMMUNE} Thôn Lạc`,
    });
    const subs = await h.request('GET', '/api/notice-groups?kind=subscriber', { token: officer });
    const sub = subs.body.items[0];
    const refused = await h.request('POST', `/api/notice-groups/${sub.id}/deactivate`, {
      token: officer,
    });
    expect(refused.status).toBe(409);
    const notUuid = await h.request('POST', '/api/notice-groups/abc/deactivate', {
      token: officer,
    });
    expect(notUuid.status).toBe(404);
  });
});

describe('recipients and the share kit', () => {
  it('counts the groups a choice reaches, per platform, as the officer ticks villages and tags', async () => {
    await approvedGroup('-7101', 'Nhóm Thôn Mới', 'Thôn Mới', ['hội phụ nữ']);
    await approvedGroup('-7102', 'Nhóm Thôn Cũ', 'Thôn Cũ');
    const kit = await h.request('POST', '/api/notice-groups/share-kit', {
      token: officer,
      json: { title: 'Zalo Thôn Mới', adminName: 'Ông Tâm', village: 'Thôn Mới' },
    });
    expect(kit.status).toBe(201);

    const count = async (targets: object) =>
      (await h.request('POST', '/api/notices/recipients', { token: officer, json: { targets } }))
        .body;
    await expect(count({ villages: ['Thôn Mới'] })).resolves.toMatchObject({
      total: 2,
      groups: 2,
      byPlatform: { telegram: 1, 'share-kit': 1 },
    });
    await expect(count({ tags: ['hội phụ nữ'] })).resolves.toMatchObject({ total: 1 });
    await expect(count({})).resolves.toMatchObject({ total: 0 });
    const whole = await count({ wholeCommune: true });
    expect(whole.groups).toBeGreaterThanOrEqual(3);
    const bad = await h.request('POST', '/api/notices/recipients', {
      token: officer,
      json: { targets: { villages: [''] } },
    });
    expect(bad.status).toBe(400);
  });

  it('gives the ledger the share kit’s text, with the public page’s full address', async () => {
    const created = await h.request('POST', '/api/notices', {
      token: officer,
      json: {
        title: 'Lịch tiêm chủng',
        body: 'Tiêm vắc xin sởi cho trẻ từ 9 tháng tuổi, 7h30 thứ Bảy tại Trạm Y tế.',
        targets: { villages: ['Thôn Mới'] },
      },
    });
    expect(created.status).toBe(201);
    const ledger = await h.request('GET', `/api/notices/${created.body.id}`, { token: officer });
    expect(ledger.status).toBe(200);
    expect(ledger.body.shareKitText).toMatch(/^LỊCH TIÊM CHỦNG\n\nTiêm vắc xin sởi/);
    expect(ledger.body.shareKitText).toContain(`${h.baseUrl}/n/${created.body.publicId}`);
  });
});
