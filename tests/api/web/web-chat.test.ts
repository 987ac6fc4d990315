import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/api-harness.js';
import { launchBrowser } from '../../support/browser.js';
import { startChatHarness } from '../../support/chat-harness.js';

/*
 * The web chat in headless Chromium (tests/support/browser.ts: Debian's, else the npm-shipped one): type a question,
 * see the answer, click a choice, see the follow-up. Screenshots go to test-artifacts/.
 */

const ARTIFACTS = path.resolve('test-artifacts');

let app: Harness;
let browser: Browser;

beforeAll(async () => {
  app = await startChatHarness();
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('web chat page', () => {
  it('answers a question, offers choices, and follows the clicked one', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const alerts: string[] = [];
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await page.goto(app.baseUrl + '/');
    await expect(page.title()).resolves.toBe('Trợ lý Một cửa');

    const ask = async (text: string) => {
      const before = await page.locator('.msg.bot:not(.typing)').count();
      await page.fill('#q', text);
      await page.click('form button[type=submit]');
      await page.waitForFunction(
        (n) => document.querySelectorAll('.msg.bot:not(.typing)').length > n,
        before,
      );
      return page.locator('.msg.bot:not(.typing)').last();
    };

    const answer = await ask('đăng ký kết hôn cần giấy tờ gì');
    await expect(answer.getAttribute('data-code')).resolves.toBe('1.000894');
    await expect(answer.innerText()).resolves.toContain('1.000894');
    await expect(
      answer.locator('a[href^="https://dichvucong.gov.vn/"]').count(),
    ).resolves.toBeGreaterThan(0);
    // Kết hôn can be filed online: the answer links to its form in the mini-app.
    const apply = answer.locator('a.apply');
    await expect(apply.innerText()).resolves.toBe('Nộp hồ sơ trực tuyến');
    await expect(apply.getAttribute('href')).resolves.toBe('/miniapp/#/apply/1.000894');

    const choices = await ask('xin trích lục');
    const buttons = choices.locator('.choices button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(2);
    const label = (await buttons.nth(0).innerText()).trim();
    const before = await page.locator('.msg.bot:not(.typing)').count();
    await buttons.nth(0).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.msg.bot:not(.typing)').length > n,
      before,
    );
    const followUp = page.locator('.msg.bot:not(.typing)').last();
    await expect(followUp.getAttribute('data-answered')).resolves.toBe('true');
    await expect(page.locator('.msg.user').last().innerText()).resolves.toBe(label);

    const injected = await ask('<img src=x onerror=alert(1)><script>alert(2)</script>');
    await expect(injected.innerText()).resolves.not.toContain('<script>');
    await expect(page.locator('.msg img, .msg script').count()).resolves.toBe(0);
    expect(alerts).toEqual([]);

    await page.screenshot({ path: path.join(ARTIFACTS, 'web-chat.png'), fullPage: true });
    await page.close();
  });
  it('keeps the start of each new answer in view on a 360×740 phone (screenshots)', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(app.baseUrl + '/');
    const cases: Array<[string, string, string]> = [
      ['làm giấy khai sinh cho con cần những gì', '1.001193', 'answer-khai-sinh-documents-360'],
      ['đăng ký tạm trú lệ phí bao nhiêu', '1.004194', 'answer-tam-tru-fee-360'],
      ['tặng cho đất cho con', '1.115538', 'answer-land-gift-360'],
    ];
    for (const [question, code, shot] of cases) {
      const before = await page.locator('.msg.bot:not(.typing)').count();
      await page.fill('#q', question);
      await page.click('form button[type=submit]');
      await page.waitForFunction(
        (n) => document.querySelectorAll('.msg.bot:not(.typing)').length > n,
        before,
      );
      const answer = page.locator('.msg.bot:not(.typing)').last();
      await expect(answer.getAttribute('data-code')).resolves.toBe(code);
      // Let the smooth layout settle, then check what a resident sees: the answer's first line (the
      // procedure name and code) is inside the 740-px screen, not scrolled away above or below.
      await page.waitForTimeout(150);
      const line = await answer.evaluate((el) => {
        // Where the answer's first characters (the procedure name) are drawn on screen.
        const range = document.createRange();
        const first = el.firstChild!;
        range.setStart(first, 0);
        range.setEnd(first, Math.min(20, first.textContent?.length ?? 0));
        const r = range.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
      expect(line.top).toBeGreaterThanOrEqual(0);
      expect(line.bottom).toBeLessThanOrEqual(740);
      await expect(answer.innerText()).resolves.toContain(`mã ${code}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `${shot}.png`) });
    }
    await page.close();
  }, 120_000);

  it('takes a whole letter in a growing box, sent with Enter, on a 360×740 phone', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(app.baseUrl + '/');
    // 761 characters asking at the end: the old one-line box kept only the first 500.
    const letter =
      'Chào anh chị ở bộ phận một cửa. Gia đình tôi quê ở xã Xuân Phú, huyện Thọ Xuân. Năm 2015 hai vợ chồng tôi ra thành phố Thanh Hóa làm ăn, lúc đầu thuê trọ ở phường Đông Thọ, sau đó chuyển sang thuê nhà nguyên căn gần chợ Vườn Hoa để tiện buôn bán. Hai cháu nhà tôi đều học ở trường gần nhà, mỗi năm đầu năm học lại phải đi xin giấy xác nhận tạm trú rất vất vả. Đầu năm nay chúng tôi dành dụm được ít tiền, vay thêm họ hàng, mua được một căn hộ chung cư nhỏ ở phường Quảng Thắng, đã được cấp giấy chứng nhận mang tên hai vợ chồng. Cả nhà đã dọn về ở được hai tháng, điện nước đã đứng tên chúng tôi. Ở quê vẫn còn nhà của bố mẹ tôi, bố mẹ tôi vẫn ở đó. Nay tôi muốn đăng ký thường trú cho cả gia đình bốn người vào căn hộ mới thì cần những giấy tờ gì và nộp ở đâu?';
    const box = page.locator('#q');
    const oneLine = await box.evaluate((el) => el.getBoundingClientRect().height);
    await box.fill(letter);
    const grown = await box.evaluate((el) => el.getBoundingClientRect().height);
    expect(grown).toBeGreaterThan(oneLine * 2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-chat-letter-typed.png') });
    await box.press('Enter');
    const answer = page.locator('.msg.bot:not(.typing)').nth(1);
    await answer.waitFor();
    await expect(answer.getAttribute('data-code')).resolves.toBe('1.004222');
    await expect(page.locator('.msg.user').last().innerText()).resolves.toContain(
      'đăng ký thường trú cho cả gia đình',
    );
    // The box is empty and one line again, ready for the next message.
    await expect(box.inputValue()).resolves.toBe('');
    expect(await box.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(oneLine + 4);
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-chat-letter-answer.png') });
    await page.close();
  }, 60_000);
});
