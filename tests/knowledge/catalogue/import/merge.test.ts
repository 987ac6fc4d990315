import { describe, expect, it } from 'vitest';
import { ImportLog } from '../../../../knowledge/catalogue/import/import-report.js';
import { mergeRecords } from '../../../../knowledge/catalogue/import/merge.js';
import type {
  ProcedureFacts,
  SourceRecord,
} from '../../../../knowledge/catalogue/import/partial.js';
import type { SourceName } from '../../../../knowledge/catalogue/procedure-schema.js';

const URL_A = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7';

function record(source: SourceName, facts: ProcedureFacts, code = '1.001193'): SourceRecord {
  return {
    source,
    code,
    file: `${source}.json`,
    detailed: source !== 'dvcqg-catalog' && source !== 'popularity',
    facts,
  };
}

describe('merging source records by code', () => {
  it('takes each field from the highest-priority source that has it, without mixing lists', () => {
    const { procedures } = mergeRecords(
      [
        record('dvcqg-catalog', {
          name: 'Thủ tục đăng ký khai sinh',
          field: 'Hộ tịch',
          scope: 'national',
          type: 'STANDARD',
          sourceUrl: URL_A,
        }),
        record('dvcqg-crawl', {
          name: 'Thủ tục đăng ký khai sinh (crawl)',
          type: 'TTHC được giao luật quy định chi tiết',
          levels: ['xa'],
          legalBases: [{ number: '60/2014/QH13', title: 'Luật 60/2014/QH13' }],
          conditions: 'Không có',
          sourceUrl: URL_A,
        }),
        record('dvcqg-api', {
          name: 'Thủ tục đăng ký khai sinh',
          type: 'STANDARD',
          levels: [],
          legalBases: [{ number: '123/2015/NĐ-CP', title: 'Nghị định số 123/2015/NĐ-CP' }],
          conditions: null,
          sourceUrl: URL_A,
        }),
        record('popularity', { popularity: 17610 }),
      ],
      new ImportLog(),
    );
    const [p] = procedures;
    expect(p?.name).toBe('Thủ tục đăng ký khai sinh'); // API over crawl
    expect(p?.legalBases).toEqual([
      { number: '123/2015/NĐ-CP', title: 'Nghị định số 123/2015/NĐ-CP' },
    ]); // not padded
    expect(p?.levels).toEqual(['xa']); // API had none; the crawl fills the gap
    expect(p?.conditions).toBe('Không có');
    expect(p?.type).toBe('TTHC được giao luật quy định chi tiết'); // printed wording over the API code
    expect(p?.field).toBe('Hộ tịch'); // only the list has it
    expect(p?.popularity).toBe(17610);
    expect(p?.detail).toBe('full');
    expect(p?.sources).toEqual(['dvcqg-api', 'dvcqg-crawl', 'dvcqg-catalog', 'popularity']);
  });

  it('keeps a master-list-only procedure as "listed" with empty content', () => {
    const { procedures } = mergeRecords(
      [
        record(
          'dvcqg-catalog',
          {
            name: 'Cấp giấy phép',
            scope: 'provincial',
            province: 'UBND tỉnh Thanh Hóa',
            sourceUrl: URL_A,
          },
          '1.115000',
        ),
      ],
      new ImportLog(),
    );
    expect(procedures[0]).toMatchObject({
      detail: 'listed',
      province: 'UBND tỉnh Thanh Hóa',
      filingMethods: [],
      documentGroups: [],
      levels: [],
    });
  });

  it('drops a record with no portal URL and a usage weight for an unknown code, and reports both', () => {
    const log = new ImportLog();
    const { procedures } = mergeRecords(
      [
        record('bqp', { name: 'Thủ tục A', levels: ['bo'] }, '1.013202'),
        record('popularity', { popularity: 5 }, '9.999999'),
      ],
      log,
    );
    expect(procedures).toEqual([]);
    expect(
      log.drops.get('record dropped: no portal URL (not in the master list and no page of its own)')
        ?.count,
    ).toBe(1);
    expect(log.drops.get('popularity: code not in the catalogue')?.count).toBe(1);
  });

  it('assumes national scope only when no source states one, and says so', () => {
    const log = new ImportLog();
    const { procedures } = mergeRecords(
      [record('dvcqg-crawl', { name: 'Cấp Giấy phép', sourceUrl: URL_A }, '1.013429')],
      log,
    );
    expect(procedures[0]?.scope).toBe('national');
    expect(
      log.drops.get('scope: not stated by any source, national assumed (ministry catalogue)')
        ?.examples,
    ).toEqual(['1.013429']);
  });

  it('outputs procedures sorted by code', () => {
    const { procedures } = mergeRecords(
      ['2.000815', '1.001193', '1.000894'].map((code) =>
        record('dvcqg-catalog', { name: code, scope: 'national', sourceUrl: URL_A }, code),
      ),
      new ImportLog(),
    );
    expect(procedures.map((p) => p.code)).toEqual(['1.000894', '1.001193', '2.000815']);
  });
});
