import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, formatVietnameseDate } from '../../api/dossiers/working-days.js';
import { todayInVietnam } from '../../common/vietnam-id.js';
import { newKey, startHarness, type Harness } from '../support/api-harness.js';
import {
  COMMUNE_X,
  COMMUNE_Y,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../support/dossier-fixtures.js';

let h: Harness;
let resident: string;
let officerX: string;
let officerY: string;

beforeAll(async () => {
  h = await startHarness();
  officerX = await h.officer(COMMUNE_X);
  officerY = await h.officer(COMMUNE_Y);
  resident = await h.resident('Lê Văn An');
  await h.linkChat(resident, '10001');
});
afterAll(() => h?.close());

async function receivedDossier(): Promise<{ reference: string; appointmentDate: string }> {
  const res = await h.request('POST', '/api/dossiers', {
    token: resident,
    json: {
      ...khaiSinhPayload({ notify: { channel: 'telegram' } }),
      attachments: [inlineBirthCertificate()],
    },
    headers: { 'idempotency-key': newKey() },
  });
  const reference = res.body.dossier.reference as string;
  const accepted = await h.request('POST', `/api/dossiers/${reference}/transitions`, {
    token: officerX,
    json: { to: 'DUOC_TIEP_NHAN' },
  });
  return { reference, appointmentDate: accepted.body.appointmentDate };
}

describe('late dossiers (Nghị định 118/2025/NĐ-CP)', () => {
  it('drafts an apology with a new date, which an officer confirms and the resident receives', async () => {
    const late = await receivedDossier();
    const waiting = await receivedDossier();
    await h.request('POST', `/api/dossiers/${waiting.reference}/transitions`, {
      token: officerX,
      json: { to: 'YEU_CAU_BO_SUNG', missingDocuments: ['Giấy chứng sinh'] },
    });

    expect(await h.runtime.runLateCheck()).toBe(0);
    h.clock.advanceDays(10);
    expect(await h.runtime.runLateCheck()).toBe(1); // the dossier waiting for the resident is not late
    expect(await h.runtime.runLateCheck()).toBe(0); // one apology per missed date

    const mine = await h.request('GET', '/api/officer/apologies?state=pending', {
      token: officerX,
    });
    expect(mine.status).toBe(200);
    const apology = mine.body.items.find(
      (a: { reference: string }) => a.reference === late.reference,
    );
    const today = todayInVietnam(h.clock.now());
    expect(apology).toMatchObject({
      status: 'pending',
      originalDate: late.appointmentDate,
      proposedDate: addWorkingDays(today, 1),
    });
    expect(apology.letter).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(apology.letter).toContain(formatVietnameseDate(late.appointmentDate));

    const others = await h.request('GET', '/api/officer/apologies', { token: officerY });
    expect(others.body.items).toEqual([]);
    const notMine = await h.request('POST', `/api/officer/apologies/${apology.id}/confirm`, {
      token: officerY,
      json: {},
    });
    expect(notMine.status).toBe(404);
    const byResident = await h.request('POST', `/api/officer/apologies/${apology.id}/confirm`, {
      token: resident,
      json: {},
    });
    expect(byResident.status).toBe(403);

    const pastDate = await h.request('POST', `/api/officer/apologies/${apology.id}/confirm`, {
      token: officerX,
      json: { newAppointmentDate: today },
    });
    expect(pastDate.status).toBe(400);
    expect(pastDate.body.error.fields.newAppointmentDate).toMatch(/ngày làm việc sau hôm nay/);

    const newDate = addWorkingDays(today, 3);
    const sentBefore = h.telegram.sent.length;
    const confirmed = await h.request('POST', `/api/officer/apologies/${apology.id}/confirm`, {
      token: officerX,
      json: { newAppointmentDate: newDate, reason: 'Cần xác minh thông tin nơi sinh' },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', proposedDate: newDate });
    expect(confirmed.body.letter).toContain('Lý do: Cần xác minh thông tin nơi sinh');

    const dossier = await h.request('GET', `/api/dossiers/${late.reference}`, { token: resident });
    expect(dossier.body.appointmentDate).toBe(newDate);
    expect(dossier.body.status).toBe('DUOC_TIEP_NHAN');
    expect(dossier.body.history.at(-1)).toMatchObject({
      action: 'XIN_LOI_HEN_LAI',
      note: 'Cần xác minh thông tin nơi sinh',
    });

    const sent = await h.telegram.waitFor(sentBefore + 1);
    const letter = sent.slice(sentBefore).find((n) => n.text.includes(late.reference));
    expect(letter?.text).toContain(`hẹn trả kết quả vào ngày ${formatVietnameseDate(newDate)}`);

    const again = await h.request('POST', `/api/officer/apologies/${apology.id}/confirm`, {
      token: officerX,
      json: {},
    });
    expect(again.status).toBe(409);

    // Missing the new date too gives a second apology.
    h.clock.advanceDays(10);
    expect(await h.runtime.runLateCheck()).toBe(1);
  });

  it('does not flag dossiers that are finished or have no appointment date', async () => {
    const done = await receivedDossier();
    await h.request('POST', `/api/dossiers/${done.reference}/transitions`, {
      token: officerX,
      json: { to: 'DANG_XU_LY' },
    });
    await h.request('POST', `/api/dossiers/${done.reference}/transitions`, {
      token: officerX,
      json: { to: 'DA_XU_LY_XONG' },
    });
    const noDate = await h.request('POST', '/api/dossiers', {
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
    expect(noDate.status).toBe(201);
    expect(noDate.body.dossier.appointmentDate).toBeNull();
    await h.runtime.runLateCheck();
    h.clock.advanceDays(30);
    await h.runtime.runLateCheck();
    const all = await h.request('GET', '/api/officer/apologies', { token: officerX });
    const refs = all.body.items.map((a: { reference: string }) => a.reference);
    expect(refs).not.toContain(done.reference);
    expect(refs).not.toContain(noDate.body.dossier.reference);
  });
});
