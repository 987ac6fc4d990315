import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../knowledge/catalogue/load-catalogue.js';
import { residentViewOf } from '../../../knowledge/catalogue/resident-view.js';
import { getForm } from '../../../knowledge/forms/registry.js';
import { requiredDocuments, validateForm } from '../../../knowledge/forms/validate-form.js';
import { NEW_FORM_ANSWERS, daysAfter } from '../../support/form-answers.js';

const TODAY = '2026-06-15';
const form = (code: string) => getForm(code)!;
const NEW_CODES = ['1.004194', '1.003197', '1.000656', '2.000635'];

function check(code: string, changes: Record<string, unknown>, documents?: string[]) {
  const data = { ...NEW_FORM_ANSWERS[code]!(TODAY), ...changes };
  return validateForm(form(code), data, {
    ...(documents ? { attachedDocumentCodes: new Set(documents) } : {}),
    today: TODAY,
  });
}

let catalogue: ReturnType<typeof loadCatalogue> | undefined;
const procedures = () => (catalogue ??= loadCatalogue()).procedures;

const requiredFor = (code: string, data: Record<string, unknown>) =>
  requiredDocuments(form(code), data, TODAY).map((d) => d.code);

describe('forms of tạm trú, xóa thường trú, khai tử and bản sao trích lục', () => {
  it.each(NEW_CODES)('%s accepts a complete answer with its required documents', (code) => {
    const data = NEW_FORM_ANSWERS[code]!(TODAY);
    const result = validateForm(form(code), data, {
      attachedDocumentCodes: new Set(requiredFor(code, data)),
      today: TODAY,
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('each names the commune-level record residents file, with its name and the CT01 where it is one', () => {
    for (const code of NEW_CODES) {
      const record = procedures().find((p) => p.code === code)!;
      expect(record.levels, code).toContain('xa');
      expect(record.name.toLocaleLowerCase('vi')).toContain(
        form(code).title.split(',')[0]!.toLocaleLowerCase('vi'),
      );
    }
    for (const code of ['1.004194', '1.003197']) {
      const ct01 = procedures()
        .find((p) => p.code === code)!
        .documentGroups.flatMap((g) => g.documents)
        .find((d) => d.name.includes('Mẫu CT01'))!;
      expect(ct01.name).toContain('53/2025/TT-BCA');
      expect(form(code).template).toMatch(/CT01.*53\/2025\/TT-BCA/);
    }
  });

  it('ask for the documents of the catalogue record: each upload is an item of the record, and every item to submit has an upload', () => {
    for (const code of NEW_CODES) {
      const record = procedures().find((p) => p.code === code)!;
      const view = residentViewOf(record);
      const ids = new Set(
        record.documentGroups.flatMap((g, gi) => g.documents.map((_, di) => `${gi}.${di}`)),
      );
      const covered = new Set<string>();
      for (const doc of form(code).documents) {
        expect(doc.source?.length, `${code} ${doc.code} names its record item`).toBeGreaterThan(0);
        for (const id of doc.source!) {
          expect(ids.has(id), `${code} ${doc.code} → ${id}`).toBe(true);
          covered.add(id);
        }
        // An upload that is not always needed says when, in Vietnamese.
        if (!doc.required) expect(doc.condition, `${code} ${doc.code}`).toMatch(/\p{L}{3}/u);
      }
      for (const item of view.main.filter((i) => i.kind === 'submit')) {
        expect(covered.has(item.id), `${code}: "${item.label}" has no upload`).toBe(true);
      }
      for (const item of view.conditional.filter((i) => /ủy quyền/u.test(i.label))) {
        expect(covered.has(item.id), `${code}: "${item.label}" has no upload`).toBe(true);
      }
    }
  });

  it('tạm trú: the stay ends after today and within two years', () => {
    expect(check('1.004194', { stayUntil: TODAY })).toEqual({
      ok: false,
      fields: { stayUntil: 'Thời hạn tạm trú phải là một ngày sau hôm nay.' },
    });
    expect(check('1.004194', { stayUntil: daysAfter(800, TODAY) })).toEqual({
      ok: false,
      fields: { stayUntil: 'Thời hạn tạm trú tối đa là 02 năm kể từ hôm nay.' },
    });
    expect(check('1.004194', { stayUntil: '2028-06-15' })).toMatchObject({ ok: true });
  });

  it('tạm trú: proof of residence unless moving in with relatives; a minor needs a parent’s consent', () => {
    const renting = NEW_FORM_ANSWERS['1.004194']!(TODAY);
    expect(requiredFor('1.004194', renting)).toEqual(['giay_to_cho_o_hop_phap']);
    expect(check('1.004194', {}, [])).toMatchObject({
      ok: false,
      fields: { 'documents.giay_to_cho_o_hop_phap': expect.stringMatching(/chỗ ở hợp pháp/) },
    });
    const relatives = {
      ...renting,
      residenceKind: 'Về ở với người thân (vợ/chồng, cha mẹ, con…) đã có thường trú',
    };
    expect(requiredFor('1.004194', relatives)).toEqual([]);
    const minor = {
      ...renting,
      dateOfBirth: '2010-05-12',
      cccd: '038210012345',
    };
    expect(requiredFor('1.004194', minor)).toContain('van_ban_dong_y_cha_me');
    expect(requiredFor('1.004194', { ...minor, guardianConsent: true })).not.toContain(
      'van_ban_dong_y_cha_me',
    );
    expect(check('1.004194', { sex: 'Nữ' })).toMatchObject({
      ok: false,
      fields: { cccd: expect.stringMatching(/giới tính/) },
    });
  });

  it('xóa đăng ký thường trú: needs a case of Điều 24 and checks the household head', () => {
    expect(check('1.003197', { removalCase: 'Lý do khác' })).toMatchObject({
      ok: false,
      fields: { removalCase: expect.stringMatching(/Vui lòng chọn "Trường hợp xóa đăng ký/) },
    });
    expect(
      check('1.003197', { relationToHead: 'Chủ hộ', householdHeadCccd: '038060012345' }),
    ).toMatchObject({
      ok: false,
      fields: { householdHeadCccd: expect.stringMatching(/chủ hộ/) },
    });
    expect(requiredFor('1.003197', NEW_FORM_ANSWERS['1.003197']!())).toEqual([]);
  });

  it('khai tử: dates in order, a death notice or the proof for a death long ago, a proxy’s power of attorney', () => {
    expect(
      check('1.000656', { deathDate: '1959-01-01', deathNoticeDate: undefined }),
    ).toMatchObject({
      ok: false,
      fields: { deathDate: 'Ngày chết không thể trước ngày sinh.' },
    });
    expect(check('1.000656', { deathTime: '25:10' })).toMatchObject({
      ok: false,
      fields: { deathTime: expect.stringMatching(/giờ:phút/) },
    });
    expect(check('1.000656', { deathNoticeNumber: undefined })).toMatchObject({
      ok: false,
      fields: { deathNoticeNumber: expect.stringMatching(/số Giấy báo tử/) },
    });
    expect(check('1.000656', {}, [])).toMatchObject({
      ok: false,
      fields: { 'documents.giay_bao_tu': expect.stringMatching(/Giấy báo tử/) },
    });
    const longAgo = {
      deathNoticeNumber: undefined,
      deathNoticeIssuer: undefined,
      deathNoticeDate: undefined,
      noDeathNotice: true,
    };
    expect(check('1.000656', longAgo, ['chung_cu_su_kien_chet'])).toMatchObject({ ok: true });
    expect(
      check('1.000656', { relationToDeceased: 'Người được ủy quyền' }, ['giay_bao_tu']),
    ).toMatchObject({
      ok: false,
      fields: { 'documents.van_ban_uy_quyen': expect.stringMatching(/ủy quyền/) },
    });
    expect(check('1.000656', { deceasedSex: 'Nữ' })).toMatchObject({
      ok: false,
      fields: { deceasedCccd: expect.stringMatching(/giới tính/) },
    });
  });

  it('bản sao trích lục: no upload in the common case, the number of copies, the own CCCD for "Bản thân"', () => {
    expect(check('2.000635', {}, [])).toMatchObject({ ok: true });
    expect(check('2.000635', { copyCount: 0 })).toMatchObject({
      ok: false,
      fields: { copyCount: expect.stringMatching(/ít nhất là 1/) },
    });
    expect(
      check('2.000635', {
        subjectCccd: '038192054321',
        subjectSex: 'Nữ',
        subjectDateOfBirth: '1992-01-01',
      }),
    ).toMatchObject({
      ok: false,
      fields: { subjectCccd: expect.stringMatching(/Bản thân/) },
    });
    expect(check('2.000635', { relationToSubject: 'Người được ủy quyền' }, [])).toMatchObject({
      ok: false,
      fields: { 'documents.van_ban_uy_quyen': expect.stringMatching(/ủy quyền/) },
    });
  });
});
