import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserAppsRouter } from '../../../api/web/browser-apps.js';

/* The built mini-app and console are served as single-page apps under their own paths. */

let base = '';
let close: () => void = () => undefined;

beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'motcua-dist-'));
  mkdirSync(path.join(dist, 'miniapp', 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'miniapp', 'index.html'), '<title>mini</title>');
  writeFileSync(path.join(dist, 'miniapp', 'assets', 'app-1.js'), 'console.log(1)');
  // The console is deliberately not built here.
  const app = express().use(createBrowserAppsRouter(dist));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('browser apps', () => {
  it('redirects the bare path to the trailing slash, keeping the query', async () => {
    const res = await fetch(`${base}/miniapp?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/miniapp/?x=1');
  });

  it('serves index.html for the app root and for deep links, never cached', async () => {
    for (const p of ['/miniapp/', '/miniapp/?x=1', '/miniapp/apply/1.001193']) {
      const res = await fetch(base + p, { redirect: 'manual' });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>mini</title>');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const res = await fetch(`${base}/miniapp/assets/app-1.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('says in Vietnamese how to build an app that was not built', async () => {
    const res = await fetch(`${base}/officer/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
  });
});
