import { describe, expect, it } from 'vitest';
import { feeItems, validityOf } from '../../../../knowledge/catalogue/import/fee-items.js';
import { formTitle } from '../../../../knowledge/catalogue/import/form-titles.js';
import { ImportLog } from '../../../../knowledge/catalogue/import/import-report.js';
import { unitsFromCases } from '../../../../knowledge/catalogue/import/processing-cases.js';
import { khaiSinh } from '../../../fixtures/procedures.js';

/* The importer's clean-up steps on the shapes the sources really have (examples from the records). */

describe('fee items', () => {
  const log = () => new ImportLog();

  it('cut an amount glued to its description into amount, per and condition', () => {
    const [item] = feeItems(
      {
        kind: 'le_phi',
        amountVnd: 7000,
        text: '7.000 đồng (- Đăng ký tạm trú (cá nhân, hộ gia đình): + Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 7.000 đồng/lần đăng ký.)',
      },
      '1.004194',
      log(),
    );
    expect(item).toMatchObject({ amountVnd: 7000, per: 'lần đăng ký', validTo: null });
    expect(item!.condition).toBe(
      'Đăng ký tạm trú (cá nhân, hộ gia đình): Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến',
    );
  });

  it('split a time-limited rate from the general one and read its range', () => {
    const items = feeItems(
      {
        kind: 'other',
        amountVnd: null,
        text: '- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần. - Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.',
      },
      '3.000347',
      log(),
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ validTo: null });
    expect(items[1]).toMatchObject({
      amountVnd: 115000,
      per: 'lần cấp',
      validFrom: '2023-12-01',
      validTo: '2025-12-31',
    });
    expect(validityOf('Mức phí kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo …')).toEqual({
      validFrom: '2025-07-01',
      validTo: '2026-12-31',
    });
  });

  it('turn "Miễn phí Đồng - Trường hợp …" into free with its condition', () => {
    const [item] = feeItems(
      {
        kind: 'le_phi',
        amountVnd: null,
        text: 'Miễn phí Đồng - Trường hợp công dân thuộc diện được miễn phí',
      },
      '1.004194',
      log(),
    );
    expect(item).toMatchObject({
      amountVnd: 0,
      condition: 'Trường hợp công dân thuộc diện được miễn phí',
    });
  });

  it('drop an amount its own text contradicts and keep the text', () => {
    const [item] = feeItems(
      {
        kind: 'le_phi',
        amountVnd: 5000,
        text: '5.000 đồng (- Gia hạn tạm trú (cá nhân, hộ gia đình): + Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 7.000 đồng/lần đăng ký.)',
      },
      '1.002755',
      log(),
    );
    expect(item!.amountVnd).toBeNull();
    expect(item!.text).toContain('7.000 đồng/lần đăng ký');
  });
});

describe('form titles', () => {
  it.each([
    ['1.MuCT01banhnhkmtheoThngts53 (3).doc', 'Mẫu CT01'],
    ['Mus02.docx', 'Mẫu số 02'],
    ['Mẫu số 03-KDDK-ND56 (1).docx', 'Mẫu số 03'],
    ['Phlc8.docx', 'Phụ lục 8'],
    ['PL VI TT 53.docx', 'Phụ lục VI'],
    ['Giấy ủy quyền khiếu nại.doc', 'Giấy ủy quyền khiếu nại'],
    ['1.004380.docx', null],
    ['TK 1.002817.docx', null],
  ])('%s → %s', (file, title) => {
    expect(formTitle(file)).toBe(title);
  });
});

describe('units from the per-case times', () => {
  it('give a bare-number time the unit of the case with the same quantity', () => {
    const p = {
      ...khaiSinh,
      filingMethods: [
        {
          ...khaiSinh.filingMethods[0]!,
          processingTime: { quantity: 1, unit: 'other' as const, text: null },
        },
      ],
      processingCases: [
        { code: '1.001193.01', time: { quantity: 1, unit: 'working_day' as const, text: null } },
      ],
    };
    expect(unitsFromCases(p, new ImportLog()).filingMethods[0]!.processingTime).toEqual({
      quantity: 1,
      unit: 'working_day',
      text: null,
    });
  });

  it('leave it unit-less when cases with that quantity disagree', () => {
    const p = {
      ...khaiSinh,
      filingMethods: [
        {
          ...khaiSinh.filingMethods[0]!,
          processingTime: { quantity: 2, unit: 'other' as const, text: null },
        },
      ],
      processingCases: [
        { code: 'a', time: { quantity: 2, unit: 'working_day' as const, text: null } },
        { code: 'b', time: { quantity: 2, unit: 'day' as const, text: null } },
      ],
    };
    expect(unitsFromCases(p, new ImportLog()).filingMethods[0]!.processingTime!.unit).toBe('other');
  });
});
