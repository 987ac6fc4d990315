import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../../common/logger.js';
import { HybridRetriever } from '../../../knowledge/retrieval/hybrid-retriever.js';
import { createAssistant } from '../../../scripts/lib/create-assistant.js';
import { testConfig } from '../../support/assistant.js';

const LETTER =
  'Ông nội tôi mất ở nhà hôm qua, thọ 92 tuổi. Gia đình đang lo hậu sự. Xin hỏi gia đình cần báo với xã thế nào, giấy tờ gì, trong thời hạn bao lâu?';

describe('createAssistant and the optional letter rewriting', () => {
  it('searches with the plain index retriever when no LLM is configured (the default)', async () => {
    const assistant = await createAssistant(testConfig(), silentLogger);
    // No chat model, no wrapper: the offline path is the index retriever itself.
    expect(assistant.retriever).toBeInstanceOf(HybridRetriever);
  });

  it('falls back to the offline search when the configured provider cannot be reached', async () => {
    const env = {
      LLM_PROVIDER: 'ollama',
      LLM_MODEL: 'qwen2.5',
      // Nothing listens on the discard port: every call fails fast.
      LLM_BASE_URL: 'http://127.0.0.1:9',
      LLM_REWRITE_TIMEOUT_MS: '2000',
    };
    const offline = await createAssistant(testConfig(), silentLogger);
    const plain = await createAssistant(testConfig(env), silentLogger);
    expect(plain.retriever).toBeInstanceOf(HybridRetriever);

    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    const rewriting = await createAssistant(
      testConfig({ ...env, LLM_REWRITE_LETTERS: 'true' }),
      logger,
    );
    expect(rewriting.retriever).not.toBeInstanceOf(HybridRetriever);
    expect(await rewriting.retriever.search(LETTER)).toEqual(
      await offline.retriever.search(LETTER),
    );
    expect(lines.some((l) => l.includes('letter rewrite dropped'))).toBe(true);
    expect(lines.join('\n')).not.toContain('Ông nội');
  }, 60_000);
});
