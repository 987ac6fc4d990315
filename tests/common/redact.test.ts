import { describe, expect, it } from 'vitest';
import { redact } from '../../common/redact.js';

describe('redact', () => {
  it('hides CCCD numbers, phone numbers and bot tokens', () => {
    const out = redact(
      'CCCD 038095001234, sđt 0912 345 678 hoặc +84912345678, token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
    );
    expect(out).not.toMatch(/038095001234/);
    expect(out).not.toMatch(/0912 345 678/);
    expect(out).not.toMatch(/84912345678/);
    expect(out).not.toMatch(/AAHdqTcv/);
  });

  it('keeps ordinary text and procedure codes', () => {
    expect(redact('Thủ tục 1.001193 lệ phí 8.000 đồng')).toBe('Thủ tục 1.001193 lệ phí 8.000 đồng');
  });
});
