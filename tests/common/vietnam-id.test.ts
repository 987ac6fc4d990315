import { describe, expect, it } from 'vitest';
import {
  checkCccdAgainst,
  decodeCccd,
  isIsoDate,
  normaliseMobile,
  todayInVietnam,
} from '../../common/vietnam-id.js';

describe('CCCD (số định danh cá nhân)', () => {
  it('decodes province, century, sex and birth year', () => {
    expect(decodeCccd('038090012345')).toEqual({
      ok: true,
      info: {
        provinceCode: '038',
        provinceName: 'Thanh Hóa',
        century: 1900,
        sex: 'Nam',
        birthYear: 1990,
      },
    });
    expect(decodeCccd('001305000001')).toMatchObject({
      ok: true,
      info: { century: 2000, sex: 'Nữ', birthYear: 2005 },
    });
  });

  it.each([
    ['03809001234', /12 chữ số/],
    ['03809001234a', /12 chữ số/],
    ['999090012345', /mã tỉnh/],
    ['003090012345', /mã tỉnh/], // 003 is not a province code
  ])('rejects %s', (value, message) => {
    const result = decodeCccd(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('cross-checks with the date of birth and sex on the form', () => {
    expect(checkCccdAgainst('038090012345', { dateOfBirth: '1990-05-12', sex: 'Nam' })).toBeNull();
    expect(checkCccdAgainst('038090012345', { dateOfBirth: '1991-05-12' })).toMatch(/5–6/);
    expect(checkCccdAgainst('038090012345', { dateOfBirth: '2090-05-12' })).toMatch(/thế kỷ/);
    expect(checkCccdAgainst('038090012345', { sex: 'Nữ' })).toMatch(/giới tính nam/);
    expect(checkCccdAgainst('038290012345', { dateOfBirth: '1990-01-01' })).toMatch(
      /thế kỷ bắt đầu từ năm 2000/,
    );
  });
});

describe('mobile numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84 912 345 678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['0321234567', '0321234567'],
  ])('normalises %s', (input, output) => expect(normaliseMobile(input)).toBe(output));

  it.each([
    '0123456789',
    '091234567',
    '09123456789',
    '02431234567',
    '0612345678',
    'abc',
    '+1 912345678',
  ])('rejects %s', (input) => expect(normaliseMobile(input)).toBeNull());
});

describe('dates', () => {
  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('1/2/2025')).toBe(false);
  });

  it('computes today in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-03-01T16:59:00Z'))).toBe('2025-03-01');
    expect(todayInVietnam(new Date('2025-03-01T17:00:00Z'))).toBe('2025-03-02');
  });
});
