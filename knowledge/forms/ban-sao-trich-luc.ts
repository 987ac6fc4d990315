/**
 * @module
 * Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh (procedure 2.000635): Tờ khai cấp bản sao trích
 * lục hộ tịch (Thông tư 04/2024/TT-BTP): the requester, the person the record is about, the civil-status
 * event and where it was registered, and the number of copies. The record asks residents to upload
 * nothing in the common case (identity papers are shown or looked up); a proxy attaches the power of
 * attorney.
 */
import { CIVIL_REQUESTER_FIELDS } from './civil-requester-fields.js';
import { checkPersonId, textOf } from './form-checks.js';
import type { FormDefinition } from './form-types.js';
import { ETHNIC_GROUPS, SEX_OPTIONS } from './options.js';

/** Civil-status events registered in the commune's books (Luật Hộ tịch 2014, Điều 3). */
export const CIVIL_STATUS_EVENTS = [
  'Khai sinh',
  'Kết hôn',
  'Khai tử',
  'Nhận cha, mẹ, con',
  'Giám hộ',
  'Thay đổi, cải chính, bổ sung thông tin hộ tịch',
  'Xác định lại dân tộc',
  'Việc hộ tịch khác',
] as const;

export const COPY_REQUESTER_RELATIONS = [
  'Bản thân',
  'Cha',
  'Mẹ',
  'Vợ',
  'Chồng',
  'Con',
  'Ông',
  'Bà',
  'Anh, chị, em ruột',
  'Người được ủy quyền',
] as const;

export const banSaoTrichLucForm: FormDefinition = {
  procedureCode: '2.000635',
  slug: 'cap-ban-sao-trich-luc-ho-tich',
  title: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
  template: 'Tờ khai cấp bản sao trích lục hộ tịch (Thông tư 04/2024/TT-BTP)',
  legalBasis: ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2024/TT-BTP'],
  sections: [
    {
      title: 'Người yêu cầu',
      fields: [
        ...CIVIL_REQUESTER_FIELDS,
        {
          name: 'relationToSubject',
          label: 'Quan hệ với người được cấp bản sao trích lục hộ tịch',
          kind: 'select',
          required: true,
          options: COPY_REQUESTER_RELATIONS,
        },
      ],
    },
    {
      title: 'Đề nghị cấp bản sao trích lục hộ tịch',
      note: 'Đề nghị cấp bản sao trích lục hộ tịch cho người có tên dưới đây:',
      fields: [
        {
          name: 'eventKind',
          label: 'Loại việc hộ tịch đã đăng ký',
          kind: 'select',
          required: true,
          options: CIVIL_STATUS_EVENTS,
        },
        { name: 'subjectName', label: 'Họ, chữ đệm, tên', kind: 'text', required: true },
        {
          name: 'subjectDateOfBirth',
          label: 'Ngày, tháng, năm sinh',
          kind: 'date',
          required: true,
        },
        {
          name: 'subjectSex',
          label: 'Giới tính',
          kind: 'select',
          required: true,
          options: SEX_OPTIONS,
        },
        {
          name: 'subjectEthnicity',
          label: 'Dân tộc',
          kind: 'select',
          required: false,
          options: ETHNIC_GROUPS,
        },
        {
          name: 'subjectNationality',
          label: 'Quốc tịch',
          kind: 'text',
          required: false,
          placeholder: 'Việt Nam',
        },
        { name: 'subjectAddress', label: 'Nơi cư trú', kind: 'textarea', required: false },
        {
          name: 'subjectCccd',
          label: 'Số định danh cá nhân',
          kind: 'cccd',
          required: false,
        },
      ],
    },
    {
      title: 'Thông tin đăng ký hộ tịch',
      note: 'Ghi theo giấy tờ hộ tịch đã cấp (nếu biết), giúp cơ quan tìm sổ nhanh hơn.',
      fields: [
        {
          name: 'registrationPlace',
          label: 'Nơi đã đăng ký',
          kind: 'text',
          required: true,
          placeholder: 'Ví dụ: UBND xã Minh Sơn, huyện Ngọc Lặc, tỉnh Thanh Hóa',
        },
        { name: 'registrationDate', label: 'Ngày đăng ký', kind: 'date', required: false },
        { name: 'registrationNumber', label: 'Số', kind: 'text', required: false, maxLength: 30 },
        { name: 'bookNumber', label: 'Quyển số', kind: 'text', required: false, maxLength: 30 },
        {
          name: 'copyCount',
          label: 'Số lượng bản sao đề nghị cấp',
          kind: 'number',
          required: true,
          min: 1,
          max: 20,
        },
      ],
    },
  ],
  documents: [
    {
      code: 'van_ban_uy_quyen',
      label: 'Văn bản ủy quyền',
      required: false,
      condition:
        'Bắt buộc khi người yêu cầu là người được ủy quyền. Không phải chứng thực khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
      requiredWhen: (d) => d.relationToSubject === 'Người được ủy quyền',
      source: ['0.1'],
    },
  ],
  checks: (d, addIssue) => {
    checkPersonId(addIssue, 'subjectCccd', {
      id: d.subjectCccd,
      dateOfBirth: d.subjectDateOfBirth,
      sex: d.subjectSex,
    });
    if (d.relationToSubject === 'Bản thân') {
      const own = textOf(d.requesterCccd);
      const subject = textOf(d.subjectCccd);
      if (own && subject && own !== subject) {
        addIssue('subjectCccd', 'Bạn chọn "Bản thân" nên số định danh phải là số của bạn.');
      }
    }
    const registered = textOf(d.registrationDate);
    const born = textOf(d.subjectDateOfBirth);
    if (registered && born && registered < born) {
      addIssue('registrationDate', 'Ngày đăng ký không thể trước ngày sinh của người được cấp.');
    }
  },
};
