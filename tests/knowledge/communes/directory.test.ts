import { describe, expect, it } from 'vitest';
import { COMMUNE_X, COMMUNE_Y } from '../../support/dossier-fixtures.js';
import {
  communeDeskName,
  describeFormerCommunes,
  loadCommuneDirectory,
  unknownCommuneMessage,
} from '../../../knowledge/index.js';

const directory = loadCommuneDirectory();
const names = (list: { displayName: string }[]) => list.map((c) => c.displayName);

describe('the current communes of Thanh Hóa', () => {
  it('are the 166 units since 1 July 2025, each with a unique 5-digit code', () => {
    const all = directory.all();
    expect(all).toHaveLength(166);
    for (const c of all) expect(c.code).toMatch(/^\d{5}$/);
    expect(new Set(all.map((c) => c.code)).size).toBe(166);
    expect(all.filter((c) => c.type === 'phuong')).toHaveLength(19);
  });

  it('carry their display name, administrative centre and the units merged into them', () => {
    const c = directory.byCode('15880');
    expect(c).toMatchObject({
      code: '15880',
      name: 'Hoằng Giang',
      type: 'xa',
      displayName: 'Xã Hoằng Giang',
      centreAddress: expect.stringContaining('Hoằng Giang'),
    });
    expect(c!.formerCommunes.map((f) => f.name).sort()).toEqual(
      ['Hoằng Giang', 'Hoằng Hợp', 'Hoằng Quỳ', 'Hoằng Xuân'].sort(),
    );
    expect(c!.formerCommunes.every((f) => f.district === 'Huyện Hoằng Hóa')).toBe(true);
    expect(directory.byCode('14797')?.displayName).toBe('Phường Hạc Thành');
  });

  it('know the codes the API tests file dossiers and create officers with', () => {
    expect(directory.byCode(COMMUNE_X)?.displayName).toBe('Xã Minh Sơn');
    expect(directory.byCode(COMMUNE_Y)?.displayName).toBe('Xã Cẩm Thủy');
  });

  it('has no code it does not know', () => {
    expect(directory.byCode('99999')).toBeUndefined();
    expect(directory.has('15886')).toBe(false); // Hoằng Quỳ: a code from before the merger
    expect(directory.has('15880')).toBe(true);
  });
});

describe('find: a current commune by the name a resident types', () => {
  it.each([
    ['Hoằng Giang', 'Xã Hoằng Giang'],
    ['hoang giang', 'Xã Hoằng Giang'],
    ['  XÃ   HOẰNG GIANG ', 'Xã Hoằng Giang'],
    ['xa hoang giang', 'Xã Hoằng Giang'],
    ['P. Hạc Thành', 'Phường Hạc Thành'],
    ['phuong ham rong', 'Phường Hàm Rồng'],
    ['Hoà Lộc'.replace('Hoà', 'Hoa'), 'Xã Hoa Lộc'],
    ['tôi ở xã hoằng giang, huyện cũ là Hoằng Hóa', 'Xã Hoằng Giang'],
    ['14797', 'Phường Hạc Thành'],
  ])('%s → %s', (text, expected) => {
    expect(names(directory.find(text))[0]).toBe(expected);
  });

  it('finds a name without a type word inside a sentence only when asked to', () => {
    expect(directory.find('tôi ở Hoằng Giang')).toEqual([]);
    expect(names(directory.find('tôi ở Hoằng Giang', { anywhere: true }))).toEqual([
      'Xã Hoằng Giang',
    ]);
    expect(names(directory.find('nha toi o hac thanh a', { anywhere: true }))).toEqual([
      'Phường Hạc Thành',
    ]);
  });

  it('does not take a name with other marks for another commune', () => {
    // Xã Hoằng Quỳ no longer exists; it must not be found as a current commune.
    expect(directory.find('Hoằng Quỳ')).toEqual([]);
    expect(directory.find('xã không có thật')).toEqual([]);
    expect(directory.find('')).toEqual([]);
  });
});

describe('resolveFormer: where an old commune went', () => {
  it('"Hoằng Quỳ" (former) → Xã Hoằng Giang', () => {
    const [f, ...rest] = directory.resolveFormer('Hoằng Quỳ');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: '15886',
      displayName: 'Xã Hoằng Quỳ',
      district: 'Huyện Hoằng Hóa',
      split: false,
    });
    expect(names(f!.successors)).toEqual(['Xã Hoằng Giang']);
  });

  it('understands the question as residents ask it', () => {
    const found = directory.resolveFormer('xã Hoằng Quỳ cũ giờ thuộc xã nào?');
    expect(found.map((f) => f.code)).toEqual(['15886']);
    expect(names(directory.resolveFormer('xa hoang quy cu')[0]!.successors)).toEqual([
      'Xã Hoằng Giang',
    ]);
  });

  it('finds the old name in a question without a type word', () => {
    expect(directory.resolveFormer('Hoằng Quỳ giờ thuộc xã nào vậy').map((f) => f.code)).toEqual([
      '15886',
    ]);
    expect(directory.resolveFormer('hỏi thủ tục khai sinh')).toEqual([]);
  });

  it('without accents, returns every old commune the letters fit', () => {
    const found = directory.resolveFormer('hoang quy');
    expect(found.map((f) => `${f.displayName} → ${names(f.successors).join(', ')}`)).toEqual([
      'Xã Hoằng Quỳ → Xã Hoằng Giang',
      'Xã Hoằng Quý → Xã Hoằng Phú',
    ]);
  });

  it('lists every new unit when the old one was split', () => {
    const [f] = directory.resolveFormer('thị trấn Thiệu Hóa');
    expect(f!.split).toBe(true);
    expect(names(f!.successors)).toEqual(['Xã Thiệu Hóa', 'Xã Thiệu Quang', 'Xã Thiệu Trung']);
    // Every split unit names each of its new units, and each new unit names it back.
    for (const former of directory.allFormer().filter((x) => x.split)) {
      expect(former.successors.length).toBeGreaterThan(1);
      for (const s of former.successors) {
        expect(s.formerCommunes.map((x) => x.code)).toContain(former.code);
      }
    }
  });

  it('a name used in several old districts returns all of them; the district narrows it', () => {
    const both = directory.resolveFormer('Minh Sơn');
    expect(both.map((f) => [f.district, names(f.successors)])).toEqual([
      ['Huyện Ngọc Lặc', ['Xã Minh Sơn']],
      ['Huyện Triệu Sơn', ['Xã Triệu Sơn']],
    ]);
    const one = directory.resolveFormer('xã Minh Sơn huyện Triệu Sơn');
    expect(one.map((f) => f.code)).toEqual(['15691']);
    expect(directory.resolveFormer('minh son (huyen ngoc lac)').map((f) => f.code)).toEqual([
      '15124',
    ]);
  });

  it('accepts an old code, and every one of the 547 old units leads somewhere', () => {
    expect(names(directory.resolveFormer('15886')[0]!.successors)).toEqual(['Xã Hoằng Giang']);
    expect(directory.allFormer()).toHaveLength(547);
    for (const f of directory.allFormer()) expect(f.successors.length).toBeGreaterThan(0);
  });

  it('is empty for a name that never existed', () => {
    expect(directory.resolveFormer('Hoằng Không Có')).toEqual([]);
  });
});

describe('commune texts', () => {
  it('name the desk and explain a rejected code in Vietnamese', () => {
    expect(communeDeskName(directory.byCode('15880')!)).toBe('Bộ phận Một cửa UBND xã Hoằng Giang');
    expect(unknownCommuneMessage('15886', directory)).toMatch(
      /Xã Hoằng Quỳ .*trước ngày 01\/07\/2025; nay thuộc Xã Hoằng Giang \(mã 15880\)/,
    );
    expect(unknownCommuneMessage('99999', directory)).toMatch(/không có trong danh mục 166 xã/);
    expect(unknownCommuneMessage('12', directory)).toMatch(/5 chữ số/);
  });

  it('answer "xã Hoằng Quỳ cũ giờ thuộc xã nào?" with the new unit(s) and codes', () => {
    const answer = (q: string) => describeFormerCommunes(directory.resolveFormer(q));
    expect(answer('xã Hoằng Quỳ cũ giờ thuộc xã nào?')).toMatch(
      /Xã Hoằng Quỳ \(Huyện Hoằng Hóa\) nay thuộc Xã Hoằng Giang \(mã 15880\)\./,
    );
    expect(answer('thị trấn Thiệu Hóa')).toMatch(
      /được chia về 3 đơn vị mới: Xã Thiệu Hóa \(mã 15772\), Xã Thiệu Quang \(mã 15796\), Xã Thiệu Trung \(mã 15835\)/,
    );
    const both = answer('Minh Sơn')!.split('\n');
    expect(both.slice(1)).toEqual([
      '• Xã Minh Sơn (Huyện Ngọc Lặc) nay thuộc Xã Minh Sơn (mã 15124).',
      '• Xã Minh Sơn (Huyện Triệu Sơn) nay thuộc Xã Triệu Sơn (mã 15664).',
    ]);
    expect(answer('Bát Mọt')).toMatch(/không sáp nhập, nay vẫn là Xã Bát Mọt/);
    expect(answer('không có xã này')).toBeNull();
  });
});
