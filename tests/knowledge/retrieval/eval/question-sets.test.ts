import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CATALOGUE_DIR,
  PROCEDURES_FILE,
} from '../../../../knowledge/catalogue/load-catalogue.js';
import { loadDevSet } from '../../../../knowledge/retrieval/eval/dev-set.js';

const SETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../eval');
const codes = new Set(
  readFileSync(path.join(BUNDLED_CATALOGUE_DIR, PROCEDURES_FILE), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { code: string }).code),
);
const files = readdirSync(SETS_DIR).filter((f) => f.endsWith('.jsonl'));

// Every labelled question set `npm run eval` reports is checked the same way: a code that left the
// catalogue would silently count as a miss.
describe.each(files)('question set %s', (file) => {
  const lines = loadDevSet(path.join(SETS_DIR, file));

  it('labels every question with procedure codes from the catalogue', () => {
    const unknown = lines.flatMap((q) => q.expected.filter((c) => !codes.has(c)));
    expect(unknown).toEqual([]);
  });

  it('has unique ids and NFC text', () => {
    expect(new Set(lines.map((q) => q.id)).size).toBe(lines.length);
    expect(lines.filter((q) => q.question !== q.question.normalize('NFC'))).toEqual([]);
  });
});

describe('the letter dev set', () => {
  const letters = loadDevSet(path.join(SETS_DIR, 'letters-dev.jsonl'));

  it('has at least 150 letters of two or more sentences', () => {
    expect(letters.length).toBeGreaterThanOrEqual(150);
    const short = letters.filter((q) => q.question.split(/[.?!]\s/).length < 2);
    expect(short.map((q) => q.id)).toEqual([]);
  });

  it('covers the merit and social-insurance fields, not only the commune desk', () => {
    const fields = new Set(letters.map((q) => q.field));
    for (const field of ['Người có công', 'Bảo trợ xã hội', 'Đất đai', 'Hộ tịch', 'Chứng thực']) {
      expect(fields).toContain(field);
    }
    expect(letters.filter((q) => q.field === 'Người có công').length).toBeGreaterThanOrEqual(20);
  });
});
