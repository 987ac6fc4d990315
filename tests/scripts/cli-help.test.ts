import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runScript, type ScriptRun } from '../support/run-script.js';

/*
 * Every command-line entry point (scripts/*.ts) answers `--help` with its usage on stdout and exit 0,
 * before reading configuration or doing any work (no stack trace, no "unknown option").
 */
const SCRIPTS = readdirSync(path.join(ROOT, 'scripts'))
  .filter((f) => f.endsWith('.ts'))
  .sort();

function run(script: string, arg: string): Promise<ScriptRun> {
  // An unusable port and data folder: a script that ignored --help and started work would fail.
  return runScript(script, [arg], {
    env: { PORT: '1', DATA_DIR: '/nonexistent/motcua-help-test' },
  });
}

describe('--help', () => {
  it('lists the command-line tools', () => {
    expect(SCRIPTS).toEqual(
      expect.arrayContaining(['officer-add.ts', 'catalogue.ts', 'ask.ts', 'eval.ts', 'start.ts']),
    );
  });

  it('answers with the usage on stdout and exit 0 for every script', async () => {
    const results: Array<[string, Awaited<ReturnType<typeof run>>]> = [];
    // Two at a time: each is a Node process loading TypeScript.
    for (let i = 0; i < SCRIPTS.length; i += 2) {
      const batch = SCRIPTS.slice(i, i + 2);
      const done = await Promise.all(batch.map((s) => run(s, '--help')));
      batch.forEach((s, j) => results.push([s, done[j]!]));
    }
    for (const [script, r] of results) {
      expect({ script, code: r.code }).toEqual({ script, code: 0 });
      expect(r.out, script).toMatch(/usage|cách dùng/i);
      expect(r.err, script).not.toMatch(/\n\s+at /);
    }
    // -h is the same.
    const short = await run('catalogue.ts', '-h');
    expect(short.code).toBe(0);
    expect(short.out).toMatch(/--stats/);
  }, 300_000);
});
