import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Telegraf } from 'telegraf';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/password.js';
import { upsertOfficer } from '../../api/store/officer-repository.js';
import { createBrowserAppsRouter } from '../../api/web/browser-apps.js';
import { TelegramGroupSender } from '../../bot/channels/telegram/telegram-group-sender.js';
import {
  createTelegramBot,
  type TelegramBot,
} from '../../bot/channels/telegram/create-telegram-bot.js';
import { silentLogger } from '../../common/logger.js';
import { startHarness, type Harness } from '../support/api-harness.js';
import { launchBrowser } from '../support/browser.js';
import { FakeTelegramServer, tgUpdates } from '../support/fake-telegram-server.js';

/*
 * Notices to village groups in the officer console, in headless Chromium at 1280×800 against the real
 * server (API + the console as Vite builds it) and the delivery worker posting into the local
 * Telegram-shaped server: an officer approves a group the bot was added to, registers a villagers'
 * own Zalo group, composes a notice from a template, checks the preview per platform, sends it and
 * watches the ledger fill in; then the public notice page and the share kit's QR code on a 360×740
 * phone. Every request that would leave the machine is aborted; a page error fails the test.
 * Screenshots go to test-artifacts/console-notices/.
 */

const ARTIFACTS = path.resolve('test-artifacts', 'console-notices');
const COMMUNE = '15124';
const PASSWORD = 'mat-khau-can-bo-1';

let h: Harness;
let fake: FakeTelegramServer;
let bot: TelegramBot;
let browser: Browser;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'motcua-console-dist-'));
  await build({
    configFile: path.resolve('console/vite.config.ts'),
    build: { outDir: path.join(dist, 'officer'), emptyOutDir: true },
    logLevel: 'silent',
  });
  fake = await FakeTelegramServer.start();
  const telegraf = new Telegraf(fake.token, { telegram: { apiRoot: fake.url } });
  h = await startHarness({
    env: { PUBLIC_BASE_URL: 'https://motcua.thanhhoa.example' },
    extraRouters: [createBrowserAppsRouter(dist)],
    runtime: {
      groupSenders: [new TelegramGroupSender(telegraf.telegram)],
      noticeWorkerOptions: {
        pollIntervalMs: 100,
        sendTimeoutMs: 5000,
        backoffMs: () => 200,
        // A send that times out is held for an officer to check (the second test), not resent.
        afterTimeout: 'hold',
      },
    },
  });
  bot = createTelegramBot({
    token: fake.token,
    apiRoot: fake.url,
    respond: async () => null,
    logger: silentLogger,
    groups: h.runtime.groupRegistry,
  });
  bot.bot.botInfo = {
    ...fake.botUser,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  } as never;
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
  await fake?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

/** A page (in its own context) that can reach only the local server and records page errors. */
async function localPage(viewport: { width: number; height: number }, mobile = false) {
  const context: BrowserContext = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(h.baseUrl + '/') || url.startsWith('blob:') || url.startsWith('data:'))
      return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return { page, errors, blocked, context };
}

async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage });
}

/** Signs in at `path` (the session lives in the page's memory only). */
async function signIn(page: Page, username: string, at = '/') {
  await page.goto(`${h.baseUrl}/officer${at}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.topbar').waitFor();
}

async function officerAccount(displayName: string): Promise<string> {
  const username = `cb${Math.random().toString(36).slice(2, 9)}`;
  await upsertOfficer(h.runtime.store.db, {
    username,
    passwordHash: await hashPassword(PASSWORD),
    communeCode: COMMUNE,
    role: 'officer',
    displayName,
  });
  return username;
}

/** The bot is added to a Telegram group: the my_chat_member update goes through the real bot. */
async function botAddedTo(chatId: number, title: string) {
  await bot.bot.handleUpdate(tgUpdates.myChatMember(chatId, title, 'member') as never);
}

describe('notices in the officer console', () => {
  it('approves a group, composes from a template, previews, sends and watches the ledger fill in; the public page and QR on a phone', async () => {
    // One group already approved into Thôn Đông (the village list is not empty), one new.
    await botAddedTo(-8101, 'Thôn Đông - Tin tức xã');
    await botAddedTo(-8102, 'Tổ công nghệ số thôn Tây');
    const api = await h.officer(COMMUNE);
    const pendingNow = await h.request('GET', '/api/notice-groups?status=pending', { token: api });
    const dong = pendingNow.body.items.find((g: { title: string }) =>
      g.title.startsWith('Thôn Đông'),
    );
    await h.request('POST', `/api/notice-groups/${dong.id}/approve`, {
      token: api,
      json: { village: 'Thôn Đông', tags: [] },
    });

    const { page, errors, blocked, context } = await localPage({ width: 1280, height: 800 });
    const lan = await officerAccount('Nguyễn Thị Lan');
    await signIn(page, lan);

    // 1. Groups: approve the pending group into a new village with a tag.
    await page.getByRole('link', { name: 'Nhóm thôn' }).click();
    await page.getByRole('heading', { name: 'Nhóm thôn nhận thông báo' }).waitFor();
    const pending = page.getByRole('form', { name: 'Duyệt nhóm Tổ công nghệ số thôn Tây' });
    await pending.waitFor();
    await shot(page, '1-groups-pending.png');
    await pending.getByLabel('Thôn / tổ dân phố').fill('Thôn Tây');
    await pending.getByLabel('Nhãn (không bắt buộc)').fill('tổ công nghệ số');
    await pending.getByRole('button', { name: /^Duyệt vào/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã duyệt nhóm “Tổ công nghệ số thôn Tây” vào Thôn Tây.' })
      .waitFor();

    // A villagers' own Zalo group, reached by a share kit its admin posts.
    const kit = page.getByRole('form', { name: 'Đăng ký nhóm Zalo của thôn' });
    await kit.getByRole('button', { name: 'Đăng ký nhóm chia sẻ tay' }).click();
    await expect(kit.locator('#sk-title-error').innerText()).resolves.toContain('tên nhóm');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sk-title');
    await kit.getByLabel('Tên nhóm Zalo').fill('Bà con thôn Nam');
    await kit.getByLabel('Trưởng nhóm (người đăng bài)').fill('Lê Thị Hạnh');
    await kit.getByLabel('Thôn / tổ dân phố').fill('Thôn Nam');
    await kit.getByRole('button', { name: 'Đăng ký nhóm chia sẻ tay' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã đăng ký nhóm “Bà con thôn Nam”' })
      .waitFor();
    const activeRows = page
      .getByRole('table', { name: 'Nhóm đang nhận thông báo' })
      .getByRole('row');
    await expect(activeRows.count()).resolves.toBe(4); // header + 3 groups
    await shot(page, '2-groups-approved.png');

    // 2. Compose from the "village meeting" template.
    await page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    await page.getByText('Chưa có thông báo nào.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Soạn thông báo mới' }).click();
    await page.getByRole('heading', { name: 'Soạn thông báo', exact: true }).waitFor();
    await page.getByLabel('Bắt đầu từ mẫu').selectOption({ label: 'Họp thôn / tổ dân phố' });
    await expect(page.getByLabel('Tiêu đề').inputValue()).resolves.toBe('Thông báo họp {thon}');
    await page.locator('#n-body-error').filter({ hasText: 'Còn chỗ trống chưa điền' }).waitFor();
    await page.getByLabel('Thôn / tổ dân phố', { exact: true }).fill('thôn Tây và thôn Nam');
    await page.getByLabel('Giờ', { exact: true }).fill('19h30');
    await page.getByLabel('Ngày', { exact: true }).fill('12/12/2026');
    await page.getByLabel('Địa điểm').fill('Nhà văn hoá thôn Tây');
    await page.getByLabel('Nội dung họp').fill('bàn kế hoạch làm đường bê tông & điện chiếu sáng');
    await expect(page.getByLabel('Tiêu đề').inputValue()).resolves.toBe(
      'Thông báo họp thôn Tây và thôn Nam',
    );
    await expect(page.locator('#n-body-error').count()).resolves.toBe(0);

    // Targets: the whole commune reaches all three; two villages reach the Telegram group and the kit.
    await page.locator('#reach').filter({ hasText: 'Sẽ đến 3 nhóm' }).waitFor();
    await page.getByLabel('Chọn thôn / tổ dân phố hoặc nhãn').check();
    await page.locator('#reach').filter({ hasText: 'Chưa chọn nơi nhận.' }).waitFor();
    await page.getByRole('checkbox', { name: 'Thôn Tây' }).check();
    await page.getByRole('checkbox', { name: 'Thôn Nam' }).check();
    await page.locator('#reach').filter({ hasText: 'Sẽ đến 2 nhóm' }).waitFor();
    await expect(page.locator('#reach').innerText()).resolves.toContain('Telegram: 1');

    // 3. Preview per platform, rendered by the server.
    const telegramTab = page.getByRole('tab', { name: /^Telegram/ });
    await telegramTab.waitFor();
    const panel = page.getByRole('tabpanel');
    await expect(panel.locator('.bubble strong').first().innerText()).resolves.toBe(
      'Thông báo họp thôn Tây và thôn Nam',
    );
    await expect(panel.innerText()).resolves.toContain(
      'https://motcua.thanhhoa.example/n/xxxxxxxxxxxxxxxxxxxxxx',
    );
    // Telegram's HTML is shown as the group will read it: "&", not "&amp;".
    await expect(panel.locator('.bubble-text').innerText()).resolves.toContain(
      'bê tông & điện chiếu sáng.',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '3-compose-preview-telegram.png');
    // Arrow keys move between the platform tabs.
    await telegramTab.focus();
    await page.keyboard.press('End');
    const shareTab = page.getByRole('tab', { name: /^Chia sẻ tay/ });
    await expect(shareTab.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(panel.locator('.bubble-text').innerText()).resolves.toMatch(
      /^THÔNG BÁO HỌP THÔN TÂY VÀ THÔN NAM\n\nKính mời/,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '4-compose-preview-sharekit.png');

    // 4. Send now: the officer confirms, then lands on the ledger. One group answers 429 first, so
    // the ledger is seen filling in.
    fake.rateLimitChat(-8102, 3);
    await page.getByRole('button', { name: 'Gửi thông báo' }).click();
    const confirm = page.getByRole('button', { name: 'Xác nhận gửi' });
    await expect(confirm.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await confirm.click();
    await page.getByRole('heading', { name: /Thông báo họp thôn Tây và thôn Nam/ }).waitFor();
    const progress = page.getByRole('progressbar');
    await progress.waitFor();
    const midway = await progress.getAttribute('aria-valuenow');
    await shot(page, '5-ledger-sending.png');
    await page.locator('.badge.n-sent').waitFor({ timeout: 30_000 });
    expect(Number(midway)).toBe(0); // it was still going out when the page first showed it
    await expect(progress.getAttribute('aria-valuenow')).resolves.toBe('1');
    await expect(progress.getAttribute('aria-valuemax')).resolves.toBe('1');

    // The ledger and the Telegram-shaped server's log agree.
    const delivered = fake.deliveredTo(-8102);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toContain('bê tông & điện chiếu sáng.');
    expect(fake.deliveredTo(-8101)).toHaveLength(0); // Thôn Đông was not chosen
    const tgRow = page.getByRole('row').filter({ hasText: 'Tổ công nghệ số thôn Tây' });
    await expect(tgRow.innerText()).resolves.toContain('Đã gửi');
    await expect(tgRow.locator('td.mono').innerText()).resolves.toBe(
      String(delivered[0]!.messageId),
    );
    const kitRow = page.getByRole('row').filter({ hasText: 'Bà con thôn Nam' });
    await expect(kitRow.innerText()).resolves.toContain('Chờ tổ trưởng chia sẻ');

    // The share kit: text to paste, the short link, the QR code.
    const sharekit = page.getByRole('region', { name: 'Bộ chia sẻ cho nhóm Zalo của thôn' });
    await expect(sharekit.getByLabel('Nội dung để dán vào nhóm').inputValue()).resolves.toMatch(
      /^THÔNG BÁO HỌP THÔN TÂY VÀ THÔN NAM/,
    );
    const ledgerApi = await h.request('GET', '/api/notices', { token: api });
    const notice = ledgerApi.body.items[0];
    await expect(
      sharekit.getByLabel('Đường dẫn ngắn đến trang thông báo').inputValue(),
    ).resolves.toBe(`https://motcua.thanhhoa.example/n/${notice.publicId}`);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.qr img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    await shot(page, '6-ledger-sent.png');

    // The team lead reports it posted; the ledger says so.
    await kitRow.getByRole('button', { name: /^Đánh dấu đã chia sẻ/ }).click();
    await page.getByRole('status').filter({ hasText: 'đã chia sẻ' }).first().waitFor();
    await expect(kitRow.innerText()).resolves.toContain('Đã chia sẻ');

    // CSV export of the ledger.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải sổ gửi (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('Tổ công nghệ số thôn Tây');
    expect(csv).toContain(String(delivered[0]!.messageId));
    expect(csv).toContain('Đã chia sẻ');

    // The list shows it, newest first, with its totals.
    await page.getByRole('link', { name: '← Danh sách thông báo' }).click();
    const listRow = page.getByRole('row').filter({ hasText: 'Thông báo họp thôn Tây và thôn Nam' });
    await expect(listRow.innerText()).resolves.toContain('Đã gửi 1/1');
    await shot(page, '7-notice-list.png');
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();

    // 5. On a phone: the public notice page, and the share kit the team lead opens, with its QR.
    const phone = await localPage({ width: 360, height: 740 }, true);
    await phone.page.goto(`${h.baseUrl}/n/${notice.publicId}`);
    await expect(phone.page.locator('h1').innerText()).resolves.toBe(
      'Thông báo họp thôn Tây và thôn Nam',
    );
    const scrollWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await shot(phone.page, '8-public-page-360x740.png');
    const full = await h.request('GET', `/api/notices/${notice.id}`, { token: api });
    const shareLink: string = full.body.items.find(
      (i: { kind: string }) => i.kind === 'share-kit',
    ).shareLink;
    await phone.page.goto(h.baseUrl + new URL(shareLink).pathname);
    await phone.page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[alt^="Mã QR"]');
      return img !== null && img.complete && img.naturalWidth >= 256;
    });
    // The whole text shows in its box: the team lead copies it without scrolling inside the box.
    const box = await phone.page
      .locator('textarea')
      .evaluate((t) => ({ scroll: t.scrollHeight, client: t.clientHeight }));
    expect(box.scroll).toBeLessThanOrEqual(box.client + 2);
    await shot(phone.page, '9-share-kit-qr-360x740.png');
    expect(phone.errors).toEqual([]);
    expect(phone.blocked).toEqual([]);
    await phone.context.close();
  }, 240_000);

  it('resolves a delivery in doubt, schedules and cancels a notice, and stops and resumes a group', async () => {
    // Runs after the first test: Thôn Đông, Thôn Tây (Telegram) and the Zalo group of Thôn Nam exist.
    const token = await h.officer(COMMUNE);
    const { page, errors, blocked, context } = await localPage({ width: 1280, height: 800 });
    const hung = await officerAccount('Trần Văn Hùng');

    // Telegram takes the message but the answer never comes back in time: the worker cannot know,
    // Telegram cannot de-duplicate, so the delivery waits for an officer to look at the group.
    fake.stallNext({ chatId: -8101, deliver: true, holdMs: 6500 });
    const created = await h.request('POST', '/api/notices', {
      token,
      json: {
        title: 'Lịch tiêm chủng tháng 12',
        body: 'Trạm Y tế xã tiêm vắc xin sởi cho trẻ từ 9 tháng tuổi, 7h30 thứ Bảy 12/12.',
        targets: { villages: ['Thôn Đông'] },
      },
    });
    expect(created.status).toBe(201);
    await signIn(page, hung, `/thong-bao/${created.body.id}`);
    const row = page.getByRole('row').filter({ hasText: 'Thôn Đông - Tin tức xã' });
    await row.filter({ hasText: 'Chưa rõ — kiểm tra nhóm' }).waitFor({ timeout: 30_000 });
    await expect(row.innerText()).resolves.toContain('chưa rõ tin đã tới nhóm chưa');
    await shot(page, '10-ledger-in-doubt.png');
    expect(fake.deliveredTo(-8101)).toHaveLength(1); // it did arrive
    await row.getByRole('button', { name: 'Tin đã có trong nhóm Thôn Đông - Tin tức xã' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã ghi nhận: tin đã có trong nhóm' })
      .waitFor();
    await expect(row.innerText()).resolves.toContain('Đã gửi');
    await expect(row.innerText()).resolves.toContain('Cán bộ Trần Văn Hùng đã kiểm tra nhóm.');
    expect(fake.deliveredTo(-8101)).toHaveLength(1); // not sent twice

    // Scheduled for two hours from now, then cancelled before it goes.
    await page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    await page.getByRole('link', { name: 'Soạn thông báo mới' }).click();
    await page.getByLabel('Tiêu đề').fill('Nghỉ tiếp dân chiều thứ Sáu');
    await page
      .getByLabel('Nội dung')
      .fill('Bộ phận Một cửa nghỉ tiếp dân chiều thứ Sáu để tập huấn.');
    await page.getByLabel('Hẹn giờ gửi').check();
    const later = await page.evaluate(() => {
      const d = new Date(Date.now() + 2 * 3_600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await page.getByLabel('Ngày giờ gửi').fill(later);
    await page.getByRole('button', { name: 'Hẹn giờ gửi' }).click();
    await page.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await page.locator('.badge.n-scheduled').waitFor();
    await shot(page, '11-ledger-scheduled.png');
    await page.getByRole('button', { name: 'Huỷ gửi' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã huỷ thông báo' }).waitFor();
    await page.locator('.badge.n-cancelled').waitFor();
    const list = await h.request('GET', '/api/notices', { token });
    const cancelled = list.body.items.find(
      (n: { title: string }) => n.title === 'Nghỉ tiếp dân chiều thứ Sáu',
    );
    expect(cancelled.status).toBe('cancelled');
    expect(Date.parse(cancelled.sendAt) - Date.now()).toBeGreaterThan(3_600_000);

    // Stop sending to a group (with a reason), then take it back.
    await page.getByRole('link', { name: 'Nhóm thôn' }).click();
    await page.getByRole('button', { name: 'Ngừng gửi: Tổ công nghệ số thôn Tây' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/^stop-/);
    await page.keyboard.type('Nhóm đổi sang Zalo');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Đã ngừng gửi thông báo vào nhóm' }).waitFor();
    const stopped = page
      .getByRole('table', { name: 'Nhóm đã ngừng nhận thông báo' })
      .getByRole('row')
      .filter({ hasText: 'Tổ công nghệ số thôn Tây' });
    await expect(stopped.innerText()).resolves.toContain(
      'Cán bộ Trần Văn Hùng ngừng gửi: Nhóm đổi sang Zalo',
    );
    await shot(page, '12-groups-stopped.png');
    await stopped.getByRole('button', { name: /^Gửi lại vào nhóm/ }).click();
    await page.getByRole('status').filter({ hasText: 'nhận thông báo trở lại' }).waitFor();
    await expect(
      page.getByRole('table', { name: 'Nhóm đang nhận thông báo' }).innerText(),
    ).resolves.toContain('Tổ công nghệ số thôn Tây');
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  }, 180_000);
});
