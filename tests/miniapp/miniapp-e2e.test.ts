import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/api-harness.js';
import { COMMUNE_X, PDF_BYTES, PNG_BYTES } from '../support/dossier-fixtures.js';
import { startMiniappHarness } from '../support/miniapp-harness.js';
import { ARTIFACTS, ensureMiniappBuild, launchChromium, phonePage } from './browser.js';

/*
 * The resident's whole path in the mini-app, in headless Chromium at 360×740, against the real API on
 * 127.0.0.1 (so zmp-sdk's localhost mocks never apply), with the fake platform standing in for Zalo
 * and the local fake Zalo graph answering the sign-in and the phone exchange. Any page error fails.
 */

const SECRET = 'e2e-zalo-app-secret';
let h: Harness;
let browser: Browser;
let officer: string;
let shot = 0;

async function screenshot(page: Page, name: string) {
  shot += 1;
  // Let zmp-ui's page transition finish, so the picture is what the resident sees.
  await page.waitForTimeout(450);
  await page.screenshot({
    path: path.join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`),
  });
}

/** The app's own back button (the router is in memory: the browser's back would leave the app). */
async function back(page: Page) {
  await page.click('.zaui-header-back-btn');
}

async function transition(reference: string, body: Record<string, unknown>) {
  const r = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
    token: officer,
    json: body,
  });
  expect(r.status, r.text).toBe(200);
}

/** Fills the birth-registration form the way a resident types (dates as dd/mm/yyyy). */
async function fillKhaiSinh(page: Page) {
  const type = (name: string, value: string) => page.fill(`#f-${name}`, value);
  const pick = (name: string, value: string) => page.selectOption(`#f-${name}`, value);
  await type('requesterDateOfBirth', '12/05/1990');
  await pick('requesterSex', 'Nam');
  await pick('requesterIdType', 'Thẻ căn cước');
  await type('requesterAddress', 'Thôn 3, xã Minh Sơn, tỉnh Thanh Hóa');
  await pick('relationToChild', 'Cha');
  await type('childName', 'Lê Minh Khang');
  await type('childDateOfBirth', '1/10/2025');
  await type(
    'childDateOfBirthInWords',
    'Ngày một tháng mười năm hai nghìn không trăm hai mươi lăm',
  );
  await pick('childSex', 'Nam');
  await pick('childEthnicity', 'Kinh');
  await type('childNationality', 'Việt Nam');
  await type('childPlaceOfBirth', 'Bệnh viện Đa khoa tỉnh Thanh Hóa');
  await type('childHometown', 'Thanh Hóa');
  await type('fatherName', 'Lê Văn An');
  await type('fatherDateOfBirth', '12/05/1990');
  await type('fatherCccd', '038090012345');
  await type('motherName', 'Nguyễn Thị Bình');
  await type('motherDateOfBirth', '20/08/1992');
  await type('motherCccd', '038192054321');
  await page.check('input[name="f-wantsCopies"][value="Có"]');
  await type('copyCount', '2');
}

async function attach(
  page: Page,
  doc: string,
  kind: 'photo' | 'pdf',
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await page.click(`button[data-doc="${doc}"][data-kind="${kind}"]`);
  await (await chooser).setFiles(file);
}

beforeAll(async () => {
  ensureMiniappBuild();
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  h = await startMiniappHarness({
    env: { ZALO_APP_SECRET: SECRET, MAX_ATTACHMENT_BYTES: String(5 * 1024 * 1024) },
  });
  officer = await h.officer(COMMUNE_X);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('mini-app end to end (360×740)', () => {
  it('search → procedure → pre-filled form → field error → attachments → receipt → timeline → supplement → rating', async () => {
    const accessToken = 'zalo-e2e-resident';
    h.zalo.addUser(accessToken, { id: '990001', name: 'Lê Văn An' });
    h.zalo.addPhoneToken('phone-e2e', accessToken, '84912345678', SECRET);
    const { page, errors, blocked } = await phonePage(browser, h.baseUrl, {
      accessToken,
      profile: { name: 'Lê Văn An', avatar: null },
      phoneToken: 'phone-e2e',
    });

    await page.goto(h.baseUrl + '/miniapp/');
    await page.waitForSelector('#q');
    await page.waitForSelector('text=Thủ tục hay làm ở xã, phường');
    await screenshot(page, 'home');

    await page.fill('#q', 'lam giay khai sinh');
    await page.click('form[role=search] button[type=submit]');
    const result = page.locator('section[aria-label="Kết quả tìm kiếm"] .card', {
      hasText: 'Mã 1.001193',
    });
    await result.waitFor();
    await screenshot(page, 'search-results');
    await result.click();

    await page.waitForSelector('h1.procedure-name');
    await expect(page.locator('h1.procedure-name').innerText()).resolves.toContain('khai sinh');
    await expect(page.locator('text=Giấy tờ cần chuẩn bị').count()).resolves.toBe(1);
    await expect(
      page.locator('a[href^="https://dichvucong.gov.vn/"]').count(),
    ).resolves.toBeGreaterThan(0);
    // The resident view: the tờ khai first, the other cases folded under their condition.
    await expect(
      page.locator('.doc-list .doc-item').first().getAttribute('class'),
    ).resolves.toMatch(/doc-form/);
    await expect(page.locator('details.doc-case').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('details.doc-case[open]').count()).resolves.toBe(0);
    await screenshot(page, 'procedure');
    await page.click('.footer >> text=Nộp hồ sơ');

    // Pre-filled from the Zalo profile (name) and the server-side phone exchange.
    await page.waitForSelector('#f-requesterName');
    await expect(page.inputValue('#f-requesterName')).resolves.toBe('Lê Văn An');
    await expect(page.inputValue('#f-applicant-fullName')).resolves.toBe('Lê Văn An');
    await expect(page.inputValue('#f-applicant-phone')).resolves.toBe('0912345678');
    await screenshot(page, 'form-prefilled');

    await page.fill('#f-requesterCccd', '03809001234');
    await page.locator('#f-requesterCccd').blur();
    const cccdError = page.locator('#f-requesterCccd-error');
    await expect(cccdError.innerText()).resolves.toBe(
      'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.',
    );
    await page.locator('#f-requesterCccd').scrollIntoViewIfNeeded();
    await screenshot(page, 'form-cccd-error');
    await page.fill('#f-requesterCccd', '038090012345');
    await page.locator('#f-requesterCccd').blur();
    await expect(cccdError.count()).resolves.toBe(0);

    await fillKhaiSinh(page);
    await attach(page, 'giay_chung_sinh', 'photo', {
      name: 'giay-chung-sinh.png',
      mimeType: 'image/png',
      buffer: PNG_BYTES,
    });
    await attach(page, 'giay_to_tuy_than', 'pdf', {
      name: 'cccd.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await page.waitForSelector('#doc-giay_chung_sinh .files img.thumb');
    await page.waitForSelector('#doc-giay_to_tuy_than .thumb.pdf');
    await page.locator('#doc-giay_chung_sinh').scrollIntoViewIfNeeded();
    await screenshot(page, 'form-attachments');

    await page.click('#submit');
    await page.waitForSelector('.receipt .reference');
    const reference = (await page.locator('.receipt .reference').innerText()).replace(/\s/g, '');
    expect(reference).toMatch(/^[A-Z]{2}[2-9][A-Z]{2}[2-9][A-Z]{2}$/);
    await expect(page.locator('.read-aloud').innerText()).resolves.toContain(' - ');
    await page.waitForSelector('.qr svg');
    await screenshot(page, 'receipt');

    await page.click('.footer >> text=Hồ sơ của tôi');
    const card = page.locator('.card', { hasText: reference.slice(0, 3) });
    await card.waitFor();
    await expect(card.locator('.status').innerText()).resolves.toBe('Mới đăng ký');
    await screenshot(page, 'my-dossiers');

    // An officer receives it: the timeline shows it.
    await transition(reference, { to: 'DUOC_TIEP_NHAN' });
    await card.click();
    await page.waitForSelector('#current-status');
    await expect(page.locator('#current-status').innerText()).resolves.toBe('Được tiếp nhận');
    await expect(page.locator('.timeline li').count()).resolves.toBe(2);
    await screenshot(page, 'timeline-received');

    // A supplement request: the resident sees what is missing and uploads it.
    await transition(reference, { to: 'DANG_XU_LY' });
    await transition(reference, {
      to: 'YEU_CAU_BO_SUNG',
      missingDocuments: ['Bản sao Giấy chứng nhận kết hôn của cha mẹ'],
    });
    await back(page);
    await page.locator('.card', { hasText: reference.slice(0, 3) }).click();
    await page.waitForSelector('text=Cần bổ sung giấy tờ');
    await expect(page.locator('.supplement').innerText()).resolves.toContain(
      'Giấy chứng nhận kết hôn',
    );
    await attach(page, 'bo_sung', 'pdf', {
      name: 'giay-ket-hon.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await page.waitForSelector('.supplement .thumb.pdf');
    await screenshot(page, 'supplement');
    await page.click('#send-supplement');
    await page.waitForFunction(
      () => document.querySelector('#current-status')?.textContent === 'Đang xử lý',
    );
    const dossier = await h.request('GET', `/api/dossiers/${reference}`, { token: officer });
    expect(dossier.body.attachments.map((a: { documentCode: string }) => a.documentCode)).toEqual(
      expect.arrayContaining(['giay_chung_sinh', 'giay_to_tuy_than', 'bo_sung']),
    );
    const photo = dossier.body.attachments.find(
      (a: { documentCode: string }) => a.documentCode === 'giay_chung_sinh',
    );
    expect(photo.contentType).toBe('image/jpeg');

    // The result: the resident rates the service.
    await transition(reference, { to: 'DA_XU_LY_XONG' });
    await transition(reference, { to: 'DA_TRA_KET_QUA' });
    await back(page);
    await page.locator('.card', { hasText: reference.slice(0, 3) }).click();
    await page.waitForSelector('#send-rating');
    await page.click('button[aria-label="5 sao"]');
    await page.fill('#rating-comment', 'Nhanh, cán bộ nhiệt tình.');
    await screenshot(page, 'rating');
    await page.click('#send-rating');
    await page.waitForSelector('text=Cảm ơn bạn đã góp ý.');
    await page.locator('.timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'timeline-done');

    // The in-app notices list every step.
    await back(page);
    await page.click('text=Xem thông báo về hồ sơ');
    await page.waitForSelector('.notices li');
    expect(await page.locator('.notices li').count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'notices');

    expect(errors).toEqual([]);
    expect(blocked.filter((u) => !u.startsWith(h.baseUrl))).toEqual(blocked);
    await page.context().close();
  }, 180_000);

  it('files a tạm trú (CT01) from its procedure page: grouped documents, the form, the receipt', async () => {
    const accessToken = 'zalo-e2e-tam-tru';
    h.zalo.addUser(accessToken, { id: '990003', name: 'Trần Văn Cường' });
    const { page, errors } = await phonePage(browser, h.baseUrl, {
      accessToken,
      profile: { name: 'Trần Văn Cường', avatar: null },
      phoneToken: null,
    });
    await page.goto(h.baseUrl + '/miniapp/#/procedure/1.004194');
    await page.waitForSelector('h1.procedure-name');
    await expect(page.locator('h1.procedure-name').innerText()).resolves.toBe('Đăng ký tạm trú');
    const army = page.locator('details.doc-case', { hasText: 'đơn vị đóng quân' });
    await expect(army.count()).resolves.toBe(1);
    await army.locator('summary').click();
    await expect(army.getAttribute('open')).resolves.toBe('');
    await expect(page.locator('text=Công an cấp Xã').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'tam-tru-procedure');

    await page.click('.footer >> text=Nộp hồ sơ');
    await page.waitForSelector('#f-fullName');
    await expect(page.inputValue('#f-fullName')).resolves.toBe('Trần Văn Cường');
    const type = (name: string, value: string) => page.fill(`#f-${name}`, value);
    const pick = (name: string, value: string) => page.selectOption(`#f-${name}`, value);
    await page.fill('#f-applicant-phone', '0912 345 678');
    await type('dateOfBirth', '12/05/1990');
    await pick('sex', 'Nam');
    await type('cccd', '038090012345');
    await type('householdHeadName', 'Lê Thị Hoa');
    await pick('relationToHead', 'Khác');
    await type('householdHeadCccd', '038170012345');
    await type('newAddress', 'Số 12, thôn Đông, xã Minh Sơn, tỉnh Thanh Hóa');
    const stay = new Date(Date.now() + 300 * 86_400_000);
    await type(
      'stayUntil',
      `${stay.getUTCDate()}/${stay.getUTCMonth() + 1}/${stay.getUTCFullYear()}`,
    );
    await pick('residenceKind', 'Chỗ ở hợp pháp do thuê, mượn, ở nhờ');
    // A picked option is checked as picked (not as the answer before it).
    await expect(page.locator('#f-residenceKind-error').count()).resolves.toBe(0);
    await page.check('#f-headConsent');
    await page.check('#f-ownerConsent');
    await page.locator('#f-stayUntil').scrollIntoViewIfNeeded();
    await screenshot(page, 'tam-tru-form');
    await attach(page, 'giay_to_cho_o_hop_phap', 'pdf', {
      name: 'hop-dong-thue-nha.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await page.waitForSelector('#doc-giay_to_cho_o_hop_phap .thumb.pdf');
    await page.locator('#doc-giay_to_cho_o_hop_phap').scrollIntoViewIfNeeded();
    await screenshot(page, 'tam-tru-attachments');

    await page.click('#submit');
    await page.waitForSelector('.receipt .reference');
    await expect(page.locator('.receipt').innerText()).resolves.toContain('Đăng ký tạm trú');
    await page.waitForSelector('.qr svg');
    await screenshot(page, 'tam-tru-receipt');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a double tap and a connection cut mid-submit give exactly one dossier', async () => {
    const accessToken = 'zalo-e2e-double';
    h.zalo.addUser(accessToken, { id: '990002', name: 'Phạm Thị Mai' });
    const { page, errors } = await phonePage(browser, h.baseUrl, {
      accessToken,
      profile: { name: 'Phạm Thị Mai', avatar: null },
      phoneToken: null,
    });
    await page.goto(h.baseUrl + '/miniapp/#/apply/1.001193');
    await page.waitForSelector('#f-requesterName');
    await expect(page.inputValue('#f-requesterName')).resolves.toBe('Phạm Thị Mai');
    await page.fill('#f-applicant-phone', '0987 654 321');
    await page.fill('#f-requesterCccd', '038090012345');
    await fillKhaiSinh(page);
    await attach(page, 'giay_chung_sinh', 'pdf', {
      name: 'gcs.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await page.waitForSelector('#doc-giay_chung_sinh .thumb.pdf');

    // The first submission reaches the server, but the answer is lost (connection cut).
    let cut = 0;
    await page.route('**/api/dossiers', async (route) => {
      if (route.request().method() === 'POST' && cut === 0) {
        cut += 1;
        await route.fetch(); // the server stores the dossier…
        return route.abort('connectionreset'); // …and the phone never hears back
      }
      return route.continue();
    });
    await page.dblclick('#submit');
    await page.waitForSelector('text=Gửi lại hồ sơ');
    await screenshot(page, 'submit-cut');

    // The draft (with its key) survives a reload; sending again gives the same dossier.
    await page.reload();
    await page.waitForSelector('#submit');
    await expect(page.locator('#submit').innerText()).resolves.toBe('Gửi lại hồ sơ');
    await page.dblclick('#submit');
    await page.waitForSelector('.receipt .reference');
    await screenshot(page, 'submit-retried');

    const signIn = await h.request('POST', '/api/auth/zalo', { token: accessToken });
    const list = await h.request('GET', '/api/dossiers', { token: signIn.body.token });
    expect(list.body.items).toHaveLength(1);
    expect(cut).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
