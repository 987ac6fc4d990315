import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/*
 * CI runs only `npm test`, so the lint rules that hold the architecture together (import boundaries, no
 * cycles, no process.env outside common/config.ts) and the strict type check run from here too.
 */
const run = promisify(execFile);

async function outputOf(
  command: string,
  args: string[],
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('repository quality gates', () => {
  it('passes ESLint (boundaries, no cycles, config read in one place)', async () => {
    const { code, output } = await outputOf('node_modules/.bin/eslint', [
      '.',
      '--max-warnings',
      '0',
    ]);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  }, 180_000);

  it('type-checks in strict mode', async () => {
    const { code, output } = await outputOf('node_modules/.bin/tsc', [
      '--noEmit',
      '-p',
      'tsconfig.json',
    ]);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  }, 180_000);
});
