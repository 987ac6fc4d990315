import { describe, expect, it } from 'vitest';
import { redact } from '../../common/redact.js';

/* Every spacing and prefix people type a CCCD, CMND or phone number in must be masked. */

const MASKED: Array<[string, string, string]> = [
  // [input, the digits that must not survive, placeholder expected]
  ['CCCD 038090012345', '038090012345', '[cccd]'],
  ['cccd038090012345', '038090012345', '[cccd]'],
  ['CCCD:038090012345.', '038090012345', '[cccd]'],
  ['số 038 090 012 345 nhé', '038 090 012 345', '[cccd]'],
  ['038-090-012-345', '038-090-012-345', '[cccd]'],
  ['038.090.012.345', '038.090.012.345', '[cccd]'],
  ['0380 9001 2345', '0380 9001 2345', '[cccd]'],
  ['CMND 123456789', '123456789', '[cmnd]'],
  ['cmnd 123 456 789', '123 456 789', '[cmnd]'],
  ['sđt 0912345678', '0912345678', '[sđt]'],
  ['sdt0912345678', '0912345678', '[sđt]'],
  ['0912 345 678', '0912 345 678', '[sđt]'],
  ['0912.345.678', '0912.345.678', '[sđt]'],
  ['0912-345-678', '0912-345-678', '[sđt]'],
  ['091 234 5678', '091 234 5678', '[sđt]'],
  ['(+84) 912 345 678', '912 345 678', '[sđt]'],
  ['(+84)912345678', '912345678', '[sđt]'],
  ['+84 912 345 678', '912 345 678', '[sđt]'],
  ['+84912345678', '84912345678', '[sđt]'],
  ['84912345678', '84912345678', '[sđt]'],
  ['+84-912-345-678', '912-345-678', '[sđt]'],
  ['gọi 0237 3852 123', '0237 3852 123', '[số]'],
];

const KEPT = [
  'Thủ tục 1.001193 lệ phí 8.000 đồng',
  'mã 2.000986.000.00.00.H56',
  'hạn nộp 12/05/2025, năm 2024',
  'phí 1.000.000.000 đồng',
  'hồ sơ KX7PM3TA 1234',
  'con tôi 3 tuổi, sinh năm 2021',
];

describe('redact', () => {
  it.each(MASKED)('masks %s', (input, digits, placeholder) => {
    const out = redact(input);
    expect(out).not.toContain(digits);
    expect(out.replace(/\D/g, '').length).toBeLessThan(9);
    expect(out).toContain(placeholder);
  });

  it.each(KEPT)('keeps %s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('hides bot tokens and long secrets', () => {
    const out = redact(
      'token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw và khóa 3f1c9a7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a',
    );
    expect(out).not.toMatch(/AAHdqTcv|3f1c9a7e/);
    expect(out).toContain('[token]');
    expect(out).toContain('[secret]');
  });

  it('masks several numbers in one message', () => {
    const out = redact('CCCD 038 090 012 345, điện thoại (+84) 912 345 678');
    expect(out).toBe('CCCD [cccd], điện thoại [sđt]');
  });
});
