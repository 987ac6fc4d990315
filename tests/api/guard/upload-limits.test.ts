/**
 * Defects 7 and 8 of the security probe, over HTTP with Node's fetch + FormData as a phone app would
 * send: a photo over the per-file limit must always end in the Vietnamese 413 (never a connection
 * reset), and no multipart request is read past the whole-request cap (an ignored 200 MB field used to
 * be read to the end).
 */
import { request as httpRequest } from 'node:http';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRequestBytes } from '../../../api/attachments/read-upload.js';
import { newKey, startHarness, type Harness } from '../../support/api-harness.js';
import { COMMUNE_X, khaiSinhPayload, PDF_BYTES } from '../../support/dossier-fixtures.js';

let h: Harness;
let token: string;
const MB = 1024 * 1024;

beforeAll(async () => {
  // The production per-file limit (5 MB), so phone photos of 6–8 MB are over it.
  h = await startHarness({ env: { MAX_ATTACHMENT_BYTES: String(5 * MB), MAX_ATTACHMENTS: '4' } });
  await h.officer(COMMUNE_X);
  token = await h.resident();
});
afterAll(() => h?.close());

function photo(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x5a);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(bytes); // JPEG magic
  return bytes;
}

async function filesOnDisk(): Promise<number> {
  const root = path.join(h.dataDir, 'attachments');
  let n = 0;
  for (const shard of await readdir(root).catch(() => [] as string[]))
    n += (await readdir(path.join(root, shard))).length;
  return n;
}

describe('multipart uploads over the limit', () => {
  it('answers every 6–8 MB photo with the Vietnamese 413, never a reset (20 tries)', async () => {
    const before = await filesOnDisk();
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const form = new FormData();
      form.append('payload', JSON.stringify(khaiSinhPayload()));
      form.append('giay_chung_sinh', new Blob([PDF_BYTES], { type: 'application/pdf' }), 'a.pdf');
      form.append(
        'giay_chung_sinh',
        new Blob([new Uint8Array(photo((6 + (i % 3)) * MB))], { type: 'image/jpeg' }),
        `anh-${i}.jpg`,
      );
      try {
        const res = await fetch(`${h.baseUrl}/api/dossiers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': newKey() },
          body: form,
        });
        const body = (await res.json()) as { error?: { code: string; message: string } };
        outcomes.push(`${res.status} ${body.error?.code}`);
        expect(body.error?.message).toMatch(/vượt quá dung lượng cho phép/);
      } catch (error) {
        outcomes.push(`network error: ${(error as Error).cause ?? error}`);
      }
    }
    expect(outcomes).toEqual(Array(20).fill('413 ATTACHMENT_TOO_LARGE'));
    // Nothing half-written is left behind, and the server still answers on the same connections.
    expect(await filesOnDisk()).toBe(before);
    expect((await h.request('GET', '/api/forms')).status).toBe(200);
  }, 180_000);

  it('accepts a file just under the limit in the same kind of request', async () => {
    const form = new FormData();
    form.append('payload', JSON.stringify(khaiSinhPayload()));
    form.append(
      'giay_chung_sinh',
      new Blob([new Uint8Array(photo(5 * MB - 1024))], { type: 'image/jpeg' }),
      'anh.jpg',
    );
    const res = await fetch(`${h.baseUrl}/api/dossiers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': newKey() },
      body: form,
    });
    expect(res.status).toBe(201);
  });

  it('refuses a request declaring more than the whole-request cap before reading it', async () => {
    const cap = maxRequestBytes({ maxFiles: 4, maxFileBytes: 5 * MB });
    const declared = 200 * MB;
    expect(declared).toBeGreaterThan(cap);
    const boundary = 'x-boundary';
    const started = Date.now();
    const result = await new Promise<{ status: number; body: string; sent: number }>(
      (resolve, reject) => {
        let sent = 0;
        const req = httpRequest(
          `${h.baseUrl}/api/dossiers`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'idempotency-key': newKey(),
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'content-length': String(declared),
            },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
          },
        );
        req.on('error', reject);
        // An ignored field, streamed slowly: the answer must come without reading it.
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="ignored"\r\n\r\n`);
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = () => {
          if (sent > 4 * MB) return;
          sent += chunk.length;
          if (req.write(chunk)) setImmediate(pump);
          else req.once('drain', pump);
        };
        pump();
      },
    );
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error.message).toMatch(/Dữ liệu gửi lên quá lớn/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops reading a chunked request at the whole-request cap', async () => {
    const cap = maxRequestBytes({ maxFiles: 4, maxFileBytes: 5 * MB });
    const boundary = 'y-boundary';
    const result = await new Promise<{ status: number; body: string; sent: number }>(
      (resolve, reject) => {
        let sent = 0;
        let answered = false;
        const req = httpRequest(
          `${h.baseUrl}/api/dossiers`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'idempotency-key': newKey(),
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'transfer-encoding': 'chunked',
            },
          },
          (res) => {
            answered = true;
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
          },
        );
        req.on('error', (error) => (answered ? undefined : reject(error)));
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="ignored"\r\n\r\n`);
        const chunk = Buffer.alloc(256 * 1024, 0x61);
        const pump = () => {
          if (answered || sent > 200 * MB) return;
          sent += chunk.length;
          if (req.write(chunk)) setImmediate(pump);
          else req.once('drain', pump);
        };
        pump();
      },
    );
    expect(result.status).toBe(413);
    // Stopped near the cap, not after 200 MB.
    expect(result.sent).toBeLessThan(cap + 32 * MB);
  }, 60_000);
});
