import { describe, expect, it } from 'vitest';
import { loadResidentOverlay } from '../../../knowledge/catalogue/resident-overlay.js';
import {
  applyOverlay,
  cutLabel,
  deriveResidentView,
} from '../../../knowledge/catalogue/resident-view.js';
import { Catalogue } from '../../../knowledge/index.js';

/* The resident view: derived from each record, reviewed for the most asked commune procedures. */

const catalogue = Catalogue.load();
const overlay = loadResidentOverlay();

describe('resident view', () => {
  it('reads khai sinh as a resident would: form, birth certificate, ID; special cases apart', () => {
    const p = catalogue.get('1.001193')!;
    const view = p.resident!;
    expect(view.reviewed).toBe(true);
    expect(view.main.map((i) => i.kind)).toEqual(['form', 'submit', 'show']);
    expect(view.main[0]!.label).toMatch(/^Tờ khai đăng ký khai sinh/);
    expect(view.main[1]!.label).toBe('Giấy chứng sinh');
    expect(view.conditional.map((i) => i.condition)).toContain('Trường hợp trẻ em bị bỏ rơi');
  });

  it('only cuts the record text, never rewords it', () => {
    for (const p of catalogue.procedures.filter((x) => x.resident).slice(0, 400)) {
      for (const item of [...p.resident!.main, ...p.resident!.conditional]) {
        const [g, d] = item.id.split('.').map(Number);
        const source = p.documentGroups[g!]!.documents[d!]!.name.replace(/\s+/g, ' ');
        expect(source).toContain(item.label.replace(/…$/, '').trim());
      }
    }
    const long = `- Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.`;
    expect(cutLabel(long)).toBe('Giấy chứng sinh');
  });

  it('has a reviewed overlay of about forty commune procedures, each with a note', () => {
    expect(Object.keys(overlay).length).toBeGreaterThanOrEqual(35);
    for (const entry of Object.values(overlay)) expect(entry.note.length).toBeGreaterThan(20);
  });

  it.each(Object.keys(overlay))('overlay items of %s exist in the record', (code) => {
    const p = catalogue.get(code);
    expect(p, `${code} is in the catalogue`).toBeDefined();
    for (const id of overlay[code]!.main) {
      const [g, d] = id.split('.').map(Number);
      expect(p!.documentGroups[g!]?.documents[d!], `${code} item ${id}`).toBeDefined();
    }
    const view = applyOverlay(p!, deriveResidentView(p!), overlay[code]!);
    expect(view.main.map((i) => i.id)).toEqual(overlay[code]!.main);
    expect(p!.resident).toEqual(view);
  });
});
