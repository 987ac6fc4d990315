import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../common/logger.js';
import { requestLog } from '../../../api/middleware/request-log.js';

const lines: string[] = [];
let base = '';
let close: () => void = () => undefined;

beforeAll(async () => {
  const app = express();
  app.use(requestLog(createLogger({ write: (line) => lines.push(line) })));
  app.get('/api/status/:ref', (_req, res) => res.json({ ok: true }));
  app.get('/boom', (_req, res) => res.status(500).json({}));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

function logged(): Array<Record<string, unknown>> {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('request log', () => {
  it('writes one line per request with a request id that the response carries', async () => {
    lines.length = 0;
    const res = await fetch(`${base}/api/status/ABC23DEF?phone=0912345678`);
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[a-z]{12}$/);
    await new Promise((r) => setTimeout(r, 20));
    expect(logged()).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'http request',
        reqId: id,
        method: 'GET',
        path: '/api/status/ABC23DEF',
        status: 200,
      }),
    ]);
    // The query (phone digits) never reaches the log.
    expect(lines.join('\n')).not.toMatch(/0912345678|phone/);
  });

  it("keeps the caller's request id and redacts personal numbers in the path", async () => {
    lines.length = 0;
    const res = await fetch(`${base}/api/status/0912345678`, {
      headers: { 'x-request-id': 'proxy-req-12345' },
    });
    expect(res.headers.get('x-request-id')).toBe('proxy-req-12345');
    await new Promise((r) => setTimeout(r, 20));
    expect(logged()[0]).toMatchObject({ reqId: 'proxy-req-12345', path: '/api/status/[sđt]' });
  });

  it('logs server errors at error level', async () => {
    lines.length = 0;
    await fetch(`${base}/boom`);
    await new Promise((r) => setTimeout(r, 20));
    expect(logged()[0]).toMatchObject({ level: 'error', status: 500 });
  });
});
