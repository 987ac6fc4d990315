import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/api-harness.js';
import { launchBrowser } from '../../support/browser.js';

/*
 * The public notice page and its QR code in headless Chromium at a phone's size (360×740): readable
 * without zooming or scrolling sideways, no login. Screenshots go to test-artifacts/.
 */

const ARTIFACTS = path.resolve('test-artifacts');

let h: Harness;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness();
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('public notice page', () => {
  it('reads on a 360×740 phone without sideways scrolling, and its QR code opens it', async () => {
    const officer = await h.officer('15124');
    const created = await h.request('POST', '/api/notices', {
      token: officer,
      json: {
        title: 'Lịch tiêm chủng mở rộng tháng 12',
        body:
          'Trạm Y tế xã Minh Sơn tổ chức tiêm vắc xin sởi – rubella cho trẻ từ 9 tháng đến 5 tuổi vào 7h30 sáng thứ Bảy, ngày 12/12 tại Nhà văn hoá thôn Đông.\n\n' +
          'Khi đi, phụ huynh mang theo sổ tiêm chủng của trẻ và thẻ bảo hiểm y tế (nếu có).\n\n' +
          'Mọi thắc mắc xin liên hệ Trạm Y tế xã trong giờ hành chính.',
        linkUrl:
          'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?mot-duong-dan-rat-dai-de-thu-xuong-dong',
        targets: { wholeCommune: true },
      },
    });
    expect(created.status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${h.baseUrl}/n/${created.body.publicId}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Lịch tiêm chủng mở rộng tháng 12');
    await expect(page.locator('.from').innerText()).resolves.toContain('Xã Minh Sơn');
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      font: parseFloat(getComputedStyle(document.querySelector('.body')!).fontSize),
    }));
    expect(widths.scroll).toBeLessThanOrEqual(360);
    expect(widths.font).toBeGreaterThanOrEqual(16);
    await page.screenshot({
      path: path.join(ARTIFACTS, 'notice-page-360x740.png'),
      fullPage: true,
    });

    const qr = await fetch(`${h.baseUrl}/n/${created.body.publicId}/qr.png`);
    expect(qr.status).toBe(200);
    const png = Buffer.from(await qr.arrayBuffer());
    await writeFile(path.join(ARTIFACTS, 'notice-qr.png'), png);
    // PNG header: width and height (big-endian) at bytes 16 and 20; a square code.
    expect(png.readUInt32BE(16)).toBe(png.readUInt32BE(20));
    await page.goto(`${h.baseUrl}/n/${created.body.publicId}/qr.png`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'notice-qr-360x740.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
