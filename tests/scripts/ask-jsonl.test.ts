import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';
import { FIXTURE_CATALOGUE, tempDir } from '../knowledge/retrieval/support.js';

async function ask(
  stdin: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { code, out, err } = await runScript('ask.ts', ['--jsonl'], { env, stdin });
  return { code, stdout: out, stderr: err };
}

let tmp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  tmp = await tempDir('motcua-ask-');
});
afterAll(async () => tmp.cleanup());

describe('npm run ask -- --jsonl', () => {
  it('writes exactly one JSON answer line per question and nothing else on stdout', async () => {
    const input = [
      JSON.stringify({ id: 'q1', question: 'lam giay khai sinh cho be' }),
      'this is not json',
      JSON.stringify({ id: 'q2', question: 'chào bạn' }),
      '',
      JSON.stringify({ id: 'q3', question: '😀'.repeat(5000) }),
      JSON.stringify({ id: 'q4' }),
    ].join('\n');
    const env = {
      CATALOGUE_DIR: FIXTURE_CATALOGUE,
      INDEX_DIR: path.join(tmp.dir, 'index'),
      LOG_SILENT: 'true',
    };
    const { code, stdout, stderr } = await ask(input, env);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const answers = lines.map(
      (l) =>
        JSON.parse(l) as {
          id: unknown;
          answered: boolean;
          results: Array<{ code: string; name: string; score: number }>;
          error?: string;
        },
    );
    expect(answers[0]).toMatchObject({ id: 'q1', answered: true });
    expect(answers[0]!.results[0]).toMatchObject({
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
    });
    expect(answers[0]!.results.length).toBeLessThanOrEqual(5);
    expect(answers[1]).toMatchObject({ answered: false, results: [] });
    expect(answers[1]!.error).toBeTruthy();
    expect(answers[2]).toMatchObject({ id: 'q2', answered: false });
    expect(answers[3]).toMatchObject({ id: 'q3', answered: false, results: [] });
    expect(answers[4]).toMatchObject({ id: 'q4', answered: false });
    expect(answers[4]!.error).toBeTruthy();
    // The index was built on first use, with the progress bar on stderr only.
    expect(stderr).toContain('Building search index');

    const again = await ask(JSON.stringify({ id: 'x', question: 'đăng ký kết hôn' }), env);
    expect(again.stderr).not.toContain('Building search index');
    const answer = JSON.parse(again.stdout) as {
      id: string;
      answered: boolean;
      results: Array<{ code: string }>;
    };
    expect(answer).toMatchObject({ id: 'x', answered: true });
    expect(answer.results[0]?.code).toBe('1.000894');
  });
});
