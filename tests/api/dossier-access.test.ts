import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startHarness, type Harness } from '../support/api-harness.js';
import {
  COMMUNE_X,
  COMMUNE_Y,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../support/dossier-fixtures.js';

let h: Harness;
let residentA: string;
let residentB: string;
let officerX: string;
let officerY: string;
let refA: string;
let refB: string;
let ip = 0;
/** A distinct client IP per call site (the app trusts X-Forwarded-For from loopback here). */
const fromIp = () => ({ 'x-forwarded-for': `203.0.113.${++ip}` });

async function submit(token: string, communeCode: string, phone: string): Promise<string> {
  const res = await h.request('POST', '/api/dossiers', {
    token,
    json: {
      ...khaiSinhPayload({ communeCode, applicant: { fullName: 'Lê Văn An', phone } }),
      attachments: [inlineBirthCertificate()],
    },
    headers: { 'idempotency-key': newKey() },
  });
  expect(res.status).toBe(201);
  return res.body.dossier.reference;
}

beforeAll(async () => {
  h = await startHarness({ env: { STATUS_LOOKUPS_PER_MINUTE: '5', TRUST_PROXY: 'loopback' } });
  officerX = await h.officer(COMMUNE_X);
  officerY = await h.officer(COMMUNE_Y);
  residentA = await h.resident('Lê Văn An');
  residentB = await h.resident('Trần Thị Bình');
  refA = await submit(residentA, COMMUNE_X, '0912345678');
  refB = await submit(residentB, COMMUNE_Y, '0987654321');
});
afterAll(() => h?.close());

describe('who sees what', () => {
  it('answers 401 without a session and 404 for someone else’s dossier', async () => {
    expect((await h.request('GET', `/api/dossiers/${refA}`)).status).toBe(401);
    expect((await h.request('GET', `/api/dossiers/${refA}`, { token: residentA })).status).toBe(
      200,
    );
    const other = await h.request('GET', `/api/dossiers/${refA}`, { token: residentB });
    expect(other.status).toBe(404);
    const missing = await h.request('GET', '/api/dossiers/AB2CD3EF', { token: residentB });
    expect(other.body).toEqual(missing.body);
  });

  it('lists only the resident’s own dossiers', async () => {
    const listA = await h.request('GET', '/api/dossiers', { token: residentA });
    expect(listA.body.items.map((d: { reference: string }) => d.reference)).toEqual([refA]);
    const listB = await h.request('GET', '/api/dossiers', { token: residentB });
    expect(listB.body.items.map((d: { reference: string }) => d.reference)).toEqual([refB]);
  });

  it('keeps officers to their commune', async () => {
    expect((await h.request('GET', `/api/dossiers/${refA}`, { token: officerX })).status).toBe(200);
    expect((await h.request('GET', `/api/dossiers/${refA}`, { token: officerY })).status).toBe(404);
    const moveOther = await h.request('POST', `/api/dossiers/${refA}/transitions`, {
      token: officerY,
      json: { to: 'DUOC_TIEP_NHAN' },
    });
    expect(moveOther.status).toBe(404);
    const listX = await h.request('GET', '/api/dossiers', { token: officerX });
    expect(listX.body.items.map((d: { reference: string }) => d.reference)).toEqual([refA]);
    const listY = await h.request('GET', '/api/dossiers?status=MOI_DANG_KY', { token: officerY });
    expect(listY.body.items.map((d: { reference: string }) => d.reference)).toEqual([refB]);
  });

  it('does not let a resident withdraw or supplement someone else’s dossier', async () => {
    const withdraw = await h.request('POST', `/api/dossiers/${refB}/transitions`, {
      token: residentA,
      json: { to: 'CONG_DAN_YEU_CAU_RUT' },
    });
    expect(withdraw.status).toBe(404);
    const supplement = await h.request('POST', `/api/dossiers/${refB}/supplements`, {
      token: residentA,
      json: { note: 'x', attachments: [inlineBirthCertificate()] },
    });
    expect(supplement.status).toBe(404);
    const attachment = (await h.request('GET', `/api/dossiers/${refB}`, { token: residentB })).body
      .attachments[0];
    const download = await h.request('GET', `/api/dossiers/${refB}/attachments/${attachment.id}`, {
      token: residentA,
    });
    expect(download.status).toBe(404);
  });

  it('pages through long lists with a cursor', async () => {
    for (let i = 0; i < 3; i++) await submit(residentA, COMMUNE_X, '0912345678');
    const first = await h.request('GET', '/api/dossiers?limit=2', { token: residentA });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await h.request('GET', `/api/dossiers?limit=2&cursor=${first.body.nextCursor}`, {
      token: residentA,
    });
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const refs = [...first.body.items, ...second.body.items].map(
      (d: { reference: string }) => d.reference,
    );
    expect(new Set(refs).size).toBe(4);
  });

  it('rejects a wrong officer password without saying which part was wrong', async () => {
    const res = await h.request('POST', '/api/officer/login', {
      json: { username: 'khong_ton_tai', password: 'x' },
      headers: fromIp(),
    });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('rejects resident sign-in with a token Zalo does not know, and says so when Zalo is down', async () => {
    const bad = await h.request('POST', '/api/auth/zalo', {
      token: 'unknown-token',
      headers: fromIp(),
    });
    expect(bad.status).toBe(401);
    h.zalo.failWith = 500;
    try {
      const down = await h.request('POST', '/api/auth/zalo', {
        token: 'another-token',
        headers: fromIp(),
      });
      expect(down.status).toBe(503);
      expect(down.body.error.message).toMatch(/Zalo/);
    } finally {
      h.zalo.failWith = null;
    }
  });
});

describe('GET /api/status (public lookup)', () => {
  it('answers status and dates only, never names, CCCD or phone', async () => {
    const res = await h.request(
      'GET',
      `/api/status?reference=${refA.toLowerCase().slice(0, 4)}-${refA.slice(4)}&phone4=5678`,
      {
        headers: fromIp(),
      },
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'appointmentDate',
      'procedureCode',
      'procedureName',
      'reference',
      'status',
      'statusLabel',
      'submittedAt',
      'updatedAt',
    ]);
    expect(res.text).not.toMatch(/Lê Văn An|038090012345|0912345678|Lê Minh Khang/);
  });

  it('gives the same 404 for a wrong reference and a wrong phone', async () => {
    const wrongPhone = await h.request('GET', `/api/status?reference=${refA}&phone4=0000`, {
      headers: fromIp(),
    });
    const wrongRef = await h.request('GET', '/api/status?reference=AB2CD3EF&phone4=5678', {
      headers: fromIp(),
    });
    const partialRef = await h.request(
      'GET',
      `/api/status?reference=${refA.slice(0, 6)}&phone4=5678`,
      { headers: fromIp() },
    );
    const otherPhone = await h.request('GET', `/api/status?reference=${refA}&phone4=4321`, {
      headers: fromIp(),
    });
    for (const r of [wrongPhone, wrongRef, partialRef, otherPhone]) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual(wrongPhone.body);
    }
  });

  it('rate limits per client IP with a Vietnamese message', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.7' };
    const statuses: number[] = [];
    // Different (unknown) references, so only the per-client limit applies, not a reference lock.
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await h.request('GET', `/api/status?reference=AB2CD${i + 2}EF&phone4=0000`, { headers }))
          .status,
      );
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    const limited = await h.request('GET', `/api/status?reference=${refA}&phone4=5678`, {
      headers,
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/tra cứu quá nhiều lần/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    expect(
      (await h.request('GET', `/api/status?reference=${refA}&phone4=5678`, { headers: fromIp() }))
        .status,
    ).toBe(200);
  });

  it('validates the query in Vietnamese', async () => {
    const res = await h.request('GET', '/api/status?reference=AB2CD3EF', { headers: fromIp() });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.phone4).toMatch(/4 số cuối/);
  });

  it('exposes the same guarded lookup to the bots', async () => {
    expect(await h.runtime.statusLookup(refB, '4321')).toMatchObject({
      reference: refB,
      status: 'MOI_DANG_KY',
    });
    expect(await h.runtime.statusLookup(refB, '5678')).toBeNull();
  });
});

describe('CORS for the Zalo Mini App', () => {
  it('echoes exactly the Mini App origin and answers preflights', async () => {
    const preflight = await h.request('OPTIONS', '/api/dossiers', {
      headers: {
        origin: 'https://h5.zdn.vn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://h5.zdn.vn');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
    const other = await h.request('GET', '/api/forms', {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
