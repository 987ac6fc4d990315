import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Browser tests get Chromium only through tests/support/browser.ts (launchBrowser), so every one of
 * them runs with Debian's Chromium or, without it, the one the npm package ships — none hard-codes a
 * path or skips when /usr/bin/chromium is missing.
 */
const TESTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELPER = path.join(TESTS, 'support', 'browser.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

describe('browser tests', () => {
  it('launch Chromium only through tests/support/browser.ts', () => {
    const offenders = tsFiles(TESTS)
      .filter((f) => f !== HELPER && f !== fileURLToPath(import.meta.url))
      .filter((f) =>
        /chromium\.launch\(|executablePath|\/usr\/bin\/chromium/.test(readFileSync(f, 'utf8')),
      )
      .map((f) => path.relative(TESTS, f));
    expect(offenders).toEqual([]);
  });
});
