import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts run from there, as `npm run` runs them). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What a script printed and how it exited. */
export interface ScriptRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs `scripts/<script>` in a child Node with tsx, as a user's `npm run` would: `env` is added to
 * this process's environment, `stdin` (when given) is written and closed.
 */
export function runScript(
  script: string,
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join('scripts', script), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...options.env },
        stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  });
}
