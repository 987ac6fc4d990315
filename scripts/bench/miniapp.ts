/**
 * Benchmark `miniapp` (issue #13): what a resident's phone downloads and waits for.
 * - `initialJsGzipBytes` / `initialCssGzipBytes`: the entry script, the chunks it imports statically
 *   and the stylesheet of dist/miniapp (gzip -9), and whether zmp-sdk stays out of them (lazy chunk).
 * - `fcpMs`: first contentful paint of /miniapp/ in headless Chromium on a throttled phone profile
 *   (CDP: 4× CPU slowdown, 1.6 Mbps down / 750 kbps up, 150 ms RTT, 360×740), median of 5 cold loads;
 *   `homeReadyMs`: until the search box of the home screen is on screen (the app has started).
 * - `photo4000x3000`: a synthetic 4,000×3,000 camera photo (JPEG q 0.92, gradients, shapes and sensor
 *   noise drawn on a canvas) shrunk by the app's own code (miniapp/src/lib/images.ts) → upload bytes.
 * Runs on this machine as it is (shared CPU): say so when quoting the numbers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createApiRuntime } from '../../api/runtime.js';
import { loadConfig } from '../../common/config.js';
import { silentLogger } from '../../common/logger.js';
import { Catalogue } from '../../knowledge/index.js';
import { testProcedureLookup } from '../../tests/support/dossier-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.join(ROOT, 'dist/miniapp');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Entry script + statically imported chunks + CSS named in dist/miniapp/index.html. */
function initialAssets() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/miniapp\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const js = refs.filter((r) => r.endsWith('.js'));
  const css = refs.filter((r) => r.endsWith('.css'));
  const jsBytes = js.reduce((n, f) => n + gz(path.join(DIST, f)), 0);
  const cssBytes = css.reduce((n, f) => n + gz(path.join(DIST, f)), 0);
  // zmp-sdk's bridge marker must live only in a lazily loaded chunk.
  const sdkInInitial = js.some((f) =>
    readFileSync(path.join(DIST, f), 'utf8').includes('ZJSBridge'),
  );
  return { js, css, jsBytes, cssBytes, sdkInInitial };
}

async function startServer() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-bench-miniapp-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_SILENT: 'true' });
  const catalogue = Catalogue.load();
  const runtime = await createApiRuntime(config, {
    logger: silentLogger,
    catalogue: testProcedureLookup,
    procedures: {
      catalogue: () => Promise.resolve(catalogue),
      retriever: () => Promise.reject(new Error('not needed for this benchmark')),
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = runtime.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Draws a 4,000×3,000 "camera photo" (sky gradient, 600 shapes, a document with text, ±9 levels of
 * sensor noise), encodes it as a camera would (JPEG q 0.92), then shrinks it with the app's code.
 */
const PHOTO_SCRIPT = `(async () => {
  const w = 4000, h = 3000;
  const canvas = document.createElement('canvas');
  canvas.width = w; canvas.height = h;
  const c = canvas.getContext('2d');
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sky = c.createLinearGradient(0, 0, 0, h);
  sky.addColorStop(0, '#9ec9f0'); sky.addColorStop(0.55, '#e8eef2'); sky.addColorStop(1, '#7a8b5a');
  c.fillStyle = sky; c.fillRect(0, 0, w, h);
  for (let i = 0; i < 600; i++) {
    c.fillStyle = 'hsl(' + Math.floor(rnd() * 360) + ',' + (20 + rnd() * 50) + '%,' + (25 + rnd() * 55) + '%)';
    c.beginPath();
    c.ellipse(rnd() * w, rnd() * h, 20 + rnd() * 300, 20 + rnd() * 200, rnd() * 3, 0, 7);
    c.fill();
  }
  c.fillStyle = '#fbfaf5'; c.fillRect(900, 600, 2200, 1700);
  c.fillStyle = '#222'; c.font = '48px serif';
  for (let y = 720; y < 2250; y += 70) c.fillText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Giấy chứng sinh số ' + y, 980, y);
  const img = c.getImageData(0, 0, w, h);
  for (let i = 0; i < img.data.length; i += 4) {
    const n = (rnd() - 0.5) * 18;
    img.data[i] += n; img.data[i + 1] += n; img.data[i + 2] += n;
  }
  c.putImageData(img, 0, 0);
  const original = await new Promise((r) => canvas.toBlob((b) => r(b), 'image/jpeg', 0.92));
  const t0 = performance.now();
  const out = await window.motcuaImages.shrinkPhoto(original);
  return {
    originalBytes: original.size, uploadBytes: out.blob.size, width: out.width, height: out.height,
    type: out.blob.type, shrinkMs: Math.round(performance.now() - t0),
  };
})()`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]!);
}

async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(path.join(DIST, 'index.html')))
    throw new Error('dist/miniapp is missing: run npm run build:web');
  if (!CHROMIUM) throw new Error('Chromium is not installed');
  const assets = initialAssets();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const fcps: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const t0 = Date.now();
      await page.goto(`${server.baseUrl}/miniapp/`, { waitUntil: 'commit' });
      await page.waitForSelector('#q', { timeout: 60_000 });
      ready.push(Date.now() - t0);
      const fcp = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      );
      fcps.push(fcp);
      await context.close();
    }

    // The app's own photo code, bundled for the page.
    const bundle = await build({
      entryPoints: [path.join(ROOT, 'miniapp/src/lib/images.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'motcuaImages',
      write: false,
      target: 'es2019',
    });
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/miniapp/`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    // A string, not a function: tsx would wrap a function with helpers the page does not have.
    const photo = (await page.evaluate(PHOTO_SCRIPT)) as Record<string, unknown>;
    return {
      initialJsGzipBytes: assets.jsBytes,
      initialJsGzipKB: Math.round(assets.jsBytes / 102.4) / 10,
      initialCssGzipBytes: assets.cssBytes,
      initialCssGzipKB: Math.round(assets.cssBytes / 102.4) / 10,
      initialFiles: [...assets.js, ...assets.css],
      zmpSdkInInitialBundle: assets.sdkInInitial,
      targetJsKB: 170,
      throttle: { cpuSlowdown: 4, downMbps: 1.6, upKbps: 750, rttMs: 150, viewport: '360x740' },
      fcpMs: median(fcps),
      fcpRunsMs: fcps.map((x) => Math.round(x)),
      homeReadyMs: median(ready),
      targetFcpMs: 1500,
      photo4000x3000: photo,
      targetUploadBytes: 600 * 1024,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export const bench = { name: 'miniapp', run };

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((r) => process.stdout.write(JSON.stringify({ miniapp: r }) + '\n'));
}
