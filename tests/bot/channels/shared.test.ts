import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../common/logger.js';
import { PendingChoices } from '../../../bot/channels/shared/pending-choices.js';
import { RateLimiter } from '../../../bot/channels/shared/rate-limiter.js';
import { renderPlain } from '../../../bot/channels/shared/render-plain.js';
import { scrubbingLogger, scrubSecrets } from '../../../bot/channels/shared/scrub.js';
import { splitText } from '../../../bot/channels/shared/split-text.js';
import { CallbackCodec } from '../../../bot/channels/telegram/callback-data.js';

describe('splitText', () => {
  it('prefers a line break, then a sentence end, when no paragraph break fits', () => {
    const lines = ['Bước 1: nộp tờ khai.', 'Bước 2: nhận giấy hẹn.', 'Bước 3: nhận kết quả.'].join(
      '\n',
    );
    expect(splitText(lines, 45)).toEqual([
      'Bước 1: nộp tờ khai.\nBước 2: nhận giấy hẹn.',
      'Bước 3: nhận kết quả.',
    ]);
    const sentences = 'Câu một khá dài. Câu hai cũng dài. Câu ba.';
    expect(splitText(sentences, 36)).toEqual(['Câu một khá dài. Câu hai cũng dài.', 'Câu ba.']);
  });

  it('cuts a word only when nothing else fits, and never inside an emoji', () => {
    expect(splitText('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
    const parts = splitText('😀'.repeat(5), 3);
    expect(parts.join('')).toBe('😀'.repeat(5));
    for (const part of parts) expect(part).toMatch(/^(😀)+$/u);
  });
});

describe('scrubbing', () => {
  it('removes tokens from URLs and known secrets from every log line', () => {
    expect(scrubSecrets('GET https://bot-api.zaloplatforms.com/bot12:abc/getMe failed', [])).toBe(
      'GET https://bot-api.zaloplatforms.com/bot[redacted]/getMe failed',
    );
    const lines: string[] = [];
    const logger = scrubbingLogger(createLogger({ write: (l) => lines.push(l) }), ['s3cr3t-value']);
    logger.error('failed with s3cr3t-value', {
      error: new Error('token s3cr3t-value rejected'),
      nested: { a: ['s3cr3t-value'] },
    });
    expect(lines.join('')).not.toContain('s3cr3t-value');
    expect(lines.join('')).toContain('[redacted]');
  });
});

describe('RateLimiter', () => {
  it('allows a burst, warns once, then drops until the bucket refills', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perMinute: 6, now: () => now });
    expect(['a', 'a', 'a', 'a'].map((k) => limiter.take(k))).toEqual([
      'allow',
      'allow',
      'warn',
      'drop',
    ]);
    expect(limiter.take('b')).toBe('allow');
    now += 10_000; // one token back
    expect(limiter.take('a')).toBe('allow');
    expect(limiter.take('a')).toBe('warn');
  });
});

describe('PendingChoices', () => {
  const reply = {
    answered: false,
    text: '',
    procedure: { code: 'P', name: 'p' },
    choices: [{ code: 'A', label: 'Thủ tục A' }],
    sources: [],
    hasMore: true,
  };

  it('reads numbers and "xem them" without diacritics, and forgets after the TTL', () => {
    let now = 0;
    const pending = new PendingChoices(1000, 10, () => now);
    pending.remember('u', reply);
    expect(pending.resolve('u', ' 1. ')?.action).toEqual({ type: 'pick', code: 'A' });
    pending.remember('u', reply);
    expect(pending.resolve('u', 'XEM THEM')?.action).toEqual({ type: 'more', code: 'P' });
    pending.remember('u', reply);
    expect(pending.resolve('u', '7')).toBeUndefined();
    pending.remember('u', reply);
    now = 2000;
    expect(pending.resolve('u', '1')).toBeUndefined();
  });
});

describe('CallbackCodec', () => {
  it('keeps callback data within 64 bytes even for long codes', () => {
    const codec = new CallbackCodec();
    const long = 'thủ-tục-'.repeat(10);
    const data = codec.encode({ type: 'pick', code: long });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(codec.decode(data)).toEqual({ type: 'pick', code: long });
    expect(codec.decode('p#unknown')).toBeUndefined();
    expect(codec.decode('zz')).toBeUndefined();
  });
});

describe('renderPlain', () => {
  const reply = (labels: string[]) => ({
    answered: false,
    text: 'Bạn đang hỏi về thủ tục nào?',
    procedure: null,
    choices: labels.map((label, i) => ({ code: String(i), label })),
    sources: [],
    hasMore: false,
  });

  it('numbers the choices once, whether or not the core numbered them', () => {
    expect(renderPlain(reply(['1. Đăng ký khai tử', '2. Đăng ký khai sinh']))).toContain(
      '\n1. Đăng ký khai tử\n2. Đăng ký khai sinh',
    );
    expect(renderPlain(reply(['Đăng ký khai tử', 'Đăng ký khai sinh']))).toContain(
      '\n1. Đăng ký khai tử\n2. Đăng ký khai sinh',
    );
  });
});
