import { describe, expect, it } from 'vitest';
import { createMemoryGapLog } from '../../../knowledge/gaps/gap-log.js';

describe('in-memory knowledge-gap log', () => {
  it('keeps questions without personal numbers and never the client', () => {
    const log = createMemoryGapLog();
    log.record({
      channel: 'web',
      client: 'ip:203.0.113.9',
      question: 'CCCD của tôi 038 095 001 234, sđt (+84) 912 345 678 bị khóa',
      reason: 'not_confident',
    });
    const stored = JSON.stringify(log.entries);
    expect(stored).not.toMatch(/038 095|912 345|203\.0\.113/);
    expect(log.entries[0]).toMatchObject({ channel: 'web', reason: 'not_confident' });
  });
});
