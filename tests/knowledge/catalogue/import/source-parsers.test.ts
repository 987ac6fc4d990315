import { describe, expect, it } from 'vitest';
import { ImportLog } from '../../../../knowledge/catalogue/import/import-report.js';
import { parseBqp } from '../../../../knowledge/catalogue/import/parse-bqp.js';
import { parseDvcqgApi } from '../../../../knowledge/catalogue/import/parse-dvcqg-api.js';
import { parseDvcqgCatalog } from '../../../../knowledge/catalogue/import/parse-dvcqg-catalog.js';
import { parseDvcqgCrawl } from '../../../../knowledge/catalogue/import/parse-dvcqg-crawl.js';
import { parseDvcqgNormalized } from '../../../../knowledge/catalogue/import/parse-dvcqg-normalized.js';
import { parsePopularity } from '../../../../knowledge/catalogue/import/parse-popularity.js';
import type { SourceRecord } from '../../../../knowledge/catalogue/import/partial.js';
import { FIXTURE_SOURCES } from './fixtures.js';

const byCode = (records: SourceRecord[], code: string) => {
  const record = records.find((r) => r.code === code);
  if (!record) throw new Error(`no record ${code}`);
  return record.facts;
};

describe('portal detail API parser', () => {
  const log = new ImportLog();
  const { records, snapshotDate } = parseDvcqgApi(FIXTURE_SOURCES, log);

  it('maps levels, fees, documents, legal bases and the portal page of 1.001193', () => {
    const facts = byCode(records, '1.001193');
    expect(facts.levels).toEqual(['xa']);
    expect(facts.sourceUrl).toBe(
      'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    );
    const online = facts.filingMethods?.find((m) => m.channel === 'online');
    // The API says OTHER with quantity 1 and no description: the number is kept, its unit is unknown.
    expect(online?.processingTime).toEqual({ quantity: 1, unit: 'other', text: null });
    expect(online?.fees).toEqual([{ kind: 'phi', amountVnd: 0, text: 'Miễn phí' }]);
    const documents = facts.documentGroups?.flatMap((g) => g.documents.map((d) => d.name)) ?? [];
    expect(documents.some((name) => name.includes('Giấy chứng sinh'))).toBe(true);
    expect(facts.legalBases).toContainEqual({
      number: '123/2015/NĐ-CP',
      title: expect.stringContaining('Luật Hộ tịch'),
    });
    expect(facts.updatedAt).toBe('2026-04-15');
    expect(snapshotDate).toBe('2026-07-18');
    // Zero-width marks in the official text are removed, the (garbled) wording itself is kept.
    expect(facts.steps?.join('\n')).toContain('đăng ký khai tâm Phục vụ hành chính công');
    expect(facts.steps?.join('\n')).not.toMatch(/[\u200b-\u200f]/);
  });

  it('keeps "Theo mô tả" times as the description text and a conditional 0 fee as unknown', () => {
    const facts = byCode(records, '1.115650');
    const method = facts.filingMethods?.[0];
    expect(method?.processingTime).toMatchObject({
      quantity: null,
      unit: 'other',
      text: expect.stringMatching(/^Không quá 15 ngày làm việc/),
    });
    expect(method?.description).toBeNull();
    expect(method?.fees[0]).toMatchObject({
      kind: 'le_phi',
      amountVnd: null,
      text: expect.stringMatching(/^Theo quy định của Luật phí và lệ phí/),
    });
    expect(facts.scope).toBe('provincial');
  });

  it('skips nothing in the real samples', () => {
    expect(log.skipped).toEqual([]);
  });
});

describe('normalized record parser', () => {
  it('reads the same procedure as the API it was derived from', () => {
    const { records } = parseDvcqgNormalized(FIXTURE_SOURCES, new ImportLog());
    const facts = byCode(records, '1.001193');
    expect(facts.name).toBe('Thủ tục đăng ký khai sinh');
    expect(facts.filingMethods?.map((m) => m.channel)).toEqual(['online', 'postal', 'in_person']);
    expect(facts.sourceUrl).toBe(
      'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    );
  });
});

describe('page crawl parser', () => {
  const log = new ImportLog();
  const { records, snapshotDate } = parseDvcqgCrawl(FIXTURE_SOURCES, log);

  it('skips a page whose content belongs to another procedure', () => {
    expect(records.map((r) => r.code)).not.toContain('3.000224');
    expect(log.skipped).toContainEqual({
      source: 'dvcqg-crawl',
      file: 'dvcqg-chatbot-tthc/bo-cong-an/3.000224.json',
      reason: 'page content belongs to procedure 1.014023, not 3.000224',
    });
  });

  it('maps levels, lists and the detail URL', () => {
    const facts = byCode(records, '2.000815');
    expect(facts.levels).toEqual(['xa']); // "Cấp xã, Cơ quan khác": "other agency" is not a level
    expect(facts.targetGroups).toEqual([
      'Công dân Việt Nam',
      'Tổ chức (không bao gồm doanh nghiệp, HTX)',
      'Người Việt Nam định cư ở nước ngoài',
    ]);
    expect(facts.sourceUrl).toBe(
      'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e22-77ef-819f-e49460350904',
    );
    expect(facts.results).toEqual(['Bản sao được chứng thực từ bản chính']);
    expect(snapshotDate).toBe('2026-07-20');
  });

  it('takes the documents from the page text when the crawl field was cut at a heading quoted in the steps', () => {
    const facts = byCode(records, '1.001521');
    expect(facts.documentGroups?.flatMap((g) => g.documents).length).toBeGreaterThan(2);
  });
});

describe('BQP export parser', () => {
  const log = new ImportLog();
  const { records } = parseBqp(FIXTURE_SOURCES, log);

  it('reads counts from ghi_chu and form files from so_luong (the known column mix-up)', () => {
    const facts = byCode(records, '1.013628');
    expect(facts.documentGroups?.[0]?.documents[0]).toMatchObject({
      originals: 1,
      copies: 0,
      forms: [{ fileName: 'Mus05.docx', title: null, url: null }],
    });
    expect(facts.filingMethods?.[0]).toMatchObject({
      channel: 'in_person',
      processingTime: { quantity: 35, unit: 'day', text: null },
      fees: [{ kind: 'phi', amountVnd: 0, text: 'Miễn phí' }],
    });
    expect(facts.decisionNumber).toBe('6225/QĐ-BQP');
    expect(facts.levels).toEqual(['bo']);
  });

  it('splits several form files and keeps USD fees as text', () => {
    const multi = byCode(records, '1.013144').documentGroups?.[0]?.documents.find(
      (d) => d.forms.length > 1,
    );
    expect(multi?.forms.map((f) => f.fileName)).toEqual([
      'MU1A.docx',
      'MU1B.docx',
      'Mu4-phlc11.docx',
    ]);
    const usd = byCode(records, '1.013562').filingMethods?.flatMap((m) => m.fees) ?? [];
    expect(usd.length).toBeGreaterThan(0);
    expect(usd.every((f) => f.amountVnd === null && /USD/.test(f.text))).toBe(true);
  });

  it('drops attached-file lines from fees and reports them', () => {
    byCode(records, '1.013550');
    expect(
      log.drops.get('bqp fee: attached file reference dropped (no URL)')?.count,
    ).toBeGreaterThan(0);
  });
});

describe('master list parser', () => {
  const log = new ImportLog();
  const { records } = parseDvcqgCatalog(FIXTURE_SOURCES, log);

  it('gives every line a listed record with scope, province and portal URL', () => {
    const specific = records.find((r) => r.facts.province === 'UBND tỉnh Thanh Hóa');
    expect(specific?.facts.scope).toBe('provincial');
    expect(specific?.facts.sourceUrl).toMatch(
      /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/[0-9a-f-]{36}$/,
    );
    const national = byCode(records, '1.001193');
    expect(national).toMatchObject({ scope: 'national', field: 'Hộ tịch', type: 'STANDARD' });
    expect(national.province).toBeUndefined();
  });

  it('keeps the exact code when a code typed with a stray space collides with it', () => {
    expect(records.filter((r) => r.code === '1.014325')).toHaveLength(1);
    expect(byCode(records, '1.014325').name).toMatch(/^Xây dựng chương trình công tác/);
    expect(log.skipped).toContainEqual(
      expect.objectContaining({ reason: expect.stringContaining('collides') }),
    );
  });
});

describe('usage weight parser', () => {
  it('joins on TTHC_MA', () => {
    const { records, snapshotDate } = parsePopularity(FIXTURE_SOURCES, new ImportLog());
    expect(byCode(records, '2.000815').popularity).toBe(2661097);
    expect(byCode(records, '1.001193').popularity).toBe(17610);
    expect(snapshotDate).toBe('2025-12-12');
  });
});
