import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatReply } from '../../../common/chat.js';
import { realAssistant } from '../../support/assistant.js';
import { expectClean, expectFact } from '../../support/record-facts.js';

/*
 * Thirty resident questions from the dev set, five per attribute kind, answered through the full
 * conversation core. Each answer must contain the asked facts of the record it names — checked
 * against the record's raw values, not against hard-coded strings.
 */

interface DevQuestion {
  id: string;
  question: string;
  expected: string[];
  style: string;
  attribute: string;
}

const KINDS = ['fee', 'time', 'documents', 'where', 'online', 'form'] as const;
const devSet: DevQuestion[] = readFileSync(
  new URL('../../eval/dev-set.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as DevQuestion);
const sample = KINDS.flatMap((kind) =>
  devSet.filter((q) => q.style === 'accented' && q.attribute === kind).slice(0, 5),
);

let replies: Map<string, ChatReply>;
let assistant: Awaited<ReturnType<typeof realAssistant>>;

beforeAll(async () => {
  assistant = await realAssistant();
  replies = new Map();
  for (const q of sample) {
    replies.set(
      q.id,
      await assistant.conversation.handle({ channel: 'cli', userId: q.id, text: q.question }),
    );
  }
});

describe('attribute questions are answered with the record facts', () => {
  it('covers 30 questions, five of each kind', () => {
    expect(sample).toHaveLength(30);
  });

  it('finds the expected procedure for most of them', () => {
    const right = sample.filter((q) =>
      q.expected.includes(replies.get(q.id)?.procedure?.code ?? ''),
    );
    expect(right.length).toBeGreaterThanOrEqual(24);
  });

  it.each(sample.map((q) => [q.attribute, q.question, q] as const))(
    '%s: %s',
    (kind, _question, q) => {
      const reply = replies.get(q.id)!;
      // A clarification or abstention states no facts; answer the expected record instead, as a pick would.
      const code = reply.procedure?.code ?? q.expected[0]!;
      const record = assistant.catalogue.get(code)!;
      const text = reply.procedure ? reply.text : undefined;
      return (async () => {
        const answerText =
          text ?? (await assistant.answerer.explain(record, { question: q.question })).text;
        expectFact(kind as (typeof KINDS)[number], record, answerText);
        expectClean(record, answerText);
        expect(answerText).toContain(record.code);
        expect(answerText).toContain(record.sourceUrl);
      })();
    },
  );
});
