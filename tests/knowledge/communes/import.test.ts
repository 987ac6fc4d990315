import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMergedFrom } from '../../../knowledge/communes/import/merged-from.js';
import { runCommuneImport } from '../../../knowledge/communes/import/run-import.js';
import {
  BUNDLED_COMMUNES_DIR,
  COMMUNES_FILE,
  IMPORT_REPORT_FILE,
  loadCommuneData,
} from '../../../knowledge/communes/load-communes.js';

// The public files are not committed: ../shared/data next to the repo, or ADMIN_UNITS_SOURCE.
const source = [
  process.env.ADMIN_UNITS_SOURCE,
  path.resolve(import.meta.dirname, '../../../../shared/data'),
].find((d) => d !== undefined && existsSync(path.join(d, 'admin-units')));

describe('parsing "truocsapnhap"', () => {
  it('reads type, name, a district in brackets and "(phần còn lại …)"', () => {
    const parsed = parseMergedFrom(
      'Thị trấn Hậu Lộc, Xã Xuân Lộc (huyện Hậu Lộc), Phường Ba Đình (thị xã Bỉm Sơn), Xã Luận Khê (phần còn lại sau khi sáp nhập, điều chỉnh)',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.mentions.map((m) => [m.type, m.name.join(' '), m.district, m.remainder])).toEqual(
      [
        ['thi_tran', 'hậu lộc', null, false],
        ['xa', 'xuân lộc', 'huyện Hậu Lộc', false],
        ['phuong', 'ba đình', 'thị xã Bỉm Sơn', false],
        ['xa', 'luận khê', null, true],
      ],
    );
    expect(parseMergedFrom('Không sáp nhập').mentions).toEqual([]);
    expect(parseMergedFrom('Hoằng Quỳ').problems).toHaveLength(1);
  });
});

describe('the committed commune data', () => {
  it('validates and matches every old unit with nothing left unmatched', () => {
    const data = loadCommuneData();
    expect(data.communes).toHaveLength(166);
    expect(data.formerCommunes).toHaveLength(547);
    const report = JSON.parse(
      readFileSync(path.join(BUNDLED_COMMUNES_DIR, IMPORT_REPORT_FILE), 'utf8'),
    );
    expect(report.counts).toMatchObject({ communes: 166, formerCommunes: 547, formerMatched: 547 });
    expect(report.unmatched).toEqual([]);
    expect(report.codeJoinProblems).toEqual([]);
  });

  it.skipIf(!source)('is what re-importing the public files gives, byte for byte', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'communes-'));
    try {
      runCommuneImport({ sourceDir: source!, outDir: out });
      for (const file of [COMMUNES_FILE, IMPORT_REPORT_FILE]) {
        expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(
          readFileSync(path.join(BUNDLED_COMMUNES_DIR, file), 'utf8'),
        );
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
