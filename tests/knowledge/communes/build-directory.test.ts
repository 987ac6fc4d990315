import { describe, expect, it } from 'vitest';
import { buildCommuneDirectory } from '../../../knowledge/communes/import/run-import.js';
import type { AdminUnitSources } from '../../../knowledge/communes/import/read-sources.js';

/*
 * Synthetic admin units (made-up names, the shapes of the public files) so the matching rules are
 * tested without the public files, which are not committed.
 */
const bando = (
  type: string,
  name: string,
  mergedFrom: string,
  centre = `Trụ sở ${type} ${name}`,
) => ({
  type,
  name,
  centre,
  areaKm2: '10.5',
  population: '12,345',
  lon: '105.1',
  lat: '19.9',
  mergedFrom,
});
const code = (type: string, name: string, c: string) => ({
  type,
  name,
  code: c,
  lon: '105.2',
  lat: '19.8',
  areaKm2: '11',
});
const legacy = (c: string, fullName: string, type: string, district: string) => ({
  code: c,
  fullName,
  type,
  district,
});

function sources(): AdminUnitSources {
  return {
    bando: [
      // "An Bình" exists in two old districts; the bracket settles it.
      bando('xã', 'Tân Lạc', 'Xã Đồi Mây, Xã An Bình (huyện Núi Đá), Thị trấn Núi Đá'),
      // Here "An Bình" has no bracket: most fellow members (Sông Xanh, Bờ Đê) are in Huyện Ven Sông.
      bando('xã', 'Ven Sông', 'Xã Sông Xanh, Xã An Bình, Xã Bờ Đê, Xã Đồi Mây (phần còn lại)'),
      bando('phường', 'Bến Cũ', 'Không sáp nhập', 'đang cập nhật'),
      bando('xã', 'Lạ Lùng', 'Xã Không Có'),
    ],
    codes: [
      code('Xã', 'Tân Lạc', '10003'),
      code('Xã', 'Ven Sông', '10006'),
      code('Phường', 'Bến Cũ', '10009'),
      code('Xã', 'Lạ Lùng', '10012'),
    ],
    legacy: [
      legacy('10001', 'Xã Đồi Mây', 'Xã', 'Huyện Núi Đá'),
      legacy('10002', 'Xã An Bình', 'Xã', 'Huyện Núi Đá'),
      legacy('10003', 'Thị trấn Núi Đá', 'Xã', 'Huyện Núi Đá'), // level column disagrees with the name
      legacy('10004', 'Xã Sông Xanh', 'Xã', 'Huyện Ven Sông'),
      legacy('10005', 'Xã An Bình', 'Xã', 'Huyện Ven Sông'),
      legacy('10007', 'Xã Bờ Đê', 'Xã', 'Huyện Ven Sông'),
      legacy('10009', 'Phường Bến Cũ', 'Phường', 'Thị xã Cảng'),
      legacy('10011', 'Xã Bỏ Quên', 'Xã', 'Huyện Ven Sông'),
    ],
  };
}

describe('building the commune directory', () => {
  const { data, report, files } = buildCommuneDirectory(sources());
  const former = (c: string) => data.formerCommunes.find((f) => f.code === c)!;

  it('joins the official code by type and name and keeps the source fields', () => {
    expect(data.communes.map((c) => [c.code, c.type, c.name])).toEqual([
      ['10003', 'xa', 'Tân Lạc'],
      ['10006', 'xa', 'Ven Sông'],
      ['10009', 'phuong', 'Bến Cũ'],
      ['10012', 'xa', 'Lạ Lùng'],
    ]);
    expect(data.communes[0]).toMatchObject({ population: 12345, areaKm2: 11, lon: 105.1 });
    expect(data.communes[2]!.centreAddress).toBeNull(); // "đang cập nhật"
  });

  it('settles a name shared by two old districts by the bracket, or by the fellow members', () => {
    expect(former('10002').successorCodes).toEqual(['10003']);
    expect(former('10005').successorCodes).toEqual(['10006']);
    expect(report.disambiguated.map((d) => [d.mention, d.by])).toEqual([
      ['Xã An Bình (huyện Núi Đá)', 'district-in-text'],
      ['Xã An Bình', 'fellow-members'],
    ]);
  });

  it('maps a split unit ("phần còn lại") to every new unit, and an unchanged unit to itself', () => {
    expect(former('10001').successorCodes).toEqual(['10003', '10006']);
    expect(report.split).toEqual([
      { former: '10001 Đồi Mây (Huyện Núi Đá)', into: ['10003 Xã Tân Lạc', '10006 Xã Ven Sông'] },
    ]);
    expect(former('10009').successorCodes).toEqual(['10009']);
    expect(report.counts.unchanged).toBe(1);
  });

  it('takes the type from the name when the level column disagrees, and reports it', () => {
    expect(former('10003')).toMatchObject({ type: 'thi_tran', name: 'Núi Đá' });
    expect(report.levelMismatches).toEqual([
      { code: '10003', name: 'Thị trấn Núi Đá', level: 'Xã' },
    ]);
  });

  it('reports names it cannot match and old units nobody names', () => {
    expect(report.unmatched).toEqual([
      {
        commune: 'Xã Lạ Lùng',
        mention: 'Xã Không Có',
        reason: 'không có đơn vị cùng loại và tên trong danh mục cũ',
        candidates: [],
      },
    ]);
    expect(report.notMentioned).toEqual(['10011 Bỏ Quên (Huyện Ven Sông)']);
    expect(report.counts).toMatchObject({ mentions: 9, mentionsMatched: 8, formerNotMentioned: 1 });
  });

  it('is deterministic: the same sources give the same bytes, whatever the row order', () => {
    const shuffled = sources();
    shuffled.bando.reverse();
    shuffled.codes.reverse();
    shuffled.legacy.reverse();
    const again = buildCommuneDirectory(shuffled).files;
    expect(again.communes).toBe(files.communes);
  });
});
