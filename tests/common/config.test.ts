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

  it('keeps the audit key beside the embedded database by default, and demands one in production on PostgreSQL', () => {
    const dev = loadConfig({ DATA_DIR: '/srv/motcua/data' });
    expect(dev.audit).toEqual({
      key: undefined,
      keyFile: '/srv/motcua/data/audit-key',
      generate: true,
    });
    expect(
      loadConfig({ AUDIT_KEY_FILE: '/run/secrets/motcua-audit-key', DATA_DIR: '/d' }).audit,
    ).toEqual({ key: undefined, keyFile: '/run/secrets/motcua-audit-key', generate: false });
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example/motcua' }),
    ).toThrow(/AUDIT_KEY: .*NODE_ENV=production and DATABASE_URL/);
    expect(() => loadConfig({ AUDIT_KEY: 'too-short' })).toThrow(/AUDIT_KEY must be at least 32/);
    const prod = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.example/motcua',
      AUDIT_KEY: 'k'.repeat(40),
    });
    expect(prod.audit.key).toBe('k'.repeat(40));
  });
});
