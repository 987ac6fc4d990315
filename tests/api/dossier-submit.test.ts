import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startHarness, type Harness } from '../support/api-harness.js';
import {
  COMMUNE_X,
  EXE_BYTES,
  inlineBirthCertificate,
  JPEG_BYTES,
  khaiSinhFormData,
  khaiSinhPayload,
  PDF_BYTES,
  PNG_BYTES,
} from '../support/dossier-fixtures.js';

let h: Harness;
let resident: string;

beforeAll(async () => {
  h = await startHarness();
  await h.officer(COMMUNE_X);
  resident = await h.resident('Lê Văn An');
});
afterAll(() => h?.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function submitJson(body: unknown, key = newKey(), token = resident) {
  return h.request('POST', '/api/dossiers', {
    token,
    json: body,
    headers: { 'idempotency-key': key },
  });
}

function multipart(
  payload: unknown,
  files: { part: string; name: string; bytes: Buffer; type?: string }[],
) {
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const f of files)
    form.append(
      f.part,
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  return form;
}

/** Every attachment file currently on disk (complete or partial). */
async function filesOnDisk(): Promise<string[]> {
  const root = path.join(h.dataDir, 'attachments');
  const shards = await readdir(root).catch(() => [] as string[]);
  const all: string[] = [];
  for (const shard of shards)
    for (const f of await readdir(path.join(root, shard))) all.push(`${shard}/${f}`);
  return all;
}

describe('POST /api/dossiers', () => {
  it('accepts a JSON submission with a base64 attachment and returns a receipt', async () => {
    const res = await submitJson({ ...khaiSinhPayload(), attachments: [inlineBirthCertificate()] });
    expect(res.status).toBe(201);
    const { dossier, receipt } = res.body;
    expect(dossier.reference).toMatch(/^[A-HJ-NPR-Y]{2}[2-9][A-HJ-NPR-Y]{2}[2-9][A-HJ-NPR-Y]{2}$/);
    expect(res.headers.get('location')).toBe(`/api/dossiers/${dossier.reference}`);
    expect(dossier.status).toBe('MOI_DANG_KY');
    expect(dossier.statusLabel).toBe('Mới đăng ký');
    expect(dossier.appointmentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dossier.attachments).toHaveLength(1);
    expect(dossier.attachments[0]).toMatchObject({
      documentCode: 'giay_chung_sinh',
      contentType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
      sha256: sha256(PDF_BYTES),
    });
    expect(receipt.reference).toBe(dossier.reference);
    expect(receipt.text).toContain(dossier.reference);
    // The receipt names the commune's desk and its administrative centre (commune directory).
    expect(receipt.text).toContain('đã được gửi đến Bộ phận Một cửa UBND xã Minh Sơn.');
    expect(receipt.text).toMatch(/Địa điểm: .+/);
    expect(receipt.resultDelivery).toBe('Nhận tại Bộ phận Một cửa');
  });

  it('accepts multipart/form-data, types files by content and serves them back byte for byte', async () => {
    const form = multipart(khaiSinhPayload(), [
      { part: 'giay_chung_sinh', name: 'scan.jpg', bytes: JPEG_BYTES, type: 'application/pdf' },
      { part: 'giay_to_tuy_than', name: 'cccd mặt trước.png', bytes: PNG_BYTES },
    ]);
    const res = await h.request('POST', '/api/dossiers', {
      token: resident,
      body: form,
      headers: { 'idempotency-key': newKey() },
    });
    expect(res.status).toBe(201);
    const attachments = res.body.dossier.attachments as {
      id: string;
      fileName: string;
      contentType: string;
      sha256: string;
    }[];
    expect(attachments.map((a) => a.contentType).sort()).toEqual(['image/jpeg', 'image/png']);
    const png = attachments.find((a) => a.contentType === 'image/png')!;
    expect(png.fileName).toBe('cccd mặt trước.png');
    const download = await fetch(
      `${h.baseUrl}/api/dossiers/${res.body.dossier.reference}/attachments/${png.id}`,
      {
        headers: { authorization: `Bearer ${resident}` },
      },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
  });

  it('returns the same dossier for a retry with the same Idempotency-Key, and 409 for a different body', async () => {
    const key = newKey();
    const body = { ...khaiSinhPayload(), attachments: [inlineBirthCertificate()] };
    const first = await submitJson(body, key);
    const retry = await submitJson(body, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.dossier.reference).toBe(first.body.dossier.reference);
    const mine = await h.request('GET', '/api/dossiers?limit=100', { token: resident });
    expect(
      mine.body.items.filter(
        (d: { reference: string }) => d.reference === first.body.dossier.reference,
      ),
    ).toHaveLength(1);

    const changed = await submitJson(
      { ...body, applicant: { fullName: 'Lê Văn Ân', phone: '0912345678' } },
      key,
    );
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(changed.body.error.message).toMatch(/Idempotency-Key/);
  });

  it('keeps idempotency keys per resident: the same key from someone else creates their own dossier', async () => {
    const key = newKey();
    const other = await h.resident('Trần Thị Cúc');
    const a = await submitJson(
      { ...khaiSinhPayload(), attachments: [inlineBirthCertificate()] },
      key,
    );
    const b = await submitJson(
      { ...khaiSinhPayload(), attachments: [inlineBirthCertificate()] },
      key,
      other,
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.dossier.reference).not.toBe(a.body.dossier.reference);
  });

  it('handles concurrent retries of one submission as one dossier', async () => {
    const key = newKey();
    const body = { ...khaiSinhPayload(), attachments: [inlineBirthCertificate()] };
    const results = await Promise.all(Array.from({ length: 5 }, () => submitJson(body, key)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.dossier.reference)).size).toBe(1);
  });

  it('requires an Idempotency-Key', async () => {
    const res = await h.request('POST', '/api/dossiers', {
      token: resident,
      json: khaiSinhPayload(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('answers malformed JSON with 400 in the error envelope, never HTML', async () => {
    const res = await h.request('POST', '/api/dossiers', {
      token: resident,
      body: '{"procedureCode": "1.001193",',
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toEqual({
      error: { code: 'MALFORMED_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ.' },
    });
  });

  it('lists every wrong field with a Vietnamese message', async () => {
    const res = await submitJson({
      procedureCode: '1.001193',
      communeCode: 15124,
      applicant: { fullName: '', phone: '0123456789' },
      formData: khaiSinhFormData({
        requesterCccd: '999090012345',
        childDateOfBirth: '2999-01-01',
        childSex: 'Không rõ',
        copyCount: 'hai',
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.fields as Record<string, string>;
    expect(fields.communeCode).toMatch(/5 chữ số|xã\/phường/);
    expect(fields['applicant.fullName']).toMatch(/Vui lòng nhập/);
    expect(fields['applicant.phone']).toMatch(/Số điện thoại di động không hợp lệ/);
  });

  it('checks the form answers: CCCD, future dates, options, numbers', async () => {
    const res = await submitJson({
      ...khaiSinhPayload(),
      attachments: [inlineBirthCertificate()],
      formData: khaiSinhFormData({
        requesterCccd: '999090012345',
        childDateOfBirth: '2999-01-01',
        childSex: 'Không rõ',
        copyCount: 'hai',
      }),
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.fields as Record<string, string>;
    expect(fields['formData.requesterCccd']).toMatch(/mã tỉnh/);
    expect(fields['formData.childDateOfBirth']).toMatch(/tương lai/);
    expect(fields['formData.childSex']).toMatch(/Vui lòng chọn "Giới tính"/);
    expect(fields['formData.copyCount']).toMatch(/phải là số/);
  });

  it('requires the documents the procedure needs', async () => {
    const res = await submitJson(khaiSinhPayload());
    expect(res.status).toBe(400);
    expect(res.body.error.fields['documents.giay_chung_sinh']).toMatch(
      /Vui lòng đính kèm: Giấy chứng sinh/,
    );
  });

  it('refuses procedures without an online form and communes nobody serves', async () => {
    const noForm = await submitJson({ ...khaiSinhPayload(), procedureCode: '1.005461' });
    expect(noForm.status).toBe(400);
    expect(noForm.body.error.fields.procedureCode).toMatch(/chưa hỗ trợ nộp hồ sơ trực tuyến/);
    const unknown = await submitJson({ ...khaiSinhPayload(), procedureCode: '9.999999' });
    expect(unknown.body.error.fields.procedureCode).toMatch(/Không tìm thấy thủ tục/);
    const nobody = await submitJson({
      ...khaiSinhPayload(),
      communeCode: '16654',
      attachments: [inlineBirthCertificate()],
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields.communeCode).toMatch(/chưa tiếp nhận hồ sơ trực tuyến/);
  });

  it('accepts only commune codes of the commune directory, saying why in Vietnamese', async () => {
    const unknown = await submitJson({
      ...khaiSinhPayload(),
      communeCode: '99999',
      attachments: [inlineBirthCertificate()],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.communeCode).toMatch(
      /Mã 99999 không có trong danh mục 166 xã, phường của tỉnh Thanh Hóa/,
    );
    // 15886 was Xã Hoằng Quỳ before 1 July 2025: the message names the unit it joined.
    const former = await submitJson({
      ...khaiSinhPayload(),
      communeCode: '15886',
      attachments: [inlineBirthCertificate()],
    });
    expect(former.status).toBe(400);
    expect(former.body.error.fields.communeCode).toMatch(/nay thuộc Xã Hoằng Giang \(mã 15880\)/);
  });

  it('refuses an .exe renamed .pdf by its content, in both upload forms', async () => {
    const before = await filesOnDisk();
    const json = await submitJson({
      ...khaiSinhPayload(),
      attachments: [inlineBirthCertificate(EXE_BYTES, 'giay-chung-sinh.pdf')],
    });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(json.body.error.message).toMatch(/không phải PDF, JPEG hoặc PNG/);
    const form = multipart(khaiSinhPayload(), [
      {
        part: 'giay_chung_sinh',
        name: 'giay-chung-sinh.pdf',
        bytes: EXE_BYTES,
        type: 'application/pdf',
      },
    ]);
    const mp = await h.request('POST', '/api/dossiers', {
      token: resident,
      body: form,
      headers: { 'idempotency-key': newKey() },
    });
    expect(mp.status).toBe(415);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('refuses oversized files stating the limit, and leaves no file behind', async () => {
    const before = await filesOnDisk();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(70 * 1024, 0x20)]);
    const json = await submitJson({
      ...khaiSinhPayload(),
      attachments: [inlineBirthCertificate(big)],
    });
    expect(json.status).toBe(413);
    expect(json.body.error.message).toMatch(/tối đa 64 KB/);
    const form = multipart(khaiSinhPayload(), [
      { part: 'giay_chung_sinh', name: 'ok.pdf', bytes: PDF_BYTES },
      { part: 'giay_to_tuy_than', name: 'big.pdf', bytes: big },
    ]);
    const mp = await h.request('POST', '/api/dossiers', {
      token: resident,
      body: form,
      headers: { 'idempotency-key': newKey() },
    });
    expect(mp.status).toBe(413);
    expect(mp.body.error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(await filesOnDisk()).toEqual(before);
  });

  it('refuses more attachments than allowed', async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({
      part: 'giay_chung_sinh',
      name: `${i}.pdf`,
      bytes: PDF_BYTES,
    }));
    const res = await h.request('POST', '/api/dossiers', {
      token: resident,
      body: multipart(khaiSinhPayload(), files),
      headers: { 'idempotency-key': newKey() },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/tối đa 4 tệp/);
  });

  it('removes the files of a submission that fails validation', async () => {
    const before = await filesOnDisk();
    const res = await submitJson({
      ...khaiSinhPayload({ applicant: { fullName: 'A', phone: 'abc' } }),
      attachments: [inlineBirthCertificate()],
    });
    expect(res.status).toBe(400);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('stores SQL-injection strings verbatim and harmlessly', async () => {
    const evil = "Robert'); DROP TABLE dossiers;--";
    const evilAddress = "1' OR '1'='1";
    const res = await submitJson({
      ...khaiSinhPayload({ applicant: { fullName: evil, phone: '+84 912 345 678' } }),
      formData: khaiSinhFormData({ childName: evil, requesterAddress: evilAddress }),
      attachments: [
        inlineBirthCertificate(PDF_BYTES, "x'; DELETE FROM dossier_attachments;--.pdf"),
      ],
    });
    expect(res.status).toBe(201);
    const read = await h.request('GET', `/api/dossiers/${res.body.dossier.reference}`, {
      token: resident,
    });
    expect(read.body.applicant.fullName).toBe(evil);
    expect(read.body.applicant.phone).toBe('0912345678');
    expect(read.body.formData.childName).toBe(evil);
    expect(read.body.formData.requesterAddress).toBe(evilAddress);
    expect(read.body.attachments[0].fileName).toBe("x'; DELETE FROM dossier_attachments;--.pdf");
    const list = await h.request('GET', '/api/dossiers?limit=100', { token: resident });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(1);
  });

  it('requires a signed-in resident', async () => {
    const anonymous = await h.request('POST', '/api/dossiers', {
      json: khaiSinhPayload(),
      headers: { 'idempotency-key': newKey() },
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const forged = await h.request('POST', '/api/dossiers', {
      token: `${resident.slice(0, -4)}AAAA`,
      json: khaiSinhPayload(),
      headers: { 'idempotency-key': newKey() },
    });
    expect(forged.status).toBe(401);
    const officer = await h.officer(COMMUNE_X);
    const asOfficer = await h.request('POST', '/api/dossiers', {
      token: officer,
      json: khaiSinhPayload(),
      headers: { 'idempotency-key': newKey() },
    });
    expect(asOfficer.status).toBe(403);
  });

  it('accepts a Zalo access token directly, verified with Zalo', async () => {
    h.zalo.addUser('direct-zalo-token', { id: '998877', name: 'Phạm Văn Dũng' });
    const res = await submitJson(
      { ...khaiSinhPayload(), attachments: [inlineBirthCertificate()] },
      newKey(),
      'direct-zalo-token',
    );
    expect(res.status).toBe(201);
    const bad = await submitJson(khaiSinhPayload(), newKey(), 'not-a-real-zalo-token');
    expect(bad.status).toBe(401);
  });

  it('writes each acknowledged attachment to disk with the digest it reports', async () => {
    const res = await submitJson({
      ...khaiSinhPayload(),
      attachments: [inlineBirthCertificate(PNG_BYTES, 'a.png')],
    });
    const a = res.body.dossier.attachments[0];
    const stored = await filesOnDisk();
    const match = stored.find((f) => f.endsWith(a.id));
    expect(match).toBeDefined();
    expect(stored.some((f) => f.endsWith('.part'))).toBe(false);
    expect(sha256(await readFile(path.join(h.dataDir, 'attachments', match!)))).toBe(a.sha256);
  });
});
