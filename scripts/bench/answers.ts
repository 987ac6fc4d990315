/**
 * Benchmark `answers`: time to answer one resident question end to end in the conversation core
 * (retrieval + decision + grounded composition), warm, over the dev-set questions.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../common/config.js';
import { silentLogger } from '../../common/logger.js';
import { createMemoryGapLog } from '../../knowledge/index.js';
import { createAssistant } from '../lib/create-assistant.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(): Promise<Record<string, unknown>> {
  const { conversation } = await createAssistant(loadConfig(), silentLogger, {
    gapLog: createMemoryGapLog(),
  });
  const questions = readFileSync(new URL('../../tests/eval/dev-set.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question);
  // Warm-up pass (JIT, caches), then the measured passes; each question in a fresh session.
  let n = 0;
  for (const q of questions)
    await conversation.handle({ channel: 'cli', userId: `w${n++}`, text: q });
  const times: number[] = [];
  let chars = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const q of questions) {
      const t0 = performance.now();
      const reply = await conversation.handle({ channel: 'cli', userId: `m${n++}`, text: q });
      times.push(performance.now() - t0);
      chars += reply.text.length;
    }
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    questions: times.length,
    latencyMs: {
      p50: round(percentile(times, 50)),
      p90: round(percentile(times, 90)),
      p99: round(percentile(times, 99)),
      max: round(times.at(-1)!),
    },
    meanReplyChars: Math.round(chars / times.length),
  };
}

export const bench = { name: 'answers', run };

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((r) => process.stdout.write(JSON.stringify({ answers: r }) + '\n'));
}
