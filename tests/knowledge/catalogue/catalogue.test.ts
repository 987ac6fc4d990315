import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../../knowledge/catalogue/catalogue.js';
import type { Level, Procedure } from '../../../knowledge/catalogue/procedure-schema.js';

function procedure(
  code: string,
  name: string,
  levels: Level[],
  extra: Partial<Procedure> = {},
): Procedure {
  return {
    code,
    name,
    detail: 'full',
    field: 'Đất đai',
    levels,
    type: null,
    scope: 'national',
    province: null,
    promulgatedBy: null,
    decisionNumber: null,
    agencies: { executing: [], competent: [], coordinating: [], receivingAddress: null },
    targetGroups: [],
    steps: [],
    filingMethods: [],
    documentGroups: [],
    results: [],
    conditions: null,
    legalBases: [],
    fullyOnline: null,
    sourceUrl: `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${code}`,
    updatedAt: null,
    popularity: null,
    sources: ['dvcqg-crawl'],
    ...extra,
  };
}

const THANH_HOA = 'UBND tỉnh Thanh Hóa';
const catalogue = new Catalogue({
  meta: { schemaVersion: 1, snapshotDate: '2026-07-20', count: 6, sha256: '' },
  procedures: [
    procedure('1.008590', 'Gia hạn nộp thuế', ['bo', 'tinh'], { field: 'Thuế' }),
    procedure('1.012786', 'Cấp lại Giấy chứng nhận do bị mất', ['tinh']),
    procedure('1.013490', 'Thủ tục   GIA HẠN nộp thuế', ['bo', 'tinh', 'xa'], { field: 'Thuế' }),
    procedure('1.115621', 'Cấp lại Giấy chứng nhận do bị mất.', ['xa'], {
      scope: 'provincial',
      province: 'UBND tỉnh Lào Cai',
    }),
    procedure('1.115700', 'Cấp lại giấy chứng nhận do bị mất', ['xa'], {
      scope: 'provincial',
      province: THANH_HOA,
    }),
    procedure('2.000815', 'Chứng thực bản sao từ bản chính', ['xa'], {
      field: 'Chứng thực',
      detail: 'listed',
    }),
  ],
});

describe('Catalogue', () => {
  it('gets a procedure by code, ignoring surrounding spaces', () => {
    expect(catalogue.get(' 2.000815 ')?.name).toBe('Chứng thực bản sao từ bản chính');
    expect(catalogue.get('9.999999')).toBeUndefined();
  });

  it('lists by field (any case) and by level', () => {
    expect(catalogue.list({ field: 'thuế' }).map((p) => p.code)).toEqual(['1.008590', '1.013490']);
    expect(catalogue.list({ field: 'Đất đai', level: 'xa' }).map((p) => p.code)).toEqual([
      '1.115621',
      '1.115700',
    ]);
  });

  it('finds the commune-level variant by name, ignoring case, spacing, diacritics and "Thủ tục"', () => {
    expect(catalogue.communeVariant('1.008590')?.code).toBe('1.013490');
    expect(catalogue.communeVariant('2.000815')?.code).toBe('2.000815'); // already commune level
    expect(catalogue.communeVariant('9.999999')).toBeUndefined();
  });

  it('uses a province-specific variant only for that province', () => {
    expect(catalogue.communeVariant('1.012786')).toBeUndefined();
    expect(catalogue.communeVariant('1.012786', { province: THANH_HOA })?.code).toBe('1.115700');
    expect(catalogue.communeVariant('1.012786', { province: 'UBND tỉnh Lào Cai' })?.code).toBe(
      '1.115621',
    );
  });

  it('counts listed, detailed and commune procedures', () => {
    expect(catalogue.stats()).toMatchObject({
      listed: 6,
      detailed: 5,
      commune: 4,
      snapshotDate: '2026-07-20',
    });
  });
});
