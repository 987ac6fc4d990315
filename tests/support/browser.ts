/**
 * The one way browser tests get a headless Chromium (driven by playwright-core):
 *   1. `CHROMIUM_PATH` when set (a path to a Chromium binary);
 *   2. `chromium` or `chromium-browser` on PATH (Debian's package: `apt-get install -y chromium`);
 *   3. otherwise the Chromium that the npm package `@sparticuz/chromium` ships inside the package
 *      (a devDependency, so `npm ci` brings it; no download), unpacked once per version into the
 *      temporary folder.
 * A test never skips for want of a browser: when none can be found or started, launching throws with
 * what to do.
 * @example
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();
 */
import { accessSync, constants, existsSync, createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * The project's flags: offline-quiet, no GPU, no sandbox (tests run as root in CI). Playwright adds
 * `--headless` itself.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Which Chromium a test run uses, and where it came from. */
export interface ChromiumExecutable {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
}

const NPM_PACKAGE = '@sparticuz/chromium';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A Chromium on PATH (what a shell would run for `chromium`). */
function systemChromium(): string | undefined {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser']) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The binary shipped (brotli-compressed) inside the npm package, unpacked atomically on first use. */
async function npmChromium(): Promise<string> {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve(NPM_PACKAGE));
  } catch (error) {
    throw new Error(
      `No Chromium on PATH and the npm package ${NPM_PACKAGE} is not installed. ` +
        'Run `npm ci` (it is a devDependency) or `apt-get install -y chromium`, or set CHROMIUM_PATH.',
      { cause: error },
    );
  }
  // build/esm/index.js → package root
  const root = path.resolve(path.dirname(entry), '..', '..');
  const version = (createRequire(entry)(path.join(root, 'package.json')) as { version: string })
    .version;
  const compressed = path.join(root, 'bin', 'chromium.br');
  if (!existsSync(compressed)) {
    throw new Error(`${NPM_PACKAGE} ${version} has no ${compressed} (unsupported platform?)`);
  }
  const dir = path.join(tmpdir(), `motcua-chromium-${version}`);
  const binary = path.join(dir, 'chromium');
  if (isExecutable(binary)) return binary;
  await mkdir(dir, { recursive: true });
  // Unpack under a private name and rename: parallel test workers never see half a binary.
  const partial = `${binary}.${process.pid}.${Date.now()}.part`;
  try {
    await pipeline(
      createReadStream(compressed),
      createBrotliDecompress(),
      createWriteStream(partial, { mode: 0o755 }),
    );
    await rename(partial, binary);
  } finally {
    await rm(partial, { force: true });
  }
  return binary;
}

let found: Promise<ChromiumExecutable> | undefined;

/** Finds (and on first use unpacks) the Chromium this test run uses. */
export function findChromium(): Promise<ChromiumExecutable> {
  found ??= (async (): Promise<ChromiumExecutable> => {
    const configured = process.env['CHROMIUM_PATH'];
    if (configured) {
      if (!isExecutable(configured))
        throw new Error(`CHROMIUM_PATH=${configured} is not an executable file`);
      return { path: configured, source: 'CHROMIUM_PATH' };
    }
    const system = systemChromium();
    if (system) return { path: system, source: 'system' };
    return { path: await npmChromium(), source: 'npm' };
  })();
  return found;
}

/**
 * Launches headless Chromium with the project's flags (extra `options.args` are appended).
 * Close it in `afterAll`.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executable = await findChromium();
  try {
    return await chromium.launch({
      ...options,
      executablePath: executable.path,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    });
  } catch (error) {
    throw new Error(
      `Chromium (${executable.source}: ${executable.path}) did not start: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
