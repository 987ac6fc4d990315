import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/password.js';
import { upsertOfficer } from '../../api/store/officer-repository.js';
import { createBrowserAppsRouter } from '../../api/web/browser-apps.js';
import { newKey, startHarness, type Harness } from '../support/api-harness.js';
import { launchBrowser } from '../support/browser.js';
import { COMMUNE_X, COMMUNE_Y, khaiSinhPayload, PDF_BYTES } from '../support/dossier-fixtures.js';

/*
 * The officer console in headless Chromium at 1280×800 against the real server (API + the console as
 * built by Vite): a desk officer's whole path for one dossier, an officer of another commune who must
 * not see it, and an admin creating an account that then signs in. Screenshots go to test-artifacts/.
 */

const ARTIFACTS = path.resolve('test-artifacts', 'console');
const PASSWORD = 'mat-khau-can-bo-1';

let h: Harness;
let browser: Browser;
let dist: string;

/** A real-looking scan: a 480×320 PNG (grey page with dark "text" lines), so the viewer shows something. */
function scanPng(width = 480, height = 320): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xf4);
    row[0] = 0;
    const line = y % 24 >= 8 && y % 24 < 14 && y > 30 && y < height - 30;
    for (let x = 0; x < width; x++) {
      const ink = (line && x > 40 && x < width - 40 - ((y * 7) % 90)) || y < 4 || y >= height - 4;
      if (ink) row.fill(0x30, 1 + x * 3, 4 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page A4 PDF with a few lines of text (what a scanned authorisation looks like to the viewer). */
function onePagePdf(): Buffer {
  const text = [
    'VAN BAN UY QUYEN',
    'Nguoi uy quyen: Le Van An',
    'Noi dung: dang ky khai sinh cho con',
  ]
    .map((line, i) => `BT /F1 16 Tf 72 ${760 - i * 28} Td (${line}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function officerAccount(
  communeCode: string,
  role: 'officer' | 'admin',
  displayName: string,
): Promise<string> {
  const username = `cb${Math.random().toString(36).slice(2, 9)}`;
  await upsertOfficer(h.runtime.store.db, {
    username,
    passwordHash: await hashPassword(PASSWORD),
    communeCode,
    role,
    displayName,
  });
  return username;
}

/** Signs in on the page at `path` (a reload forgets the in-memory session; the page stays put). */
async function signIn(page: Page, username: string, password = PASSWORD, path = '/') {
  await page.goto(`${h.baseUrl}/officer${path}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#login-title').waitFor({ state: 'detached' });
  await page.locator('.topbar').waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Bàn làm việc Một cửa' }).waitFor();
}

/** Clicks a move's button, fills what it needs via `fill`, confirms, and waits for the new status. */
async function move(page: Page, label: string, status: string, fill?: () => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await fill?.();
  try {
    await page.getByRole('button', { name: `Xác nhận: ${label}` }).click({ timeout: 10_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(ARTIFACTS, `failed-${label}.png`), fullPage: true });
    throw error;
  }
  await page
    .getByRole('status')
    .filter({ hasText: `Đã thực hiện: ${label}.` })
    .waitFor();
  await expect(page.locator('#dossier-title .badge').innerText()).resolves.toBe(status);
}

beforeAll(async () => {
  // The console as `npm run build:web` builds it, from the current source, served like `npm start` does.
  dist = await mkdtemp(path.join(tmpdir(), 'motcua-console-dist-'));
  await build({
    configFile: path.resolve('console/vite.config.ts'),
    build: { outDir: path.join(dist, 'officer'), emptyOutDir: true },
    logLevel: 'silent',
  });
  h = await startHarness({ extraRouters: [createBrowserAppsRouter(dist)] });
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('officer console', () => {
  it('takes a dossier from the inbox to the returned result, and prints the receipt', async () => {
    const lan = await officerAccount(COMMUNE_X, 'officer', 'Nguyễn Thị Lan');
    const resident = await h.resident('Lê Văn An');
    const submitted = await h.request('POST', '/api/dossiers', {
      token: resident,
      json: {
        ...khaiSinhPayload(),
        attachments: [
          {
            documentCode: 'giay_chung_sinh',
            fileName: 'giay-chung-sinh.png',
            contentBase64: scanPng().toString('base64'),
          },
          {
            documentCode: 'van_ban_uy_quyen',
            fileName: 'uy-quyen.pdf',
            contentBase64: onePagePdf().toString('base64'),
          },
        ],
      },
      headers: { 'idempotency-key': newKey() },
    });
    expect(submitted.status, submitted.text).toBe(201);
    const reference: string = submitted.body.dossier.reference;

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, lan);
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('Lê Văn An');
    await page.screenshot({ path: path.join(ARTIFACTS, '1-inbox.png') });

    await page.getByRole('link', { name: reference }).click();
    await page.locator('#dossier-title').waitFor();
    // The form's own labels, not field names.
    await expect(page.getByText('Lê Minh Khang').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#form-h').innerText()).resolves.toContain('Tờ khai');

    await page.getByRole('button', { name: /^Xem Giấy chứng sinh/ }).click();
    const img = page.locator('.viewer img');
    await img.waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('.viewer img');
      return el !== null && el.complete && el.naturalWidth === 480;
    });
    await page.screenshot({ path: path.join(ARTIFACTS, '2-dossier-png.png'), fullPage: true });
    await page.getByRole('button', { name: /^Xem Văn bản ủy quyền/ }).click();
    const pdf = page.locator('.viewer iframe.pdf');
    await pdf.waitFor();
    const pdfType = await pdf.evaluate(async (el: HTMLIFrameElement) => {
      const blob = await (await fetch(el.src)).blob();
      return `${blob.type} ${blob.size}`;
    });
    expect(pdfType).toBe(`application/pdf ${onePagePdf().length}`);
    // Let the PDF viewer draw the page before the screenshot.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(ARTIFACTS, '3-dossier-pdf.png') });

    // Only the allowed moves are offered.
    const offered = await page.locator('.actions .buttons button').allInnerTexts();
    expect(offered).toEqual(['Tiếp nhận', 'Từ chối tiếp nhận', 'Yêu cầu bổ sung']);

    await move(page, 'Tiếp nhận', 'Được tiếp nhận');
    await move(page, 'Yêu cầu bổ sung', 'Yêu cầu bổ sung giấy tờ', async () => {
      await page.getByLabel(/Giấy tờ khác hoặc yêu cầu cụ thể/).fill('Ảnh giấy chứng sinh rõ nét');
      await page.getByRole('checkbox', { name: /Văn bản ủy quyền/ }).check();
    });
    await page.screenshot({ path: path.join(ARTIFACTS, '4-supplement-asked.png'), fullPage: true });

    const form = new FormData();
    form.append('payload', JSON.stringify({ note: 'Gửi lại ảnh rõ' }));
    form.append('giay_chung_sinh', new Blob([new Uint8Array(scanPng())]), 'giay-chung-sinh-2.png');
    form.append('van_ban_uy_quyen', new Blob([new Uint8Array(PDF_BYTES)]), 'uy-quyen-2.pdf');
    const supplemented = await h.request('POST', `/api/dossiers/${reference}/supplements`, {
      token: resident,
      body: form,
    });
    expect(supplemented.status, supplemented.text).toBe(200);

    // A reload forgets the in-memory session: the officer signs in again and stays on the dossier.
    await signIn(page, lan, PASSWORD, `/ho-so/${reference}`);
    await page.locator('#dossier-title').waitFor();
    await expect(page.locator('#dossier-title .badge').innerText()).resolves.toBe('Đang xử lý');
    await move(page, 'Đã xử lý xong', 'Đã xử lý xong');
    await move(page, 'Trả kết quả', 'Đã trả kết quả');

    await page.getByRole('link', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }).click();
    const sheet = page.locator('.sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Lê Văn An');
    expect(text).toContain('Thủ tục đăng ký khai sinh');
    expect(text).toContain('Nguyễn Thị Lan');
    expect(text).toContain(reference);
    await page.screenshot({ path: path.join(ARTIFACTS, '5-receipt.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-tools').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The resident's own timeline names the officer at every step.
    const mine = await h.request('GET', `/api/dossiers/${reference}`, { token: resident });
    const steps = mine.body.history.map(
      (x: { status: string; by: string }) => `${x.status} ${x.by}`,
    );
    expect(steps).toEqual([
      'MOI_DANG_KY Công dân',
      'DUOC_TIEP_NHAN Cán bộ Nguyễn Thị Lan',
      'YEU_CAU_BO_SUNG Cán bộ Nguyễn Thị Lan',
      'DANG_XU_LY Công dân',
      'DA_XU_LY_XONG Cán bộ Nguyễn Thị Lan',
      'DA_TRA_KET_QUA Cán bộ Nguyễn Thị Lan',
    ]);
    expect(errors).toEqual([]);

    // An officer of another commune finds nothing, in the console and through the API.
    await page.goto(`${h.baseUrl}/officer/`);
    const other = await officerAccount(COMMUNE_Y, 'officer', 'Hoàng Văn Đức');
    await signIn(page, other);
    await page.getByLabel('Tìm hồ sơ').fill(reference);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('Không có hồ sơ nào trong nhóm này.').waitFor();
    await signIn(page, other, PASSWORD, `/ho-so/${reference}`);
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, '7-other-commune.png') });
    const login = await h.request('POST', '/api/officer/login', {
      json: { username: other, password: PASSWORD },
    });
    const api = await h.request('GET', `/api/officer/dossiers/${reference}`, {
      token: login.body.token,
    });
    expect(api.status).toBe(404);

    // The commune's police desk (Công an xã) does not see a one-stop-desk dossier either.
    const police = await officerAccount(COMMUNE_X, 'officer', 'Lê Văn Bình');
    await h.runtime.store.db.query("UPDATE officers SET desk = 'cong_an' WHERE username = $1", [
      police,
    ]);
    await signIn(page, police);
    await page.getByLabel('Tìm hồ sơ').fill(reference);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('Không có hồ sơ nào trong nhóm này.').waitFor();
    await signIn(page, police, PASSWORD, `/ho-so/${reference}`);
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, '8-other-desk.png') });
    const policeLogin = await h.request('POST', '/api/officer/login', {
      json: { username: police, password: PASSWORD },
    });
    const policeApi = await h.request('GET', `/api/officer/dossiers/${reference}`, {
      token: policeLogin.body.token,
    });
    expect(policeApi.status).toBe(404);
    await page.close();
  }, 180_000);

  it('an admin creates an officer while the server runs, and that officer signs in', async () => {
    const admin = await officerAccount(COMMUNE_X, 'admin', 'Trần Văn Hùng');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByRole('heading', { name: 'Tài khoản cán bộ' }).waitFor();
    await page.getByLabel('Họ và tên').fill('Đỗ Minh Tuấn');
    await page.getByLabel('Tên đăng nhập').fill('ca.tuan');
    await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-cua-tuan');
    await page.getByLabel('Bộ phận', { exact: true }).selectOption('cong_an');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản ca.tuan' }).waitFor();
    await expect(page.locator('ol.timeline').innerText()).resolves.toContain('Tạo tài khoản');
    await page.screenshot({ path: path.join(ARTIFACTS, '6-accounts.png'), fullPage: true });
    await signOut(page);
    await signIn(page, 'ca.tuan', 'mat-khau-cua-tuan');
    await expect(page.locator('.brand').innerText()).resolves.toContain('Công an xã/phường');
    await page.close();
  }, 120_000);
});
