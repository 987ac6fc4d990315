import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toPublicForm } from '../../../knowledge/forms/public-form.js';
import { FORMS, getForm } from '../../../knowledge/forms/registry.js';
import { requiredDocuments, validateForm } from '../../../knowledge/forms/validate-form.js';
import { khaiSinhFormData } from '../../support/dossier-fixtures.js';

const form = (code: string) => getForm(code)!;
const TODAY = '2026-06-15';

const VALID: Record<string, Record<string, unknown>> = {
  '1.001193': khaiSinhFormData(),
  '1.000894': {
    brideName: 'Nguyễn Thị Bình',
    brideDateOfBirth: '1995-03-04',
    brideEthnicity: 'Kinh',
    brideNationality: 'Việt Nam',
    brideAddress: 'Xã Minh Sơn, Thanh Hóa',
    brideIdType: 'Thẻ căn cước',
    brideCccd: '038195001122',
    brideMaritalStatus: 'Chưa đăng ký kết hôn với ai',
    brideMarriageOrdinal: 1,
    groomName: 'Lê Văn An',
    groomDateOfBirth: '1990-05-12',
    groomEthnicity: 'Kinh',
    groomNationality: 'Việt Nam',
    groomAddress: 'Xã Minh Sơn, Thanh Hóa',
    groomIdType: 'Thẻ căn cước',
    groomCccd: '038090012345',
    groomMaritalStatus: 'Chưa đăng ký kết hôn với ai',
    groomMarriageOrdinal: 1,
    voluntaryCommitment: true,
  },
  '1.004873': {
    requesterName: 'Lê Văn An',
    requesterAddress: 'Xã Minh Sơn',
    relationToSubject: 'Bản thân',
    subjectName: 'Lê Văn An',
    subjectDateOfBirth: '1990-05-12',
    subjectSex: 'Nam',
    subjectNationality: 'Việt Nam',
    subjectIdType: 'Thẻ căn cước',
    subjectCccd: '038090012345',
    subjectAddress: 'Xã Minh Sơn',
    maritalStatus: 'Chưa đăng ký kết hôn với ai',
    purpose: 'Đăng ký kết hôn',
    partnerName: 'Nguyễn Thị Bình',
    partnerDateOfBirth: '1995-03-04',
  },
  '1.004222': {
    fullName: 'Lê Văn An',
    dateOfBirth: '1990-05-12',
    sex: 'Nam',
    cccd: '038090012345',
    phone: '+84912345678',
    householdHeadName: 'Lê Văn Bốn',
    relationToHead: 'Con',
    householdHeadCccd: '038060012345',
    newAddress: 'Thôn 3, xã Minh Sơn, tỉnh Thanh Hóa',
    residenceKind: 'Về ở với người thân (vợ/chồng, cha mẹ, con…) đã có thường trú',
    headConsent: true,
    members: [
      {
        fullName: 'Lê Minh Khang',
        dateOfBirth: '2025-10-01',
        sex: 'Nam',
        cccd: '038225000001',
        relationToHead: 'Cháu',
      },
    ],
  },
  '2.000815': {
    requesterName: 'Lê Văn An',
    requesterCccd: '038090012345',
    documentName: 'Bằng tốt nghiệp THPT',
    issuingAuthority: 'Sở GD&ĐT Thanh Hóa',
    pageCount: 2,
    copyCount: 3,
  },
};

function attachedFor(code: string, data: Record<string, unknown>) {
  return new Set(requiredDocuments(form(code), data).map((d) => d.code));
}

describe('online forms', () => {
  it('cover the nine most filed commune procedures', () => {
    expect(FORMS.map((f) => f.procedureCode).sort()).toEqual([
      '1.000656',
      '1.000894',
      '1.001193',
      '1.003197',
      '1.004194',
      '1.004222',
      '1.004873',
      '2.000635',
      '2.000815',
    ]);
  });

  it.each(Object.keys(VALID))('%s accepts a complete, consistent answer', (code) => {
    const data = VALID[code]!;
    const result = validateForm(form(code), data, {
      attachedDocumentCodes: attachedFor(code, data),
      today: TODAY,
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('normalises phone numbers and trims text', () => {
    const result = validateForm(
      form('1.004222'),
      { ...VALID['1.004222'], fullName: '  Lê Văn An ' },
      { today: TODAY },
    );
    expect(result.ok && result.data).toMatchObject({ phone: '0912345678', fullName: 'Lê Văn An' });
  });

  it('treats empty strings as unanswered', () => {
    const result = validateForm(
      form('1.001193'),
      { ...VALID['1.001193'], motherCccd: '', childName: '' },
      { today: TODAY },
    );
    expect(result).toEqual({
      ok: false,
      fields: { childName: 'Vui lòng nhập "Họ, chữ đệm, tên người được khai sinh".' },
    });
  });

  it('rejects unknown fields and non-object data', () => {
    expect(
      validateForm(form('2.000815'), { ...VALID['2.000815'], hack: 1 }, { today: TODAY }),
    ).toMatchObject({
      ok: false,
      fields: { _: expect.stringMatching(/hack/) },
    });
    expect(validateForm(form('2.000815'), [1, 2])).toMatchObject({ ok: false });
  });

  it('khai sinh: needs a parent, consistent CCCDs, and the birth certificate', () => {
    const noParents = validateForm(
      form('1.001193'),
      khaiSinhFormData({
        motherName: undefined,
        fatherName: undefined,
        motherCccd: undefined,
        fatherCccd: undefined,
      }),
      { today: TODAY },
    );
    expect(noParents).toMatchObject({
      ok: false,
      fields: { motherName: expect.stringMatching(/ít nhất của cha hoặc mẹ/) },
    });
    const wrongMotherCccd = validateForm(
      form('1.001193'),
      khaiSinhFormData({ motherCccd: '038092054321' }),
      { today: TODAY },
    );
    expect(wrongMotherCccd).toMatchObject({
      ok: false,
      fields: { motherCccd: expect.stringMatching(/không khớp với giới tính/) },
    });
    const noDocs = validateForm(form('1.001193'), khaiSinhFormData(), {
      attachedDocumentCodes: new Set(),
      today: TODAY,
    });
    expect(noDocs).toMatchObject({
      ok: false,
      fields: { 'documents.giay_chung_sinh': expect.stringMatching(/Vui lòng đính kèm/) },
    });
    const proxy = validateForm(
      form('1.001193'),
      khaiSinhFormData({ relationToChild: 'Người được ủy quyền' }),
      {
        attachedDocumentCodes: new Set(['giay_chung_sinh']),
        today: TODAY,
      },
    );
    expect(proxy).toMatchObject({
      ok: false,
      fields: { 'documents.van_ban_uy_quyen': expect.stringMatching(/ủy quyền/) },
    });
  });

  it('kết hôn: enforces the legal ages and single status', () => {
    const young = validateForm(
      form('1.000894'),
      { ...VALID['1.000894'], groomDateOfBirth: '2007-01-01', groomCccd: '038207012345' },
      { today: TODAY },
    );
    expect(young).toMatchObject({
      ok: false,
      fields: { groomDateOfBirth: expect.stringMatching(/đủ 20 tuổi/) },
    });
    const married = validateForm(
      form('1.000894'),
      { ...VALID['1.000894'], brideMaritalStatus: 'Đang có vợ/chồng' },
      { today: TODAY },
    );
    expect(married).toMatchObject({
      ok: false,
      fields: { brideMaritalStatus: expect.stringMatching(/đang có vợ\/chồng/) },
    });
    const divorced = {
      ...VALID['1.000894'],
      groomMaritalStatus: 'Đã đăng ký kết hôn nhưng đã ly hôn',
      groomMarriageOrdinal: 2,
    };
    expect(
      validateForm(form('1.000894'), divorced, { attachedDocumentCodes: new Set(), today: TODAY }),
    ).toMatchObject({
      ok: false,
      fields: { 'documents.giay_to_ly_hon_hoac_khai_tu': expect.stringMatching(/ly hôn/) },
    });
  });

  it('xác nhận tình trạng hôn nhân: asks about the intended spouse when the purpose is marriage', () => {
    const result = validateForm(
      form('1.004873'),
      { ...VALID['1.004873'], partnerName: undefined },
      { today: TODAY },
    );
    expect(result).toMatchObject({
      ok: false,
      fields: { partnerName: expect.stringMatching(/người dự định kết hôn/) },
    });
    const other = validateForm(
      form('1.004873'),
      { ...VALID['1.004873'], purpose: 'Mục đích khác' },
      { today: TODAY },
    );
    expect(other).toMatchObject({
      ok: false,
      fields: { purposeDetail: expect.stringMatching(/mục đích/) },
    });
  });

  it('thường trú: checks members row by row', () => {
    const result = validateForm(
      form('1.004222'),
      {
        ...VALID['1.004222'],
        members: [
          {
            fullName: 'X',
            dateOfBirth: '2025-10-01',
            sex: 'Nữ',
            cccd: '038225000001',
            relationToHead: 'Cháu',
          },
        ],
      },
      { today: TODAY },
    );
    expect(result).toMatchObject({
      ok: false,
      fields: { 'members.0.cccd': expect.stringMatching(/giới tính nam/) },
    });
  });

  it('refuses dates in the future', () => {
    const result = validateForm(form('2.000815'), {
      ...VALID['2.000815'],
      issueDate: '2999-01-01',
    });
    expect(result).toMatchObject({
      ok: false,
      fields: { issueDate: expect.stringMatching(/tương lai/) },
    });
  });

  it.each(FORMS.map((f) => f.procedureCode))(
    '%s serialises to plain JSON for the Mini App',
    (code) => {
      const json = JSON.parse(JSON.stringify(toPublicForm(form(code))));
      expect(json.sections.length).toBeGreaterThan(0);
      for (const section of json.sections)
        for (const field of section.fields) expect(field.label).toMatch(/\p{L}/u);
      expect(json.jsonSchema.type).toBe('object');
    },
  );

  it('imports no Node-only module, so the Mini App can bundle the forms', () => {
    const root = path.resolve(fileURLToPath(import.meta.url), '../../../..');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/from '([^']+)'/g)) {
        expect(spec, `${path.relative(root, file)} imports ${spec}`).not.toMatch(
          /^node:|^(fs|path|crypto|os|pg|@electric-sql)/,
        );
        if (spec!.startsWith('.'))
          visit(path.resolve(path.dirname(file), spec!.replace(/\.js$/, '.ts')));
      }
    };
    for (const f of ['registry.ts', 'validate-form.ts', 'public-form.ts'])
      visit(path.join(root, 'knowledge/forms', f));
    expect(seen.size).toBeGreaterThan(8);
  });
});
