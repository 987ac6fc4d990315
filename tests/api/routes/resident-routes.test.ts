import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startHarness, type Harness } from '../../support/api-harness.js';
import {
  COMMUNE_X,
  khaiSinhFormData,
  khaiSinhPayload,
  PDF_BYTES,
} from '../../support/dossier-fixtures.js';

/*
 * The mini-app's own API: in-app notices for every status change, ratings after the result, the phone
 * exchange with Zalo (against the local fake graph), the trial sign-in switch, and the form check.
 */

const SECRET = 'zalo-app-secret-for-tests';

async function submit(h: Harness, token: string) {
  const form = new FormData();
  form.append('payload', JSON.stringify(khaiSinhPayload({ notify: { channel: 'none' } })));
  form.append('giay_chung_sinh', new Blob([PDF_BYTES], { type: 'application/pdf' }), 'gcs.pdf');
  const res = await h.request('POST', '/api/dossiers', {
    token,
    body: form,
    headers: { 'Idempotency-Key': newKey() },
  });
  expect(res.status).toBe(201);
  return res.body.dossier.reference as string;
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  return read();
}

describe('resident routes (Zalo configured)', () => {
  let h: Harness;
  let officer: string;
  beforeAll(async () => {
    h = await startHarness({ env: { ZALO_APP_SECRET: SECRET } });
    officer = await h.officer(COMMUNE_X);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('puts every status change in the resident in-app notice list, even with no bot channel', async () => {
    const resident = await h.resident();
    const reference = await submit(h, resident);
    for (const to of ['DUOC_TIEP_NHAN', 'DANG_XU_LY']) {
      const r = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
        token: officer,
        json: { to },
      });
      expect(r.status).toBe(200);
    }
    const notices = await waitFor(
      () => h.request('GET', '/api/me/notices', { token: resident }),
      (r) => r.body.items?.length === 3,
    );
    expect(notices.status).toBe(200);
    expect(notices.body.unread).toBe(3);
    expect(notices.body.items.map((n: { reference: string }) => n.reference)).toEqual([
      reference,
      reference,
      reference,
    ]);
    expect(notices.body.items[0].text).toContain('đang được xử lý');
    expect(notices.body.items[1].text).toContain('đã được tiếp nhận');
    expect(notices.body.items[2].text).toContain(reference);

    // Another resident sees none of them.
    const other = await h.resident();
    const theirs = await h.request('GET', '/api/me/notices', { token: other });
    expect(theirs.body.items).toEqual([]);

    const read = await h.request('POST', '/api/me/notices/read', {
      token: resident,
      json: { upToId: notices.body.items[0].id },
    });
    expect(read.body.unread).toBe(0);
    // The dispatcher running again records nothing twice.
    await h.runtime.dispatcher.runOnce();
    const again = await h.request('GET', '/api/me/notices', { token: resident });
    expect(again.body.items).toHaveLength(3);
  });

  it('accepts a 1–5 rating with a comment only after the result, for the owner only', async () => {
    const resident = await h.resident();
    const reference = await submit(h, resident);
    const early = await h.request('POST', `/api/dossiers/${reference}/rating`, {
      token: resident,
      json: { stars: 5 },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('sau khi hồ sơ đã có kết quả');
    for (const to of ['DUOC_TIEP_NHAN', 'DANG_XU_LY', 'DA_XU_LY_XONG', 'DA_TRA_KET_QUA']) {
      const r = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
        token: officer,
        json: { to },
      });
      expect(r.status).toBe(200);
    }
    const bad = await h.request('POST', `/api/dossiers/${reference}/rating`, {
      token: resident,
      json: { stars: 6 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.stars).toBe('Vui lòng chọn từ 1 đến 5 sao.');
    const stranger = await h.resident();
    const theirs = await h.request('POST', `/api/dossiers/${reference}/rating`, {
      token: stranger,
      json: { stars: 1 },
    });
    expect(theirs.status).toBe(404);
    const ok = await h.request('POST', `/api/dossiers/${reference}/rating`, {
      token: resident,
      json: { stars: 4, comment: '  Cán bộ hướng dẫn tận tình.  ' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.rating).toMatchObject({ stars: 4, comment: 'Cán bộ hướng dẫn tận tình.' });
    const read = await h.request('GET', `/api/dossiers/${reference}/rating`, { token: resident });
    expect(read.body).toMatchObject({ canRate: true, rating: { stars: 4 } });
  });

  it('exchanges a Zalo phone token for the number, only with the resident own access token', async () => {
    const accessToken = 'zalo-access-phone-1';
    h.zalo.addUser(accessToken, { id: '880001', name: 'Trần Thị Hoa' });
    const signIn = await h.request('POST', '/api/auth/zalo', { token: accessToken });
    const session = signIn.body.token as string;
    h.zalo.addPhoneToken('phone-code-1', accessToken, '84912345678', SECRET);

    const r = await h.request('POST', '/api/me/phone', {
      token: session,
      json: { accessToken, phoneToken: 'phone-code-1' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ phone: '0912345678' });
    expect(h.zalo.paths).toContain('/v2.0/me/info');

    // Single use: the same code again is refused with a Vietnamese message.
    const reused = await h.request('POST', '/api/me/phone', {
      token: session,
      json: { accessToken, phoneToken: 'phone-code-1' },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error.message).toContain('nhập số điện thoại');

    // Someone else's access token cannot be used to read their number.
    const otherToken = 'zalo-access-phone-2';
    h.zalo.addUser(otherToken, { id: '880002', name: 'Người khác' });
    h.zalo.addPhoneToken('phone-code-2', otherToken, '84987654321', SECRET);
    const stolen = await h.request('POST', '/api/me/phone', {
      token: session,
      json: { accessToken: otherToken, phoneToken: 'phone-code-2' },
    });
    expect(stolen.status).toBe(403);
  });

  it('has no trial sign-in when Zalo credentials are configured', async () => {
    const options = await h.request('GET', '/api/auth/options');
    expect(options.body.trial).toBe(false);
    const r = await h.request('POST', '/api/auth/trial', {
      json: { fullName: 'Thử', phone: '0912345678', deviceKey: 'd'.repeat(30) },
    });
    expect(r.status).toBe(404);
  });

  it('checks form answers with the API rules without storing anything', async () => {
    const r = await h.request('POST', '/api/forms/1.001193/check', {
      json: { formData: { requesterCccd: '12345' }, documents: [] },
    });
    expect(r.body.ok).toBe(false);
    expect(r.body.fields.requesterCccd).toBe(
      'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.',
    );
    const noFile = await h.request('POST', '/api/forms/1.001193/check', {
      json: { formData: khaiSinhFormData(), documents: [] },
    });
    expect(noFile.body).toEqual({
      ok: false,
      fields: { 'documents.giay_chung_sinh': expect.stringContaining('Vui lòng đính kèm') },
    });
    const ok = await h.request('POST', '/api/forms/1.001193/check', {
      json: { formData: khaiSinhFormData(), documents: ['giay_chung_sinh'] },
    });
    expect(ok.body).toEqual({ ok: true, fields: {} });
  });

  it('lists the communes that receive dossiers online', async () => {
    const r = await h.request('GET', '/api/online-communes');
    expect(r.body.items).toContainEqual(expect.objectContaining({ code: COMMUNE_X }));
    expect(r.body.items.find((c: { code: string }) => c.code === COMMUNE_X).name).toBeTruthy();
  });
});

describe('trial sign-in (no Zalo credentials, development)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.officer(COMMUNE_X);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signs in with a name and phone, marks dossiers as trial, and keeps them per device', async () => {
    const options = await h.request('GET', '/api/auth/options');
    expect(options.body.trial).toBe(true);
    const bad = await h.request('POST', '/api/auth/trial', {
      json: { fullName: 'Lê Văn An', phone: '12345', deviceKey: 'device-key-0123456789abcdef' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.phone).toContain('Số điện thoại di động không hợp lệ');
    const signIn = () =>
      h.request('POST', '/api/auth/trial', {
        json: {
          fullName: 'Lê Văn An',
          phone: '0912 345 678',
          deviceKey: 'device-key-0123456789abcdef',
        },
      });
    const first = await signIn();
    expect(first.status).toBe(200);
    expect(first.body.subject.id).toMatch(/^trial:/);
    const reference = await submit(h, first.body.token);
    const second = await signIn();
    const list = await h.request('GET', '/api/dossiers', { token: second.body.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ reference, trial: true });
  });

  it('is off in production', async () => {
    const prod = await startHarness({ env: { NODE_ENV: 'production' } });
    try {
      expect((await prod.request('GET', '/api/auth/options')).body.trial).toBe(false);
    } finally {
      await prod.close();
    }
  });
});
