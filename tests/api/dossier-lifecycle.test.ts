import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSITIONS, type ActorRole } from '../../api/dossiers/status.js';
import { addWorkingDays } from '../../api/dossiers/working-days.js';
import { DOSSIER_STATUSES, type DossierStatus } from '../../common/dossier-schema.js';
import { todayInVietnam } from '../../common/vietnam-id.js';
import { newKey, startHarness, type Harness } from '../support/api-harness.js';
import {
  COMMUNE_X,
  inlineBirthCertificate,
  khaiSinhPayload,
  PDF_BYTES,
} from '../support/dossier-fixtures.js';

let h: Harness;
let resident: string;
let officer: string;
let admin: string;

beforeAll(async () => {
  h = await startHarness();
  officer = await h.officer(COMMUNE_X, 'officer');
  admin = await h.officer(COMMUNE_X, 'admin');
  resident = await h.resident('Lê Văn An');
  await h.linkChat(resident, '10001');
});
afterAll(() => h?.close());

async function submit(): Promise<string> {
  const res = await h.request('POST', '/api/dossiers', {
    token: resident,
    json: {
      ...khaiSinhPayload({ notify: { channel: 'telegram' } }),
      attachments: [inlineBirthCertificate()],
    },
    headers: { 'idempotency-key': newKey() },
  });
  expect(res.status).toBe(201);
  return res.body.dossier.reference;
}

/** Body a transition needs to be complete (reason, missing documents). */
function bodyFor(to: DossierStatus): Record<string, unknown> {
  return {
    to,
    ...(to === 'KHONG_DUOC_TIEP_NHAN' || to === 'DUNG_XU_LY'
      ? { note: 'Hồ sơ không thuộc thẩm quyền' }
      : {}),
    ...(to === 'YEU_CAU_BO_SUNG'
      ? { missingDocuments: ['Bản sao Giấy chứng nhận kết hôn của cha mẹ'] }
      : {}),
    ...(to === 'YEU_CAU_THUC_HIEN_NVTC' ? { feeAmountVnd: 8000 } : {}),
  };
}

const tokenFor = (role: ActorRole) =>
  role === 'resident' ? resident : role === 'admin' ? admin : officer;

/** Shortest path of allowed moves from MOI_DANG_KY to `target`, with who makes each. */
function pathTo(target: DossierStatus): { to: DossierStatus; role: ActorRole }[] {
  const queue: { status: DossierStatus; path: { to: DossierStatus; role: ActorRole }[] }[] = [
    { status: 'MOI_DANG_KY', path: [] },
  ];
  const seen = new Set<DossierStatus>(['MOI_DANG_KY']);
  while (queue.length > 0) {
    const { status, path } = queue.shift()!;
    if (status === target) return path;
    for (const [to, roles] of Object.entries(TRANSITIONS[status]) as [
      DossierStatus,
      ActorRole[],
    ][]) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push({
        status: to,
        path: [...path, { to, role: roles.includes('officer') ? 'officer' : roles[0]! }],
      });
    }
  }
  throw new Error(`unreachable ${target}`);
}

async function move(reference: string, to: DossierStatus, role: ActorRole) {
  return h.request('POST', `/api/dossiers/${reference}/transitions`, {
    token: tokenFor(role),
    json: bodyFor(to),
  });
}

const allowed = (Object.keys(TRANSITIONS) as DossierStatus[]).flatMap((from) =>
  (Object.entries(TRANSITIONS[from]) as [DossierStatus, ActorRole[]][]).flatMap(([to, roles]) =>
    roles.filter((r) => r !== 'system').map((role) => ({ from, to, role })),
  ),
);

describe('status transitions', () => {
  it.each(allowed)('$from → $to by $role is allowed', async ({ from, to, role }) => {
    const reference = await submit();
    const back = from === 'YEU_CAU_BO_SUNG' && (to === 'MOI_DANG_KY' || to === 'DANG_XU_LY');
    // Leaving YEU_CAU_BO_SUNG returns to DANG_XU_LY only if the desk had received the dossier.
    const steps: { to: DossierStatus; role: ActorRole }[] = back
      ? [
          ...(to === 'DANG_XU_LY'
            ? [{ to: 'DUOC_TIEP_NHAN' as const, role: 'officer' as const }]
            : []),
          { to: 'YEU_CAU_BO_SUNG', role: 'officer' },
        ]
      : pathTo(from);
    for (const step of steps) expect((await move(reference, step.to, step.role)).status).toBe(200);
    let res;
    if (back && role === 'resident') {
      // Residents leave YEU_CAU_BO_SUNG by supplementing, not through /transitions.
      const form = new FormData();
      form.append('payload', JSON.stringify({ note: 'Đã bổ sung' }));
      form.append('bo_sung', new Blob([new Uint8Array(PDF_BYTES)]), 'bo-sung.pdf');
      res = await h.request('POST', `/api/dossiers/${reference}/supplements`, {
        token: resident,
        body: form,
      });
    } else {
      res = await move(reference, to, role);
    }
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(to);
    expect(res.body.dvcqgStatus).toBe(DOSSIER_STATUSES[to].dvcqg);
    expect(res.body.history.at(-1)).toMatchObject({
      status: to,
      by: role === 'resident' ? 'Công dân' : expect.stringMatching(/^Cán bộ/),
    });
  });

  it('returns a supplemented dossier to where it was, not elsewhere', async () => {
    const notReceived = await submit();
    await move(notReceived, 'YEU_CAU_BO_SUNG', 'officer');
    expect((await move(notReceived, 'DANG_XU_LY', 'officer')).status).toBe(409);
    const received = await submit();
    await move(received, 'DUOC_TIEP_NHAN', 'officer');
    await move(received, 'YEU_CAU_BO_SUNG', 'officer');
    expect((await move(received, 'MOI_DANG_KY', 'officer')).status).toBe(409);
  });

  it.each([
    ['MOI_DANG_KY', 'DA_TRA_KET_QUA', 'officer'],
    ['MOI_DANG_KY', 'DANG_XU_LY', 'officer'],
    ['MOI_DANG_KY', 'DA_XU_LY_XONG', 'admin'],
    ['DUOC_TIEP_NHAN', 'MOI_DANG_KY', 'officer'],
    ['DANG_XU_LY', 'DUOC_TIEP_NHAN', 'officer'],
    ['DA_XU_LY_XONG', 'DANG_XU_LY', 'officer'],
    ['DA_TRA_KET_QUA', 'DANG_XU_LY', 'admin'],
    ['KHONG_DUOC_TIEP_NHAN', 'DUOC_TIEP_NHAN', 'officer'],
    ['CONG_DAN_YEU_CAU_RUT', 'DANG_XU_LY', 'officer'],
  ] as [DossierStatus, DossierStatus, ActorRole][])(
    '%s → %s by %s is refused with 409',
    async (from, to, role) => {
      const reference = await submit();
      for (const step of pathTo(from))
        expect((await move(reference, step.to, step.role)).status).toBe(200);
      const res = await move(reference, to, role);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(res.body.error.message).toMatch(/^Không thể chuyển hồ sơ từ "/);
      const after = await h.request('GET', `/api/dossiers/${reference}`, { token: officer });
      expect(after.body.status).toBe(from);
    },
  );

  it('keeps roles apart: residents only withdraw, only admins stop processing', async () => {
    const reference = await submit();
    const byResident = await move(reference, 'DUOC_TIEP_NHAN', 'resident');
    expect(byResident.status).toBe(403);
    await move(reference, 'DUOC_TIEP_NHAN', 'officer');
    const stopByOfficer = await move(reference, 'DUNG_XU_LY', 'officer');
    expect(stopByOfficer.status).toBe(403);
    expect(stopByOfficer.body.error.message).toMatch(/lãnh đạo/);
  });

  it('requires a reason to refuse or stop, and the missing documents to ask for a supplement', async () => {
    const reference = await submit();
    const refuse = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
      token: officer,
      json: { to: 'KHONG_DUOC_TIEP_NHAN' },
    });
    expect(refuse.status).toBe(400);
    expect(refuse.body.error.fields.note).toMatch(/lý do/);
    const supplement = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
      token: officer,
      json: { to: 'YEU_CAU_BO_SUNG' },
    });
    expect(supplement.status).toBe(400);
    expect(supplement.body.error.fields.missingDocuments).toMatch(/giấy tờ/);
    const unknown = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
      token: officer,
      json: { to: 'DA_DUYET' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.to).toMatch(/Vui lòng chọn một trong/);
  });

  it('refuses a stale expectedVersion', async () => {
    const reference = await submit();
    const current = await h.request('GET', `/api/dossiers/${reference}`, { token: officer });
    await move(reference, 'DUOC_TIEP_NHAN', 'officer');
    const stale = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
      token: officer,
      json: { to: 'DANG_XU_LY', expectedVersion: current.body.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });
});

describe('supplement loop and appointment dates', () => {
  it('asks for documents, takes them, and sets a new appointment date counted in working days', async () => {
    const reference = await submit();
    const received = await move(reference, 'DUOC_TIEP_NHAN', 'officer');
    const today = todayInVietnam(h.clock.now());
    expect(received.body.appointmentDate).toBe(addWorkingDays(today, 1));
    expect(received.body.receivedAt).not.toBeNull();
    await move(reference, 'DANG_XU_LY', 'officer');

    const asked = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
      token: officer,
      json: {
        to: 'YEU_CAU_BO_SUNG',
        missingDocuments: ['Giấy chứng sinh bản rõ nét', 'Văn bản ủy quyền'],
        note: 'Ảnh bị mờ',
      },
    });
    expect(asked.status).toBe(200);
    expect(asked.body.missingDocuments).toEqual(['Giấy chứng sinh bản rõ nét', 'Văn bản ủy quyền']);
    expect(asked.body.appointmentDate).toBeNull();

    // Resident sees what is missing (officer usernames stay hidden from residents).
    const seen = await h.request('GET', `/api/dossiers/${reference}`, { token: resident });
    expect(seen.body.status).toBe('YEU_CAU_BO_SUNG');
    expect(seen.body.history.at(-1)).toMatchObject({ by: 'Cán bộ một cửa', note: 'Ảnh bị mờ' });

    h.clock.advanceDays(3);
    const form = new FormData();
    form.append('payload', JSON.stringify({ note: 'Gửi lại ảnh rõ' }));
    form.append('giay_chung_sinh', new Blob([new Uint8Array(PDF_BYTES)]), 'giay-chung-sinh-ro.pdf');
    form.append('van_ban_uy_quyen', new Blob([new Uint8Array(PDF_BYTES)]), 'uy-quyen.pdf');
    const supplied = await h.request('POST', `/api/dossiers/${reference}/supplements`, {
      token: resident,
      body: form,
    });
    expect(supplied.status).toBe(200);
    expect(supplied.body.status).toBe('DANG_XU_LY');
    expect(supplied.body.missingDocuments).toEqual([]);
    expect(supplied.body.appointmentDate).toBe(addWorkingDays(todayInVietnam(h.clock.now()), 1));
    expect(supplied.body.attachments).toHaveLength(3);
    expect(supplied.body.history.at(-1)).toMatchObject({
      action: 'BO_SUNG_HO_SO',
      by: 'Công dân',
      note: 'Gửi lại ảnh rõ',
    });

    const again = await h.request('POST', `/api/dossiers/${reference}/supplements`, {
      token: resident,
      json: { note: 'lần nữa' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOT_AWAITING_SUPPLEMENT');

    const done = await move(reference, 'DA_XU_LY_XONG', 'officer');
    expect(done.body.status).toBe('DA_XU_LY_XONG');
    const returned = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
      token: officer,
      json: { to: 'DA_TRA_KET_QUA', resultDelivery: 'buu_chinh' },
    });
    expect(returned.body).toMatchObject({ status: 'DA_TRA_KET_QUA', resultDelivery: 'buu_chinh' });
    expect(returned.body.completedAt).not.toBeNull();
  });

  it('sends the resident a notice for each step, once each', async () => {
    const before = h.telegram.sent.length;
    const reference = await submit();
    await move(reference, 'DUOC_TIEP_NHAN', 'officer');
    await h.request('POST', `/api/dossiers/${reference}/transitions`, {
      token: officer,
      json: {
        to: 'YEU_CAU_BO_SUNG',
        missingDocuments: ['Giấy tờ tùy thân của người đi khai sinh'],
      },
    });
    const sent = await h.telegram.waitFor(before + 3);
    const mine = sent.filter((n) => n.text.includes(reference));
    expect(mine.map((n) => n.text)).toEqual([
      expect.stringContaining('đã được gửi đến'),
      expect.stringContaining('đã được tiếp nhận'),
      expect.stringContaining('- Giấy tờ tùy thân của người đi khai sinh'),
    ]);
    expect(new Set(mine.map((n) => n.idempotencyKey)).size).toBe(3);
    for (const n of mine) {
      expect(n.recipient).toBe('10001');
      expect(n.text).not.toMatch(/038090012345|0912345678/);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(h.telegram.sent.filter((n) => n.text.includes(reference))).toHaveLength(3);
  });
});
