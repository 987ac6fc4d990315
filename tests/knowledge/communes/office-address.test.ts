import { describe, expect, it } from 'vitest';
import { officeAddressOf } from '../../../knowledge/communes/office-address.js';
import { loadCommuneDirectory } from '../../../knowledge/index.js';

describe('the government site of a commune', () => {
  it.each([
    [
      'Trụ sở xã Quảng Trạch (đảng, đoàn thể) và Trụ sở xã Quảng Yên (chính quyền)',
      'Trụ sở xã Quảng Yên',
    ],
    [
      'Trụ sở xã Vĩnh Minh (đảng ủy, đoàn thể); Trụ sở xã Minh Tân (chính quyền)',
      'Trụ sở xã Minh Tân',
    ],
    [
      'Trụ sở Huyện ủy (đảng ủy, đoàn thể) Trụ sở HĐND - UBND Vĩnh Lộc (chính quyền).',
      'Trụ sở HĐND - UBND Vĩnh Lộc',
    ],
    ['Trụ sở UBND tỉnh', 'Trụ sở UBND tỉnh'],
    [
      'Trụ sở UBND xã Hoằng Giang mới và trụ sở UBND xã Hoằng Giang cũ',
      'Trụ sở UBND xã Hoằng Giang mới và trụ sở UBND xã Hoằng Giang cũ',
    ],
  ])('%s → %s', (centre, office) => {
    expect(officeAddressOf(centre)).toBe(office);
  });

  it('is the source text cut, never reworded, for every commune', () => {
    for (const c of loadCommuneDirectory().all()) {
      if (c.centreAddress === null) expect(c.officeAddress).toBeNull();
      else expect(c.centreAddress).toContain(c.officeAddress!);
    }
    expect(loadCommuneDirectory().byCode('14758')?.officeAddress).toBe('Trụ sở Phường Đông Cương');
  });
});
