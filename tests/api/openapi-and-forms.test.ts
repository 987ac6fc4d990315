import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatHandler } from '../../api/routes/chat.js';
import { createLogger } from '../../common/logger.js';
import { newKey, startHarness, type Harness } from '../support/api-harness.js';
import { COMMUNE_X, inlineBirthCertificate, khaiSinhPayload } from '../support/dossier-fixtures.js';
import { NEW_FORM_ANSWERS } from '../support/form-answers.js';

let h: Harness;

beforeAll(async () => {
  // The procedure routes are mounted (with an empty catalogue) so their documentation is checked too.
  h = await startHarness({
    procedures: {
      catalogue: async () => ({ get: () => undefined, procedures: [], snapshotDate: '2026-12-01' }),
      retriever: async () => {
        throw new Error('no search in this test');
      },
    },
  });
});
afterAll(() => h?.close());

describe('service routes', () => {
  it('GET /healthz answers 200', async () => {
    const res = await h.request('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, database: 'pglite' });
  });

  it('describes every route in GET /api/openapi.json, with schemas from the validators', async () => {
    const res = await h.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const operations = Object.entries(paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /healthz',
        'POST /api/auth/zalo',
        'POST /api/officer/login',
        'GET /api/officer/me',
        'POST /api/dossiers',
        'GET /api/dossiers',
        'GET /api/dossiers/{reference}',
        'POST /api/dossiers/{reference}/transitions',
        'POST /api/dossiers/{reference}/supplements',
        'GET /api/dossiers/{reference}/attachments/{attachmentId}',
        'GET /api/status',
        'GET /api/forms',
        'GET /api/forms/{procedureCode}',
        'GET /api/communes',
        'GET /api/communes/{code}',
        'GET /api/officer/apologies',
        'POST /api/officer/apologies/{id}/confirm',
        'POST /api/notice-groups/{id}/deactivate',
        'POST /api/notice-groups/{id}/reactivate',
        'POST /api/notices/recipients',
        'GET /api/notice-groups',
        'GET /api/notice-groups/villages',
        'POST /api/notice-groups/{id}/approve',
        'POST /api/notice-groups/share-kit',
        'GET /api/notice-templates',
        'POST /api/notices/preview',
        'GET /api/notices',
        'POST /api/notices',
        'GET /api/notices/{id}',
        'POST /api/notices/{id}/cancel',
        'GET /api/notices/{id}/ledger.csv',
        'POST /api/notices/{id}/deliveries/{deliveryId}/shared',
        'POST /api/notices/{id}/deliveries/{deliveryId}/resolve',
        'GET /n/{publicId}',
        'GET /n/{publicId}/qr.png',
        'GET /n/{publicId}/chia-se/{token}',
        'POST /n/{publicId}/chia-se/{token}',
        'GET /api/openapi.json',
        'GET /api/me/notify-channels',
        'POST /api/me/notify-links',
        'DELETE /api/me/notify-channels/{channel}',
        'GET /api/auth/options',
        'POST /api/auth/trial',
        'POST /api/me/phone',
        'GET /api/me/notices',
        'POST /api/me/notices/read',
        'GET /api/dossiers/{reference}/rating',
        'POST /api/dossiers/{reference}/rating',
        'GET /api/online-communes',
        'POST /api/forms/{procedureCode}/check',
        'GET /api/procedures/search',
        'GET /api/procedures/popular',
        'GET /api/procedures/{code}',
      ].sort(),
    );
    const schemas = res.body.components.schemas;
    expect(schemas.TransitionRequest.properties.to.enum).toContain('YEU_CAU_THUC_HIEN_NVTC');
    expect(schemas.SubmitDossier.required).toEqual(
      expect.arrayContaining(['procedureCode', 'communeCode', 'applicant', 'formData']),
    );
    expect(schemas.Error.properties.error.required).toEqual(['code', 'message']);
    // Notice bodies come from the validators too.
    const create = paths['/api/notices']!.post as {
      requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
    };
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['title', 'body', 'targets']),
    );
    // Every documented path answers something other than "no such route".
    for (const op of operations.filter((o) => o.startsWith('GET') && !o.includes('{'))) {
      const probe = await h.request('GET', op.slice(4));
      expect(probe.body?.error?.code, op).not.toBe('ROUTE_NOT_FOUND');
    }
  });

  it('documents every API route the mini-app calls', async () => {
    const paths = Object.keys((await h.request('GET', '/api/openapi.json')).body.paths);
    const documented = paths.map(
      (p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
    );
    const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
    const called = new Set<string>();
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const [, url] of readFileSync(file, 'utf8').matchAll(/[`'](\/api\/[^`'?\s]*)/g))
            called.add(url!.replace(/\$\{[^}]+\}/g, 'x'));
        }
      }
    };
    visit(path.join(root, 'miniapp/src'));
    expect(called.size).toBeGreaterThan(15);
    for (const url of called)
      expect(
        documented.some((re) => re.test(url)),
        `${url} is not in /api/openapi.json`,
      ).toBe(true);
  });

  it('answers unknown API routes with the JSON error envelope', async () => {
    const res = await h.request('GET', '/api/khong-co');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'Không có địa chỉ API này.' },
    });
  });

  it('answers wrong JSON types and malformed bodies on every JSON route with 400, never HTML', async () => {
    const login = await h.request('POST', '/api/officer/login', {
      json: { username: 42, password: ['x'] },
    });
    expect(login.status).toBe(400);
    expect(login.body.error.fields).toMatchObject({
      username: expect.stringMatching(/văn bản|Vui lòng nhập/),
      password: expect.any(String),
    });
    const broken = await h.request('POST', '/api/officer/login', {
      body: '{username:',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('MALFORMED_JSON');
    expect(broken.text).not.toMatch(/<html|at JSON\.parse|node_modules/i);
  });
});

describe('forms for the Mini App', () => {
  it('lists the online forms and whether each procedure is in the catalogue', async () => {
    const res = await h.request('GET', '/api/forms');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((f: { procedureCode: string }) => f.procedureCode);
    expect(codes).toEqual(
      expect.arrayContaining(['1.001193', '1.000894', '1.004873', '1.004222', '2.000815']),
    );
    expect(
      res.body.items.find((f: { procedureCode: string }) => f.procedureCode === '1.004222'),
    ).toMatchObject({
      available: true,
      processingWorkingDays: 7,
    });
  });

  it('serves one form with labels, documents, pre-fill hints and a JSON Schema', async () => {
    const res = await h.request('GET', '/api/forms/1.004222');
    expect(res.status).toBe(200);
    expect(res.body.template).toMatch(/CT01/);
    const fields = res.body.sections.flatMap(
      (s: { fields: { name: string; label: string }[] }) => s.fields,
    );
    expect(fields.find((f: { name: string }) => f.name === 'cccd')).toMatchObject({
      label: '4. Số định danh cá nhân',
      kind: 'cccd',
    });
    expect(res.body.prefill).toMatchObject({
      fullName: 'fullName',
      cccd: 'cccd',
      dateOfBirth: 'dateOfBirth',
    });
    expect(
      res.body.documents.find((d: { code: string }) => d.code === 'giay_to_cho_o_hop_phap')
        .required,
    ).toBe(true);
    expect(res.body.jsonSchema.properties.sex.enum).toEqual(['Nam', 'Nữ']);
    expect((await h.request('GET', '/api/forms/9.999999')).status).toBe(404);
  });
});

describe('the forms of tạm trú, xóa thường trú, khai tử and bản sao trích lục', () => {
  const CASES = [
    {
      code: '1.004194',
      template: /CT01/,
      documents: ['giay_to_cho_o_hop_phap'],
      invalid: { stayUntil: '2999-01-01' },
      field: ['stayUntil', /tối đa là 02 năm/],
    },
    {
      code: '1.003197',
      template: /CT01/,
      documents: [],
      invalid: { removalCase: undefined },
      field: ['removalCase', /Vui lòng chọn/],
    },
    {
      code: '1.000656',
      template: /Tờ khai đăng ký khai tử/,
      documents: ['giay_bao_tu'],
      invalid: { deathDate: '1950-01-01' },
      field: ['deathDate', /trước ngày sinh/],
    },
    {
      code: '2.000635',
      template: /Tờ khai cấp bản sao trích lục hộ tịch/,
      documents: [],
      invalid: { requesterCccd: '12345' },
      field: ['requesterCccd', /12 chữ số/],
    },
  ] as const;

  beforeAll(async () => {
    await h.officer(COMMUNE_X);
  });

  it.each(CASES)('$code: served, a valid dossier accepted, an invalid one refused', async (c) => {
    const served = await h.request('GET', `/api/forms/${c.code}`);
    expect(served.status).toBe(200);
    expect(served.body.template).toMatch(c.template);
    expect(served.body.jsonSchema.type).toBe('object');

    const resident = await h.resident('Lê Văn An');
    const submit = (formData: Record<string, unknown>) =>
      h.request('POST', '/api/dossiers', {
        token: resident,
        json: {
          ...khaiSinhPayload({ procedureCode: c.code, formData }),
          attachments: c.documents.map((documentCode) => ({
            ...inlineBirthCertificate(),
            documentCode,
          })),
        },
        headers: { 'idempotency-key': newKey() },
      });
    const valid = NEW_FORM_ANSWERS[c.code]!();
    const accepted = await submit(valid);
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body.dossier.procedure.code).toBe(c.code);

    const refused = await submit({ ...valid, ...c.invalid });
    expect(refused.status).toBe(400);
    const [field, message] = c.field;
    expect(refused.body.error.fields[`formData.${field}`]).toMatch(message);
  });
});

describe('composition (webhooks, chat, web page) and logs', () => {
  it('mounts webhook routers before any body parser, mounts the chat route, serves the web page, and logs no personal data', async () => {
    const lines: string[] = [];
    const webhook = Router();
    webhook.post('/webhooks/test', async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      res.json({ raw: Buffer.concat(chunks).toString('utf8'), parsed: req.body !== undefined });
    });
    const chat: ChatHandler = async ({ text }) => ({
      answered: false,
      text: `Bạn hỏi: ${text}`,
      procedure: null,
      choices: [],
      sources: [],
      hasMore: false,
    });
    const app = await startHarness({
      extraRouters: [webhook],
      chat,
      logger: createLogger({ write: (line) => lines.push(line) }),
    });
    try {
      const raw = '{"update_id": 1,  "message": {"text": "xin chào"}}';
      const hook = await app.request('POST', '/webhooks/test', {
        body: raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(hook.body).toEqual({ raw, parsed: false });

      const reply = await app.request('POST', '/api/chat', {
        json: { sessionId: 'abc', text: 'khai sinh' },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.text).toBe('Bạn hỏi: khai sinh');
      const doc = await app.request('GET', '/api/openapi.json');
      expect(Object.keys(doc.body.paths)).toContain('/api/chat');

      const page = await fetch(`${app.baseUrl}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);

      // Provoke logged errors carrying personal data and tokens: Zalo down, a submission with a CCCD.
      app.zalo.failWith = 500;
      await app.request('POST', '/api/auth/zalo', { token: 'zalo-token-0912345678-038090012345' });
      app.zalo.failWith = null;
      const resident = await app.resident();
      await app.request('POST', '/api/dossiers', {
        token: resident,
        json: { ...khaiSinhPayload(), attachments: [inlineBirthCertificate()] },
        headers: { 'idempotency-key': newKey() },
      });
      expect(lines.length).toBeGreaterThan(0);
      const log = lines.join('\n');
      expect(log).not.toMatch(/038090012345|0912345678|038192054321/);
      expect(log).not.toContain(resident);
    } finally {
      await app.close();
    }
  });
});
