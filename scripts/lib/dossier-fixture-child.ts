/**
 * Starts `scripts/dossier-fixture-server.ts` as a child process and waits for its port. Shared by the
 * crash test and the dossier benchmark, which must load or kill the server from another process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '../../common/config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(ROOT, 'scripts/dossier-fixture-server.ts');

export interface FixtureServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** Resolves when the child has exited. */
  exited: Promise<number | null>;
}

export async function startFixtureServer(options: {
  env: Record<string, string | undefined>;
  communes: string[];
  /** API processes sharing the port (PostgreSQL only). */
  workers?: number;
  /** Extra Node options for the server child (e.g. `--cpu-prof` when profiling the API). */
  nodeArgs?: string[];
  timeoutMs?: number;
}): Promise<FixtureServer> {
  // `node --import tsx` runs the server in this one process (the tsx CLI would add a wrapper process,
  // and a SIGKILL would then hit the wrapper instead of the server).
  const args = [
    ...options.communes.flatMap((c) => ['--commune', c]),
    '--workers',
    String(options.workers ?? 1),
  ];
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', SERVER, ...args],
    {
      cwd: ROOT,
      env: childEnvironment({ PORT: '0', LOG_SILENT: 'true', ...options.env }),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const listening = new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error('fixture server did not start in time')),
      options.timeoutMs ?? 60_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`fixture server exited with ${code} before listening`));
    });
  });
  let port: number;
  try {
    port = await listening;
  } catch (error) {
    // Never leave a half-started server (and its workers) behind.
    child.kill('SIGKILL');
    throw error;
  }
  return { child, port, url: `http://127.0.0.1:${port}`, exited };
}
