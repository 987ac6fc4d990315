import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openRetriever,
  type OpenedRetriever,
} from '../../../knowledge/retrieval/open-retriever.js';
import { MANIFEST_FILE } from '../../../knowledge/retrieval/index-store.js';
import { FIXTURE_CATALOGUE, LOCAL_EMBEDDINGS, tempDir } from './support.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
let opened: OpenedRetriever;
const indexDir = () => path.join(tmp.dir, 'index');
const open = (catalogueDir = FIXTURE_CATALOGUE) =>
  openRetriever({ indexDir: indexDir(), catalogueDir, embeddings: LOCAL_EMBEDDINGS });
const top = async (q: string) => (await opened.retriever.search(q, { k: 3 })).hits[0]?.code;

beforeAll(async () => {
  tmp = await tempDir('motcua-retriever-');
  opened = await open();
});
afterAll(async () => tmp.cleanup());

describe('HybridRetriever on the fixture catalogue', () => {
  it('finds the procedure from resident wording, with or without diacritics or with typos', async () => {
    expect(await top('làm giấy khai sinh cho bé')).toBe('1.001193');
    expect(await top('lam giay khai sinh cho be')).toBe('1.001193');
    expect(await top('dăng ký kêt hôn')).toBe('1.000894');
    expect(await top('ddawng kys keets hoon')).toBe('1.000894');
    expect(await top('cắt khẩu cho bố')).toBe('1.003197');
    expect(await top('xin giấy độc thân')).toBe('1.004873');
    expect(await top('làm sổ đỏ lần đầu')).toBe('1.013978');
  });

  it('prefers the plain commune procedure and demotes other provinces', async () => {
    const result = await opened.retriever.search('đăng ký khai sinh', { k: 10 });
    expect(result.hits[0]?.code).toBe('1.001193');
    const codes = result.hits.map((h) => h.code);
    // Another province's own procedure never applies here: below the commune variants, if listed at all.
    const otherProvince = codes.indexOf('1.115001');
    expect(otherProvince === -1 || otherProvince > codes.indexOf('1.003583')).toBe(true);
  });

  it('returns scores in 0..1, best first, at most k hits', async () => {
    const { hits, confidence } = await opened.retriever.search('đăng ký thường trú', { k: 4 });
    expect(hits.length).toBeLessThanOrEqual(4);
    expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidence).toBeLessThanOrEqual(1);
    for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0);
    for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
    expect([...hits].sort((a, b) => b.score - a.score)).toEqual(hits);
  });

  it('answers real questions and abstains on greetings and off-topic chat', async () => {
    expect((await opened.retriever.search('làm giấy khai sinh cho bé cần gì')).answered).toBe(true);
    for (const q of ['chào bạn', 'giá vàng hôm nay', 'thời tiết mai thế nào', 'cam on ban nhieu']) {
      const result = await opened.retriever.search(q);
      expect(result.answered, q).toBe(false);
    }
  });

  it('returns answered:false quickly, never throwing, on junk input', async () => {
    const junk: unknown[] = [
      '',
      '   ',
      '😀😀😀🙏',
      '\u0000\u0007\u001b[31m',
      'a'.repeat(10_000),
      null,
      undefined,
      42,
    ];
    for (const q of junk) {
      const started = performance.now();
      const result = await opened.retriever.search(q as string);
      expect(result.answered, String(q).slice(0, 20)).toBe(false);
      expect(performance.now() - started).toBeLessThan(200);
    }
    const long = await opened.retriever.search(`đăng ký khai sinh ${'x'.repeat(10_000)}`);
    expect(long.hits.length).toBeGreaterThan(0);
  });
});

describe('index persistence', () => {
  it('reloads a saved index with identical results', async () => {
    const reopened = await open();
    expect(opened.rebuilt).toBe(true);
    expect(reopened.rebuilt).toBe(false);
    for (const q of ['đăng ký kết hôn', 'lam so do', 'đổi bằng lái xe', 'chào bạn']) {
      expect(await reopened.retriever.search(q)).toEqual(await opened.retriever.search(q));
    }
  });

  it('rebuilds when the catalogue changed (stale manifest) or the index is damaged', async () => {
    const changed = path.join(tmp.dir, 'changed-catalogue');
    await mkdir(changed);
    await copyFile(
      path.join(FIXTURE_CATALOGUE, 'procedures.jsonl'),
      path.join(changed, 'procedures.jsonl'),
    );
    const meta = JSON.parse(await readFile(path.join(FIXTURE_CATALOGUE, 'meta.json'), 'utf8')) as {
      sha256: string;
    };
    await writeFile(
      path.join(changed, 'meta.json'),
      JSON.stringify({ ...meta, sha256: 'different' }),
    );
    const afterChange = await open(changed);
    expect(afterChange.rebuilt).toBe(true);
    expect(afterChange.manifest.catalogueSha256).toBe('different');

    await writeFile(path.join(indexDir(), 'bm25.json'), 'not json');
    const afterDamage = await open(changed);
    expect(afterDamage.rebuilt).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(indexDir(), MANIFEST_FILE), 'utf8')) as {
      catalogueCount: number;
    };
    expect(manifest.catalogueCount).toBe(19);
  });
});
