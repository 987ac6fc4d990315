import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from '../../../knowledge/catalogue/catalogue.js';
import {
  BUNDLED_CATALOGUE_DIR,
  PROCEDURES_FILE,
} from '../../../knowledge/catalogue/load-catalogue.js';
import type { Procedure } from '../../../knowledge/catalogue/procedure-schema.js';
import { sha256 } from '../../../knowledge/catalogue/import/write-catalogue.js';

/*
 * Checks the committed catalogue (knowledge/catalogue/data) itself: completeness and spot checks against the
 * official sources. Numbers in the comments are from the import report of the committed data.
 */

let catalogue: Catalogue;
beforeAll(() => {
  catalogue = Catalogue.load({ validate: true }); // every record through the zod schema
});

const need = (code: string): Procedure => {
  const p = catalogue.get(code);
  if (!p) throw new Error(`${code} missing`);
  return p;
};
const documentNames = (p: Procedure) =>
  p.documentGroups.flatMap((g) => g.documents.map((d) => d.name));

describe('committed catalogue', () => {
  it('matches its meta.json (count and sha256)', () => {
    const text = readFileSync(path.join(BUNDLED_CATALOGUE_DIR, PROCEDURES_FILE), 'utf8');
    const meta = JSON.parse(readFileSync(path.join(BUNDLED_CATALOGUE_DIR, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({
      schemaVersion: 1,
      count: catalogue.procedures.length,
      sha256: sha256(text),
    });
    expect(meta.snapshotDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists every procedure of the master list (5,670 lines, 5,669 distinct codes)', () => {
    // One code (1.014325) is used by two different procedures in the list; the line typed " 1.014325" is
    // reported and skipped, so 5,669 codes remain, all present.
    const listed = catalogue.procedures.filter((p) => p.sources.includes('dvcqg-catalog'));
    expect(listed).toHaveLength(5669);
  });

  it('has at least 3,000 detailed procedures, 95 % of them with documents, a processing time and legal bases', () => {
    const detailed = catalogue.procedures.filter((p) => p.detail === 'full');
    expect(detailed.length).toBeGreaterThanOrEqual(3000);
    const share = (pred: (p: Procedure) => boolean) =>
      detailed.filter(pred).length / detailed.length;
    expect(share((p) => documentNames(p).length > 0)).toBeGreaterThanOrEqual(0.95);
    expect(
      share((p) => p.filingMethods.some((m) => m.processingTime !== null)),
    ).toBeGreaterThanOrEqual(0.95);
    expect(share((p) => p.legalBases.length > 0)).toBeGreaterThanOrEqual(0.95);
  });

  it('1.001193 (đăng ký khai sinh) is commune level, needs the Giấy chứng sinh and costs nothing online', () => {
    const p = need('1.001193');
    expect(p.levels).toContain('xa');
    expect(documentNames(p).some((n) => n.includes('Giấy chứng sinh'))).toBe(true);
    const online = p.filingMethods.find((m) => m.channel === 'online');
    expect(online?.fees.length).toBeGreaterThan(0);
    expect(online?.fees.every((f) => f.amountVnd === 0)).toBe(true);
  });

  it('1.000894 (đăng ký kết hôn) is commune level with a free online filing', () => {
    const p = need('1.000894');
    expect(p.name).toMatch(/đăng ký kết hôn/i);
    expect(p.levels).toContain('xa');
    const online = p.filingMethods.find((m) => m.channel === 'online');
    expect(online?.fees.every((f) => f.amountVnd === 0)).toBe(true);
    expect(online?.fees[0]?.text).toMatch(/^Miễn lệ phí/);
  });

  it('2.000815 (chứng thực bản sao) charges per page', () => {
    const fees = need('2.000815').filingMethods.flatMap((m) => m.fees);
    expect(fees).toContainEqual(
      expect.objectContaining({ amountVnd: 2000, text: expect.stringMatching(/\/trang/) }),
    );
  });

  it('1.004222 (đăng ký thường trú) asks for form CT01', () => {
    const p = need('1.004222');
    const mentions = p.documentGroups.flatMap((g) =>
      g.documents.flatMap((d) => [d.name, ...d.forms.map((f) => f.fileName)]),
    );
    expect(mentions.some((text) => /CT01/.test(text))).toBe(true);
    expect(p.filingMethods.find((m) => m.channel === 'online')?.fees[0]?.amountVnd).toBe(10000);
  });

  it('finds the commune-level variant of a ministry-level procedure', () => {
    expect(catalogue.communeVariant('1.010048')?.code).toBe('1.014363');
  });

  it('contains no portal UI text', () => {
    const text = readFileSync(path.join(BUNDLED_CATALOGUE_DIR, PROCEDURES_FILE), 'utf8');
    expect(text).not.toMatch(
      /Chọn cơ quan thực hiện|-- Chọn Tỉnh|Hệ thống chỉ hiển thị những cơ quan|Mã: KQ/,
    );
  });
});

describe('npm run catalogue (CLI contract)', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const script = path.resolve('scripts/catalogue.ts');

  it('--stats prints one JSON object with the counts', () => {
    const out = execFileSync(tsx, [script, '--stats'], { encoding: 'utf8' });
    const stats = JSON.parse(out);
    expect(stats).toMatchObject({
      listed: catalogue.procedures.length,
      snapshotDate: catalogue.snapshotDate,
    });
    for (const key of ['detailed', 'withDocuments', 'withProcessingTime', 'withLegalBasis'])
      expect(typeof stats[key]).toBe('number');
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('--get prints the record, and exits 1 with a Vietnamese message for an unknown code', () => {
    expect(
      JSON.parse(execFileSync(tsx, [script, '--get', '1.001193'], { encoding: 'utf8' })),
    ).toEqual(need('1.001193'));
    const missing = spawnSync(tsx, [script, '--get', '9.999999'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('Không tìm thấy thủ tục');
  });
});
