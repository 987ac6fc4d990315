import { existsSync } from 'node:fs';
import path from 'node:path';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, inject, it, vi } from 'vitest';
import { loadConfig } from '../../../common/config.js';
import { createLogger } from '../../../common/logger.js';
import {
  BUNDLED_CATALOGUE_DIR,
  PROCEDURES_FILE,
} from '../../../knowledge/catalogue/load-catalogue.js';
import { createChatModel } from '../../../knowledge/llm/chat-model.js';
import {
  appendRequest,
  createLlmLetterRewriter,
  steer,
  withLetterRewriter,
} from '../../../knowledge/retrieval/letter-rewriter.js';
import { openRetriever } from '../../../knowledge/retrieval/open-retriever.js';
import {
  offeredHits,
  type RetrievalResult,
  type Retriever,
} from '../../../knowledge/retrieval/retriever.js';
import { LOCAL_EMBEDDINGS } from './support.js';

// lt-021 of tests/eval/letters-dev.jsonl: a death at home, told without the word "khai tử". Read as
// written, the offline retriever does not find the death registration (1.000656) in its top ten.
const DEATH_LETTER =
  'Ông nội tôi mất ở nhà hôm qua, thọ 92 tuổi. Gia đình đang lo hậu sự. Xin hỏi gia đình cần báo với xã thế nào, giấy tờ gì, trong thời hạn bao lâu?';
// What a model asked for one short request might answer: the situation, who, what is asked.
const DEATH_REQUEST = 'Ông nội tôi vừa mất tại nhà, gia đình phải báo tử với xã thế nào?';
const KHAI_TU = '1.000656';

/** A logger that keeps every line it would write. */
function capturingLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ write: (line) => lines.push(line) }) };
}

/** A retriever that records what it was asked and answers one fixed result. */
function recordingRetriever(result: RetrievalResult) {
  const asked: string[] = [];
  const retriever: Retriever = {
    search: (question) => {
      asked.push(question);
      return Promise.resolve(result);
    },
  };
  return { asked, retriever };
}

const hit = (code: string, name = `Thủ tục ${code}`) => ({ code, name, score: 0.5 });
const ANSWER: RetrievalResult = { answered: true, confidence: 0.8, hits: [hit('1.000001')] };

describe('the letter rewriter', () => {
  it('sends the letter with the instructions and returns one cleaned sentence; logs nothing', async () => {
    const model = new FakeListChatModel({ responses: [`  "${DEATH_REQUEST}"\n`] });
    const invoke = vi.spyOn(model, 'invoke');
    const { lines, logger } = capturingLogger();
    const rewriter = createLlmLetterRewriter(model, { timeoutMs: 1000, logger });
    expect(await rewriter.rewrite(DEATH_LETTER)).toBe(DEATH_REQUEST);
    const sent = JSON.stringify(invoke.mock.calls[0]?.[0]);
    expect(sent).toContain(DEATH_LETTER);
    expect(sent).toContain('MỘT câu hỏi ngắn');
    expect(lines).toEqual([]);
  });

  it.each([
    ['an empty answer', '   ', 'empty'],
    ['an answer longer than one request', `${'Gia đình tôi muốn hỏi '.repeat(20)}?`, 'too-long'],
    ['a procedure code', 'Tôi cần làm thủ tục 1.000656 thế nào?', 'code-or-link'],
  ])('drops %s and logs only why', async (_label, output, reason) => {
    const { lines, logger } = capturingLogger();
    const rewriter = createLlmLetterRewriter(new FakeListChatModel({ responses: [output] }), {
      timeoutMs: 1000,
      logger,
    });
    expect(await rewriter.rewrite(DEATH_LETTER)).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'letter rewrite dropped', reason });
    expect(lines[0]).not.toContain('Ông nội');
  });

  it('gives up after the timeout', async () => {
    const { lines, logger } = capturingLogger();
    const slow = new FakeListChatModel({ responses: [DEATH_REQUEST], sleep: 2000 });
    const rewriter = createLlmLetterRewriter(slow, { timeoutMs: 30, logger });
    const started = Date.now();
    expect(await rewriter.rewrite(DEATH_LETTER)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.parse(lines[0]!)).toMatchObject({ reason: 'timeout' });
  });

  it('survives a failing provider without logging the letter the error quotes', async () => {
    const model = new FakeListChatModel({ responses: [DEATH_REQUEST] });
    vi.spyOn(model, 'invoke').mockRejectedValue(new Error(`400 bad request: ${DEATH_LETTER}`));
    const { lines, logger } = capturingLogger();
    const rewriter = createLlmLetterRewriter(model, { timeoutMs: 1000, logger });
    expect(await rewriter.rewrite(DEATH_LETTER)).toBeUndefined();
    expect(JSON.parse(lines[0]!)).toMatchObject({ reason: 'error', kind: 'Error' });
    expect(lines.join('\n')).not.toContain('Ông nội');
  });
});

describe('retrieval with a letter rewriter', () => {
  it('never calls the model for a short question', async () => {
    const model = new FakeListChatModel({ responses: [DEATH_REQUEST] });
    const invoke = vi.spyOn(model, 'invoke');
    const { asked, retriever } = recordingRetriever(ANSWER);
    const rewriting = withLetterRewriter(
      retriever,
      createLlmLetterRewriter(model, { timeoutMs: 1000 }),
    );
    for (const q of ['làm giấy khai tử cho ông nội', 'Ông tôi mất, khai tử ở đâu?']) {
      expect(await rewriting.search(q)).toBe(ANSWER);
    }
    expect(invoke).not.toHaveBeenCalled();
    expect(asked).toEqual(['làm giấy khai tử cho ông nội', 'Ông tôi mất, khai tử ở đâu?']);
  });

  it('searches the letter as written when the rewrite fails', async () => {
    const { asked, retriever } = recordingRetriever(ANSWER);
    const rewriting = withLetterRewriter(retriever, {
      rewrite: () => Promise.resolve(undefined),
    });
    expect(await rewriting.search(DEATH_LETTER)).toBe(ANSWER);
    expect(asked).toEqual([DEATH_LETTER]);
  });

  it('appends the rewrite as the last request sentence, within what the letter reader reads', () => {
    expect(appendRequest('Chuyện dài. Xin hỏi?', 'Làm gì', 2000)).toBe(
      'Chuyện dài. Xin hỏi?\nLàm gì?',
    );
    const long = appendRequest('x'.repeat(3000), DEATH_REQUEST, 2000);
    expect(long.length).toBeLessThanOrEqual(2000);
    expect(long.endsWith(DEATH_REQUEST)).toBe(true);
  });

  it("keeps the letter's own first procedure among the choices when the rewrite disagrees", () => {
    const own: RetrievalResult = { answered: true, confidence: 0.7, hits: [hit('A'), hit('B')] };
    const agreeing: RetrievalResult = { ...own, hits: [hit('A'), hit('C')] };
    expect(steer(own, agreeing)).toBe(agreeing);
    const other: RetrievalResult = {
      answered: true,
      confidence: 0.9,
      hits: [hit('C'), hit('D'), hit('E'), hit('A')],
    };
    const steered = steer(own, other);
    expect(steered.hits[0]?.code).toBe('C');
    expect(offeredHits(steered).map((h) => h.code)).toEqual(['C', 'D', 'A']);
  });
});

describe('the rewriter is off unless configured', () => {
  it('builds no chat model and no rewriting with the default settings', async () => {
    const config = loadConfig({});
    expect(config.knowledge.llm.provider).toBe('none');
    expect(config.knowledge.llm.rewriteLetters).toBe(false);
    expect(await createChatModel(config.knowledge.llm)).toBeUndefined();
  });

  it('refuses LLM_REWRITE_LETTERS without a provider', () => {
    expect(() => loadConfig({ LLM_REWRITE_LETTERS: 'true' })).toThrow(/LLM_REWRITE_LETTERS/);
    expect(
      loadConfig({
        LLM_PROVIDER: 'ollama',
        LLM_MODEL: 'qwen2.5',
        LLM_REWRITE_LETTERS: 'true',
        LLM_REWRITE_TIMEOUT_MS: '1500',
      }).knowledge.llm,
    ).toMatchObject({ rewriteLetters: true, rewriteTimeoutMs: 1500 });
  });
});

const ready = existsSync(path.join(BUNDLED_CATALOGUE_DIR, PROCEDURES_FILE));

describe.skipIf(!ready)('a rewritten letter over the full catalogue', () => {
  it('finds the death registration through the rewrite', { timeout: 120_000 }, async () => {
    const { retriever } = await openRetriever({
      indexDir: inject('indexDir'),
      embeddings: LOCAL_EMBEDDINGS,
    });
    // The offline path used to miss this letter; since the civil-status situation
    // 'death-report-commune' ("báo với xã" after a death) it finds it too, so only the rewrite
    // path is checked here: the model is asked once and its request leads to the registration.

    const model = new FakeListChatModel({ responses: [DEATH_REQUEST] });
    const invoke = vi.spyOn(model, 'invoke');
    const { lines, logger } = capturingLogger();
    const rewriting = withLetterRewriter(
      retriever,
      createLlmLetterRewriter(model, { timeoutMs: 1000, logger }),
    );
    const result = await rewriting.search(DEATH_LETTER);
    expect(result.hits[0]?.code).toBe(KHAI_TU);
    expect(offeredHits(result).map((h) => h.code)).toContain(KHAI_TU);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([]);
  });
});
