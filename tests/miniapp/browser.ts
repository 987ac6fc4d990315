/**
 * Shared pieces of the mini-app browser tests: Chromium (Debian's, via playwright-core), a phone-sized
 * page that can reach only our local server (every other request aborted) and fails on any page
 * error, the fake platform injected before the app loads, and a fresh build of the mini-app.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';

export const ARTIFACTS = path.resolve('test-artifacts', 'miniapp');

/** Chromium through the shared helper (Debian's, else the npm-shipped one: tests/support/browser.ts). */
export function launchChromium(): Promise<Browser> {
  return launchBrowser();
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, file);
    const stat = statSync(full);
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** Rebuilds dist/miniapp when a source file is newer than the build (npm install builds it once). */
export function ensureMiniappBuild(): void {
  const index = path.resolve('dist/miniapp/index.html');
  const sources = Math.max(
    newestMtime(path.resolve('miniapp')),
    newestMtime(path.resolve('common')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('npx', ['vite', 'build', '--config', 'miniapp/vite.config.ts'], {
    stdio: 'ignore',
    timeout: 180_000,
  });
}

export interface PhonePage {
  page: Page;
  /** Page errors and failed console errors seen so far. */
  errors: string[];
  /** Requests that tried to leave the machine (aborted). */
  blocked: string[];
}

/** A 360×740 phone page with the fake platform; only `baseUrl` is reachable. */
export async function phonePage(
  browser: Browser,
  baseUrl: string,
  fake: {
    accessToken: string | null;
    profile: { name: string; avatar: null } | null;
    phoneToken: string | null;
  } | null,
): Promise<PhonePage> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl + '/') || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    blocked.push(url);
    return route.abort();
  });
  if (fake) {
    await page.addInitScript((config) => {
      (window as unknown as { __motcuaFakePlatform: unknown }).__motcuaFakePlatform = config;
    }, fake);
  }
  return { page, errors, blocked };
}
