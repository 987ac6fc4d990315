import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../api/auth/password.js';
import { upsertOfficer } from '../../../api/store/officer-repository.js';
import { todayInVietnam } from '../../../common/vietnam-id.js';
import { newKey, startHarness, type Harness } from '../../support/api-harness.js';
import {
  COMMUNE_X,
  COMMUNE_Y,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../../support/dossier-fixtures.js';

/*
 * The officer console's API: server-side sessions (sign-out, idle timeout), the inbox (views, search,
 * counts, paging), routing Công an procedures to the commune police desk, the appointment date on a
 * unit-less procedure (and the late check using it), accounts with their audit log, CSV export.
 */

let h: Harness;
let resident: string;

let logins = 0;
async function login(username: string, password: string) {
  // Each sign-in from its own address: the per-IP login limit is not what these tests are about.
  return h.request('POST', '/api/officer/login', {
    json: { username, password },
    headers: { 'x-forwarded-for': `10.0.0.${++logins}` },
  });
}

async function makeOfficer(
  communeCode: string,
  role: 'officer' | 'admin',
  desk = 'mot_cua',
  displayName: string | null = null,
): Promise<string> {
  const username = `cb${Math.random().toString(36).slice(2, 10)}`;
  const password = 'mat-khau-rat-dai-1';
  const { officer } = await upsertOfficer(h.runtime.store.db, {
    username,
    passwordHash: await hashPassword(password),
    communeCode,
    role,
    displayName,
  });
  await h.runtime.store.db.query('UPDATE officers SET desk = $2 WHERE id = $1', [officer.id, desk]);
  const res = await login(username, password);
  expect(res.status).toBe(200);
  return res.body.token;
}

async function submitKhaiSinh(name = 'Lê Văn An', phone = '0912345678'): Promise<string> {
  const res = await h.request('POST', '/api/dossiers', {
    token: resident,
    json: {
      ...khaiSinhPayload({ applicant: { fullName: name, phone } }),
      attachments: [inlineBirthCertificate()],
    },
    headers: { 'idempotency-key': newKey() },
  });
  expect(res.status).toBe(201);
  return res.body.dossier.reference;
}

async function submitThuongTru(): Promise<string> {
  const res = await h.request('POST', '/api/dossiers', {
    token: resident,
    json: {
      ...khaiSinhPayload({
        procedureCode: '1.004222',
        formData: {
          fullName: 'Lê Văn An',
          dateOfBirth: '1990-05-12',
          sex: 'Nam',
          cccd: '038090012345',
          householdHeadName: 'Lê Văn Bình',
          relationToHead: 'Con',
          householdHeadCccd: '038060012345',
          newAddress: 'Thôn 3, xã Minh Sơn, tỉnh Thanh Hóa',
          residenceKind: 'Chỗ ở hợp pháp thuộc quyền sở hữu của mình',
        },
      }),
      attachments: [
        { ...inlineBirthCertificate(), documentCode: 'giay_to_cho_o_hop_phap' },
        { ...inlineBirthCertificate(), documentCode: 'van_ban_dong_y' },
      ],
    },
    headers: { 'idempotency-key': newKey() },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.dossier.reference;
}

beforeAll(async () => {
  h = await startHarness({ env: { OFFICER_IDLE_TIMEOUT_MINUTES: '5', TRUST_PROXY: 'true' } });
  resident = await h.resident('Lê Văn An');
});
afterAll(() => h?.close());

describe('officer sessions', () => {
  it('signs out for real and closes idle sessions', async () => {
    const token = await makeOfficer(COMMUNE_X, 'officer');
    expect((await h.request('GET', '/api/officer/session', { token })).status).toBe(200);
    expect((await h.request('POST', '/api/officer/logout', { token })).status).toBe(204);
    const after = await h.request('GET', '/api/officer/session', { token });
    expect(after.status).toBe(401);

    const idle = await makeOfficer(COMMUNE_X, 'officer');
    // Six minutes without a request (the timeout is five): the server refuses the session.
    await h.runtime.store.db.query(
      "UPDATE officer_sessions SET last_seen_at = now() - interval '6 minutes' WHERE revoked_at IS NULL",
    );
    const late = await h.request('GET', '/api/officer/inbox', { token: idle });
    expect(late.status).toBe(401);
    expect(late.body.error.message).toMatch(/hết hạn/);
  });
});

describe('inbox', () => {
  it('counts, filters by view, searches by reference, name, phone digits and procedure, pages', async () => {
    const officer = await makeOfficer(COMMUNE_Y, 'officer');
    const a = await submitKhaiSinh('Nguyễn Thị Hoa', '0987001122');
    const b = await submitKhaiSinh('Trần Văn Nam', '0987003344');
    expect(a && b).toBeTruthy();
    // These went to COMMUNE_X: an officer of COMMUNE_Y sees none of them.
    const other = await h.request('GET', '/api/officer/inbox?q=' + a, { token: officer });
    expect(other.body.total).toBe(0);
    expect((await h.request('GET', `/api/officer/dossiers/${a}`, { token: officer })).status).toBe(
      404,
    );

    const mine = await makeOfficer(COMMUNE_X, 'officer');
    const all = await h.request('GET', '/api/officer/inbox?view=moi&pageSize=1', { token: mine });
    expect(all.status).toBe(200);
    expect(all.body.counts.views.moi).toBeGreaterThanOrEqual(2);
    expect(all.body.items).toHaveLength(1);
    expect(all.body.pages).toBe(all.body.total);

    const byRef = await h.request('GET', `/api/officer/inbox?q=${a.toLowerCase()}`, {
      token: mine,
    });
    expect(byRef.body.items.map((i: { reference: string }) => i.reference)).toEqual([a]);
    const byName = await h.request('GET', `/api/officer/inbox?q=${encodeURIComponent('Văn Nam')}`, {
      token: mine,
    });
    expect(byName.body.items.map((i: { reference: string }) => i.reference)).toEqual([b]);
    const byPhone = await h.request('GET', '/api/officer/inbox?q=1122', { token: mine });
    expect(byPhone.body.items.map((i: { reference: string }) => i.reference)).toEqual([a]);
    expect(byPhone.body.items[0].phoneLast4).toBe('1122');
    const byProcedure = await h.request('GET', '/api/officer/inbox?q=1.001193', { token: mine });
    expect(byProcedure.body.total).toBeGreaterThanOrEqual(2);

    const csv = await h.request('GET', '/api/officer/inbox.csv?view=moi', { token: mine });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain('Nguyễn Thị Hoa');
    expect(csv.text).toContain('Mã hồ sơ');
  });
});

describe('routing by agency', () => {
  it('sends a Công an procedure to the commune police desk, invisible to the one-stop desk', async () => {
    const ubnd = await makeOfficer(COMMUNE_X, 'officer', 'mot_cua');
    const police = await makeOfficer(COMMUNE_X, 'officer', 'cong_an');
    const ref = await submitThuongTru();
    expect((await h.request('GET', `/api/officer/dossiers/${ref}`, { token: ubnd })).status).toBe(
      404,
    );
    expect((await h.request('GET', `/api/dossiers/${ref}`, { token: ubnd })).status).toBe(404);
    const list = await h.request('GET', '/api/dossiers?limit=100', { token: ubnd });
    expect(list.body.items.map((i: { reference: string }) => i.reference)).not.toContain(ref);
    const seen = await h.request('GET', `/api/officer/dossiers/${ref}`, { token: police });
    expect(seen.status).toBe(200);
    expect(seen.body.desk.code).toBe('cong_an');

    // A commune without a police desk keeps such dossiers at the one-stop desk.
    const admin = await makeOfficer(COMMUNE_X, 'admin');
    const set = await h.request('PUT', '/api/officer/desks', {
      token: admin,
      json: { desks: ['mot_cua'] },
    });
    expect(set.body.running).toEqual(['mot_cua']);
    const ref2 = await submitThuongTru();
    expect((await h.request('GET', `/api/officer/dossiers/${ref2}`, { token: ubnd })).status).toBe(
      200,
    );
    await h.request('PUT', '/api/officer/desks', {
      token: admin,
      json: { desks: ['mot_cua', 'cong_an'] },
    });
  });
});

describe('appointment date', () => {
  it('is set by the officer on a unit-less procedure (reason required) and the late check uses it', async () => {
    const officer = await makeOfficer(COMMUNE_X, 'officer', 'mot_cua', 'Phạm Thu Hà');
    const res = await h.request('POST', '/api/dossiers', {
      token: resident,
      json: {
        ...khaiSinhPayload({
          procedureCode: '2.000815',
          formData: {
            requesterName: 'Lê Văn An',
            requesterCccd: '038090012345',
            documentName: 'Bằng tốt nghiệp THPT',
            issuingAuthority: 'Sở Giáo dục và Đào tạo Thanh Hóa',
            pageCount: 1,
            copyCount: 2,
          },
        }),
        attachments: [{ ...inlineBirthCertificate(), documentCode: 'ban_chinh' }],
      },
      headers: { 'idempotency-key': newKey() },
    });
    const ref = res.body.dossier.reference;
    const page = await h.request('GET', `/api/officer/dossiers/${ref}`, { token: officer });
    expect(page.body.appointmentNeedsReason).toBe(true);
    expect(page.body.allowedMoves.map((m: { to: string }) => m.to)).toEqual([
      'DUOC_TIEP_NHAN',
      'KHONG_DUOC_TIEP_NHAN',
      'YEU_CAU_BO_SUNG',
    ]);
    await h.request('POST', `/api/dossiers/${ref}/transitions`, {
      token: officer,
      json: { to: 'DUOC_TIEP_NHAN' },
    });
    const tomorrow = todayInVietnam(new Date(h.clock.now().getTime() + 86_400_000));
    const noReason = await h.request('POST', `/api/officer/dossiers/${ref}/appointment`, {
      token: officer,
      json: { date: tomorrow },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toMatch(/không ghi đơn vị/);
    const stale = await h.request('POST', `/api/officer/dossiers/${ref}/appointment`, {
      token: officer,
      json: {
        date: tomorrow,
        reason: 'Chứng thực 2 bản, trả trong ngày làm việc kế tiếp',
        expectedVersion: 1,
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/người khác/);
    const set = await h.request('POST', `/api/officer/dossiers/${ref}/appointment`, {
      token: officer,
      json: { date: tomorrow, reason: 'Chứng thực 2 bản, trả trong ngày làm việc kế tiếp' },
    });
    expect(set.status).toBe(200);
    expect(set.body.appointmentDate).toBe(tomorrow);

    const mine = await h.request('GET', `/api/dossiers/${ref}`, { token: resident });
    expect(mine.body.appointmentDate).toBe(tomorrow);
    expect(mine.body.history.at(-1)).toMatchObject({
      by: 'Cán bộ Phạm Thu Hà',
      note: 'Chứng thực 2 bản, trả trong ngày làm việc kế tiếp',
    });

    h.clock.advanceDays(5);
    try {
      await h.runtime.runLateCheck();
      const apologies = await h.request('GET', '/api/officer/apologies?state=pending', {
        token: officer,
      });
      expect(apologies.body.items.map((a: { reference: string }) => a.reference)).toContain(ref);
      const late = await h.request('GET', '/api/officer/inbox?view=qua_han', { token: officer });
      expect(late.body.items.map((a: { reference: string }) => a.reference)).toContain(ref);
    } finally {
      h.clock.advanceDays(-5);
    }
  });
});

describe('accounts', () => {
  it('an admin creates, edits, resets and deactivates accounts, each change in the audit log', async () => {
    const admin = await makeOfficer(COMMUNE_X, 'admin', 'mot_cua', 'Lê Thị Mai');
    const officer = await makeOfficer(COMMUNE_X, 'officer');
    expect((await h.request('GET', '/api/officer/accounts', { token: officer })).status).toBe(403);

    const weak = await h.request('POST', '/api/officer/accounts', {
      token: admin,
      json: {
        username: 'ca.tuan',
        displayName: 'Đỗ Minh Tuấn',
        password: 'ngan',
        role: 'officer',
        desk: 'cong_an',
      },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.password).toMatch(/10 ký tự/);

    const created = await h.request('POST', '/api/officer/accounts', {
      token: admin,
      json: {
        username: 'ca.tuan',
        displayName: 'Đỗ Minh Tuấn',
        password: 'mat-khau-cong-an-1',
        role: 'officer',
        desk: 'cong_an',
      },
    });
    expect(created.status).toBe(201);
    const signedIn = await login('ca.tuan', 'mat-khau-cong-an-1');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.subject.desk).toBe('cong_an');

    const reset = await h.request('POST', `/api/officer/accounts/${created.body.id}/password`, {
      token: admin,
      json: { password: 'mat-khau-moi-cua-tuan' },
    });
    expect(reset.status).toBe(204);
    // The old session ends with the reset.
    expect(
      (await h.request('GET', '/api/officer/session', { token: signedIn.body.token })).status,
    ).toBe(401);
    expect((await login('ca.tuan', 'mat-khau-moi-cua-tuan')).status).toBe(200);

    const off = await h.request('PATCH', `/api/officer/accounts/${created.body.id}`, {
      token: admin,
      json: { disabled: true },
    });
    expect(off.body.disabled).toBe(true);
    expect((await login('ca.tuan', 'mat-khau-moi-cua-tuan')).status).toBe(401);

    const log = await h.request('GET', '/api/officer/audit', { token: admin });
    const actions = log.body.items.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 3)).toEqual(['khoa_tai_khoan', 'dat_lai_mat_khau', 'tao_tai_khoan']);
    expect(log.body.items[0].actorName).toBe('Lê Thị Mai');
    expect(JSON.stringify(log.body)).not.toContain('mat-khau');
  });
});
