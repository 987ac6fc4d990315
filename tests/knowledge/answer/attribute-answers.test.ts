import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatReply } from '../../../common/chat.js';
import type { Procedure } from '../../../knowledge/index.js';
import { realAssistant } from '../../support/assistant.js';

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

const vnd = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const firstWords = (text: string, n = 6) =>
  text
    .replace(/^[-–•*+\s]+/, '')
    .split(/\s+/)
    .slice(0, n)
    .join(' ');

function expectFacts(kind: (typeof KINDS)[number], p: Procedure, text: string) {
  const methods = p.filingMethods;
  switch (kind) {
    case 'fee': {
      const fees = methods.flatMap((m) => m.fees);
      if (fees.length === 0) return expect(text).toMatch(/chưa ghi thông tin này/);
      for (const fee of fees) {
        if (fee.amountVnd === 0) expect(text).toMatch(/Miễn phí/);
        else if (fee.amountVnd !== null) expect(text).toContain(vnd(fee.amountVnd));
        else expect(text).toContain(fee.text);
      }
      return;
    }
    case 'time': {
      const times = methods.map((m) => m.processingTime).filter((t) => t !== null);
      if (times.length === 0) return expect(text).toMatch(/chưa ghi thông tin này/);
      for (const t of times) {
        if (t.unit !== 'other' && t.quantity !== null) expect(text).toContain(`${t.quantity} `);
        else if (t.text) expect(text).toContain(t.text);
      }
      return;
    }
    case 'documents': {
      const first = p.documentGroups.find((g) => g.documents.length > 0)?.documents[0];
      if (!first) return expect(text).toMatch(/chưa ghi thông tin này/);
      return expect(text).toContain(firstWords(first.name));
    }
    case 'where': {
      const agency = p.agencies.executing[0] ?? p.agencies.competent[0];
      if (agency) expect(text).toContain(agency);
      if (p.levels.includes('xa')) expect(text).toMatch(/cấp xã/);
      return;
    }
    case 'online': {
      if (methods.some((m) => m.channel === 'online')) {
        expect(text).toMatch(/Làm trực tuyến: CÓ/);
        expect(text).toContain(p.sourceUrl);
      } else {
        expect(text).toMatch(/chưa có hình thức nộp trực tuyến/);
      }
      return;
    }
    case 'form': {
      const forms = p.documentGroups.flatMap((g) => g.documents.flatMap((d) => d.forms));
      if (forms.length === 0) return expect(text).toMatch(/không ghi mẫu đơn/);
      return expect(text).toContain(forms[0]!.title ?? forms[0]!.fileName);
    }
  }
}

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
        expectFacts(kind as (typeof KINDS)[number], record, answerText);
        expect(answerText).toContain(record.code);
        expect(answerText).toContain(record.sourceUrl);
      })();
    },
  );
});
