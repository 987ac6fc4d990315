import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../common/config.js';
import { ConfigError } from '../../common/errors.js';

describe('loadConfig', () => {
  it('works with an empty environment (offline defaults)', () => {
    const config = loadConfig({});
    expect(config.server.port).toBe(3000);
    expect(config.knowledge.embeddings.provider).toBe('local');
    expect(config.knowledge.llm.provider).toBe('none');
    expect(config.telegram.token).toBeUndefined();
    expect(config.storage.databaseUrl).toBeUndefined();
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', LLM_PROVIDER: 'magic', TELEGRAM_API_ROOT: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LLM_PROVIDER/);
      expect(problems).toMatch(/TELEGRAM_API_ROOT/);
    }
  });

  it('requires a webhook secret when Telegram runs in webhook mode', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_MODE: 'webhook' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
  });
});
