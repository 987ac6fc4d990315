/**
 * @module Finding a current search index for `npm start` without blocking the server: the configured
 * index when it is current, else the one `npm install` built (see scripts/postinstall.ts), else a build
 * in a separate low-priority process so the HTTP server keeps answering while it runs.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment, type Config } from '../../common/config.js';
import type { Logger } from '../../common/logger.js';
import { hasCurrentIndex } from '../../knowledge/index.js';

/** The project root (scripts/lib/ → ../../). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where `npm install` leaves a prebuilt index for the bundled catalogue. Under node_modules/.cache so it
 * goes with the installed dependencies (a fresh `npm ci` rebuilds it) and is never committed.
 */
export const INSTALL_INDEX_DIR = path.join(
  PROJECT_ROOT,
  'node_modules',
  '.cache',
  'motcua',
  'index',
);

const BUILD_SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'build-index.ts');

/** Where the index that the assistant should open is, and how it got there. */
export interface PreparedIndex {
  indexDir: string;
  source: 'configured' | 'install' | 'built';
  /** Milliseconds spent deciding (and building, when `source` is "built"). */
  ms: number;
}

/**
 * Resolves with a folder holding a current index: the configured one, the install-time one, or the
 * configured one after building it in a child process (`npm run build:index -- --if-stale`).
 */
export async function prepareIndex(
  knowledge: Config['knowledge'],
  logger: Logger,
): Promise<PreparedIndex> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (await hasCurrentIndex(knowledge)) {
    return { indexDir: knowledge.indexDir, source: 'configured', ms: ms() };
  }
  if (
    knowledge.indexDir !== INSTALL_INDEX_DIR &&
    (await hasCurrentIndex(knowledge, INSTALL_INDEX_DIR))
  ) {
    return { indexDir: INSTALL_INDEX_DIR, source: 'install', ms: ms() };
  }
  logger.info('building the search index in the background', { indexDir: knowledge.indexDir });
  await buildInChildProcess(knowledge.indexDir);
  return { indexDir: knowledge.indexDir, source: 'built', ms: ms() };
}

/**
 * Runs scripts/build-index.ts in its own process at low priority: the build is seconds of pure CPU
 * work that would otherwise stall every request of the server's event loop.
 */
export function buildInChildProcess(indexDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BUILD_SCRIPT, '--if-stale'], {
      cwd: PROJECT_ROOT,
      env: childEnvironment({ INDEX_DIR: indexDir }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // Lowering the priority is a courtesy; some sandboxes refuse it.
      }
    }
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else {
        const last =
          stderr
            .split(/[\r\n]/)
            .filter(Boolean)
            .pop() ?? '';
        reject(new Error(`index build exited with ${code ?? signal}: ${last}`));
      }
    });
  });
}
