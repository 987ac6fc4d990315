import { describe, expect, it } from 'vitest';
import { createLogger } from '../../common/logger.js';

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ write: (line) => lines.push(line) }) };
}

describe('logger', () => {
  it('writes one JSON line per entry with level, time and message', () => {
    const { lines, logger } = capture();
    logger.warn('chậm', { ms: 12 });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'warn', msg: 'chậm', ms: 12 });
    expect(Date.parse(String(entry['t']))).not.toBeNaN();
  });

  it('redacts personal numbers in messages, nested fields and errors', () => {
    const { lines, logger } = capture();
    logger.error('gọi 0912 345 678', {
      note: { text: 'CCCD 038 090 012 345' },
      error: new Error('số 038090012345'),
    });
    const line = lines.join('\n');
    expect(line).not.toMatch(/0912|345 678|038090012345|038 090/);
    expect(line).toMatch(/\[sđt\]/);
    expect(line).toMatch(/\[cccd\]/);
  });

  it('censors fields named like secrets whole, at the top and one level down', () => {
    const { lines, logger } = capture();
    logger.info('login', {
      password: 'hunter2-long',
      user: { token: 'short', name: 'An' },
      headers: { authorization: 'Bearer x' },
    });
    const entry = JSON.parse(lines[0]!) as Record<string, Record<string, unknown> | string>;
    expect(entry['password']).toBe('[redacted]');
    expect(entry['user']).toEqual({ token: '[redacted]', name: 'An' });
    expect(lines[0]).not.toMatch(/hunter2|Bearer/);
  });

  it('never writes the audit key, even when a whole config section is logged', () => {
    const { lines, logger } = capture();
    const key = 'khoa-kiem-toan-rat-dai-0123456789abcdef';
    logger.info('config', { audit: { key, keyFile: '/srv/motcua/audit-key' } });
    logger.info('config', { config: { audit: { key } } });
    expect(lines.join('\n')).not.toContain(key);
    expect(lines[0]).toContain('/srv/motcua/audit-key');
  });

  it('writes nothing when silent', () => {
    const lines: string[] = [];
    createLogger({ silent: true, write: (l) => lines.push(l) }).error('x');
    expect(lines).toEqual([]);
  });
});
