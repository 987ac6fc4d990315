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

  it('leaves an ended rate out of the current fees', () => {
    const record = catalogue.get('3.000346')!;
    expect(record.filingMethods.some((m) => m.fees.some((f) => f.amountVnd === 115000))).toBe(true);
    const { resident } = procedureFacts(record, catalogue.snapshotDate, '2026-12-07');
    expect(resident.fees.join(' ')).not.toContain('115.000');
  });
});
