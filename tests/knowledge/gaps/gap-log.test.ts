import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAPS_FILE, createFileGapLog, topGaps } from '../../../knowledge/gaps/gap-log.js';

describe('knowledge-gap log', () => {
  it('stores questions without personal numbers and ranks the most frequent', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motcua-gaps-'));
    const log = createFileGapLog(dir);
    log.record({ channel: 'web', question: 'giá vàng hôm nay', reason: 'not_confident' });
    log.record({ channel: 'zalo', question: 'gia vang hom nay', reason: 'not_confident' });
    log.record({
      channel: 'web',
      question: 'CCCD của tôi 038095001234, sđt 0912345678 bị khóa',
      reason: 'not_confident',
    });
    appendFileSync(path.join(dir, GAPS_FILE), '{"torn line'); // a crash mid-write must not break the report

    const raw = readFileSync(path.join(dir, GAPS_FILE), 'utf8');
    expect(raw).not.toContain('038095001234');
    expect(raw).not.toContain('0912345678');

    const top = topGaps(dir);
    expect(top[0]).toMatchObject({ count: 2 });
    expect(top).toHaveLength(2);
  });
});
