import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportResult } from '../../../../knowledge/catalogue/import/run-import.js';
import { writeCatalogueAtomically } from '../../../../knowledge/catalogue/import/write-catalogue.js';
import { loadCatalogue } from '../../../../knowledge/catalogue/load-catalogue.js';
import { FIXTURE_SOURCES } from './fixtures.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'catalogue-import-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );

describe('runImport on real sample sources', () => {
  let first: ImportResult;
  let out: string;
  beforeAll(() => {
    out = path.join(work, 'data');
    first = runImport({ sourceDir: FIXTURE_SOURCES, outDir: out });
  });

  it('writes a catalogue that loads with full schema validation', () => {
    const loaded = loadCatalogue({ dir: out, validate: true });
    expect(loaded.meta).toEqual(first.meta);
    expect(loaded.procedures.map((p) => p.code)).toEqual(
      [...loaded.procedures.map((p) => p.code)].sort(),
    );
    expect(loaded.meta.snapshotDate).toBe('2026-07-20');
    const text = readFileSync(path.join(out, 'procedures.jsonl'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(loaded.meta.count + 1);
  });

  it('lists every master-list procedure and merges the detail sources into it', () => {
    const codes = first.procedures.map((p) => p.code);
    const listLines = readFileSync(
      path.join(FIXTURE_SOURCES, 'dvcqg-opengov/backend/data/crawl/catalog.jsonl'),
      'utf8',
    )
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { code: string }).code.trim());
    for (const code of listLines) expect(codes).toContain(code);
    const birth = first.procedures.find((p) => p.code === '1.001193');
    expect(birth?.sources).toEqual([
      'dvcqg-api',
      'dvcqg-normalized',
      'dvcqg-crawl',
      'dvcqg-catalog',
      'popularity',
    ]);
    expect(first.procedures.find((p) => p.code === '1.013202')).toBeUndefined(); // BQP export, no portal page
  });

  it('reports records per source, skipped files and dropped values', () => {
    const report = JSON.parse(readFileSync(path.join(out, 'import-report.json'), 'utf8'));
    expect(report.sources['dvcqg-crawl']).toEqual({ records: 9, skippedFiles: 1 });
    expect(report.output.records).toBe(first.procedures.length);
    expect(report.drops['crawl results: portal UI text stripped'].count).toBeGreaterThan(0);
    expect(report.fieldsFilled.detailed.documents).toBeGreaterThan(0);
  });

  it('gives byte-identical files when run again on the same input', () => {
    const again = path.join(work, 'again');
    runImport({ sourceDir: FIXTURE_SOURCES, outDir: again });
    expect(read(again)).toEqual(read(out));
  });

  it('replaces the catalogue atomically and keeps files it does not own', () => {
    writeFileSync(path.join(out, 'README.txt'), 'kept');
    runImport({ sourceDir: FIXTURE_SOURCES, outDir: out });
    expect(read(out)['README.txt']).toBe('kept');
    expect(readdirSync(work).filter((f) => f.startsWith('.'))).toEqual([]); // no temp folders left
  });

  it('leaves the previous catalogue untouched when writing fails', () => {
    const before = read(out);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() =>
      writeCatalogueAtomically(out, {
        procedures: 'broken\n',
        meta: { schemaVersion: 1, snapshotDate: 'x', count: 0, sha256: '' },
        report: cyclic,
      }),
    ).toThrow();
    expect(read(out)).toEqual(before);
    expect(readdirSync(work).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('runImport with bad input files', () => {
  it('reports truncated JSON, a record without a code and unknown fields, skips them and imports the rest', () => {
    const sources = path.join(work, 'bad-sources');
    cpSync(FIXTURE_SOURCES, sources, { recursive: true });
    const details = path.join(sources, 'dvcqg-opengov/backend/data/crawl/details');
    const api = readFileSync(path.join(details, '1.001193.json'), 'utf8');
    writeFileSync(path.join(details, '1.000001.json'), api.slice(0, 5000));
    const crawlDir = path.join(sources, 'dvcqg-chatbot-tthc/bo-tu-phap');
    const page = JSON.parse(readFileSync(path.join(crawlDir, '2.000815.json'), 'utf8'));
    writeFileSync(
      path.join(crawlDir, '9.000001.json'),
      JSON.stringify({ ...page, ma_thu_tuc: '  ' }),
    );
    writeFileSync(
      path.join(crawlDir, '9.000002.json'),
      JSON.stringify({ ...page, ma_thu_tuc: '9.000002', extra_field: 'x' }),
    );
    const catalog = path.join(sources, 'dvcqg-opengov/backend/data/crawl/catalog.jsonl');
    writeFileSync(catalog, readFileSync(catalog, 'utf8') + '{"id":"x","name":"broken"\n');

    const result = runImport({ sourceDir: sources, outDir: path.join(work, 'bad-out') });
    const skipped = result.report.skippedFiles.map((s) => `${s.file}: ${s.reason}`);
    expect(skipped).toContainEqual(
      expect.stringMatching(/details\/1\.000001\.json: not valid JSON/),
    );
    expect(skipped).toContain('dvcqg-chatbot-tthc/bo-tu-phap/9.000001.json: record has no code');
    expect(skipped).toContain(
      'dvcqg-chatbot-tthc/bo-tu-phap/9.000002.json: unexpected field(s): extra_field',
    );
    expect(skipped).toContainEqual(expect.stringMatching(/catalog\.jsonl:19: not valid JSON/));
    expect(result.procedures.map((p) => p.code)).toContain('1.001193');
    expect(result.procedures.map((p) => p.code)).not.toContain('9.000002');
    expect(existsSync(path.join(work, 'bad-out', 'procedures.jsonl'))).toBe(true);
  });

  it('keeps the highest weight when a code is in several usage lists', () => {
    const sources = path.join(work, 'weights');
    cpSync(FIXTURE_SOURCES, sources, { recursive: true });
    const file = path.join(sources, 'dvcqg-popularity-songgio/doanhnghiep_raw_result.json');
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<{
      TTHC_MA: string;
      WEIGHT: string;
    }>;
    writeFileSync(
      file,
      JSON.stringify(rows.map((r) => (r.TTHC_MA === '2.000815' ? { ...r, WEIGHT: '9999999' } : r))),
    );
    const result = runImport({
      sourceDir: sources,
      outDir: path.join(work, 'weights-out'),
      dryRun: true,
    });
    expect(result.procedures.find((p) => p.code === '2.000815')?.popularity).toBe(9999999);
  });
});
