import { describe, expect, it } from 'vitest';
import { procedureFacts } from '../../../api/routes/procedures.js';
import { Catalogue } from '../../../knowledge/index.js';

/* GET /api/procedures/:code carries the resident view the chat answer gives, facts from the record. */

const catalogue = Catalogue.load();

describe('procedure facts: resident view', () => {
  it('lists what to bring, the time with its unit and the record agency', () => {
    const record = catalogue.get('1.001193')!;
    const { resident } = procedureFacts(record, catalogue.snapshotDate, '2026-12-07');
    expect(resident.sourceUrl).toBe(record.sourceUrl);
    expect(resident.documents.main.map((i) => i.label)).toEqual(
      record.resident!.main.map((i) => i.label),
    );
    expect(resident.documents.main[0]!.kind).toBe('form');
    expect(resident.time).toEqual(['1 ngày làm việc']);
    expect(resident.where.agency).toBe(record.agencies.executing[0]);
  });

  it('answers {procedure, resident}: the record facts beside the view, conditions grouped, notes apart', () => {
    const record = catalogue.get('1.004194')!;
    const page = procedureFacts(record, catalogue.snapshotDate, '2026-12-07');
    expect(Object.keys(page).sort()).toEqual(['procedure', 'resident']);
    expect(page.procedure).toMatchObject({
      code: '1.004194',
      hasForm: true,
      formTitle: 'Đăng ký tạm trú',
      sourceUrl: record.sourceUrl,
      catalogueDate: catalogue.snapshotDate,
    });
    const { documents } = page.resident;
    expect(documents.main[0]).toMatchObject({
      kind: 'form',
      label: 'Tờ khai thay đổi thông tin cư trú',
    });
    // Every conditional item sits in exactly one group, under its own condition.
    expect(documents.byCondition.flatMap((g) => g.items)).toHaveLength(
      documents.conditional.length,
    );
    for (const group of documents.byCondition)
      for (const item of group.items) expect(item.condition).toBe(group.condition);
    // Items whose case the source does not name come last.
    expect(documents.byCondition.at(-1)!.condition).toBeNull();
    expect(documents.byCondition.slice(0, -1).every((g) => g.condition !== null)).toBe(true);
    const army = documents.byCondition.find((g) => g.condition?.includes('đơn vị đóng quân'));
    expect(army?.items.length).toBe(2);
    // Officers' notes keep the record's text, out of the resident's lists.
    expect(documents.notes.map((n) => n.id)).toEqual(record.resident!.notes);
    expect(record.documentGroups[0]!.documents[0]!.name).toContain(
      documents.notes[0]!.label.replace(/…$/u, ''),
    );
    expect(page.resident.where.commune).toBeNull();
  });

  it('names the resident’s commune desk: its police for police procedures, the UBND one-stop desk otherwise', () => {
    const commune = { code: '15124', name: 'xã Minh Sơn', officeAddress: 'Thôn 1, xã Minh Sơn' };
    const police = procedureFacts(
      catalogue.get('1.004194')!,
      catalogue.snapshotDate,
      '2026-12-07',
      commune,
    );
    expect(police.resident.where.commune).toEqual({ ...commune, desk: 'Công an xã Minh Sơn' });
    const civil = procedureFacts(
      catalogue.get('1.000656')!,
      catalogue.snapshotDate,
      '2026-12-07',
      commune,
    );
    expect(civil.resident.where.commune?.desk).toBe('Bộ phận Một cửa UBND xã Minh Sơn');
  });

  it('leaves an ended rate out of the current fees', () => {
    const record = catalogue.get('3.000346')!;
    expect(record.filingMethods.some((m) => m.fees.some((f) => f.amountVnd === 115000))).toBe(true);
    const { resident } = procedureFacts(record, catalogue.snapshotDate, '2026-12-07');
    expect(resident.fees.join(' ')).not.toContain('115.000');
  });
});
