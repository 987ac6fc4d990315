/**
 * @module
 * Đăng ký khai sinh (procedure 1.001193): the birth registration form of Thông tư 04/2024/TT-BTP,
 * sections A–F as on the printed tờ khai.
 */
import { REQUESTER_IDENTITY_FIELDS, REQUESTER_NAME_FIELD } from './civil-requester-fields.js';
import { checkPersonId, textOf } from './form-checks.js';
import type { FormDefinition } from './form-types.js';
import { BIRTH_REQUESTER_RELATIONS, ETHNIC_GROUPS, SEX_OPTIONS, YES_NO } from './options.js';

export const khaiSinhForm: FormDefinition = {
  procedureCode: '1.001193',
  slug: 'dang-ky-khai-sinh',
  title: 'Đăng ký khai sinh',
  template: 'Tờ khai đăng ký khai sinh (Thông tư 04/2024/TT-BTP)',
  legalBasis: ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2024/TT-BTP'],
  sections: [
    {
      title: 'A. Người yêu cầu',
      fields: [
        REQUESTER_NAME_FIELD,
        {
          name: 'requesterDateOfBirth',
          label: 'Ngày, tháng, năm sinh của người yêu cầu',
          kind: 'date',
          required: true,
          prefill: 'dateOfBirth',
        },
        {
          name: 'requesterSex',
          label: 'Giới tính của người yêu cầu',
          kind: 'select',
          required: false,
          options: SEX_OPTIONS,
          prefill: 'sex',
        },
        ...REQUESTER_IDENTITY_FIELDS,
        {
          name: 'relationToChild',
          label: 'Quan hệ với người được khai sinh',
          kind: 'select',
          required: true,
          options: BIRTH_REQUESTER_RELATIONS,
        },
      ],
    },
    {
      title: 'B. Người được khai sinh',
      note: 'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:',
      fields: [
        {
          name: 'childName',
          label: 'Họ, chữ đệm, tên người được khai sinh',
          kind: 'text',
          required: true,
        },
        { name: 'childDateOfBirth', label: 'Ngày, tháng, năm sinh', kind: 'date', required: true },
        {
          name: 'childDateOfBirthInWords',
          label: 'Ngày sinh ghi bằng chữ',
          kind: 'text',
          required: true,
          placeholder: 'Ví dụ: Ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu',
        },
        {
          name: 'childSex',
          label: 'Giới tính',
          kind: 'select',
          required: true,
          options: SEX_OPTIONS,
        },
        {
          name: 'childEthnicity',
          label: 'Dân tộc',
          kind: 'select',
          required: true,
          options: ETHNIC_GROUPS,
        },
        {
          name: 'childNationality',
          label: 'Quốc tịch',
          kind: 'text',
          required: true,
          placeholder: 'Việt Nam',
        },
        {
          name: 'childPlaceOfBirth',
          label: 'Nơi sinh',
          kind: 'textarea',
          required: true,
          placeholder: 'Tên cơ sở y tế và địa chỉ; hoặc địa danh hành chính nơi sinh',
        },
        { name: 'childHometown', label: 'Quê quán', kind: 'text', required: true },
      ],
    },
    {
      title: 'C. Người mẹ',
      note: 'Ghi thông tin ít nhất của cha hoặc mẹ.',
      fields: [
        { name: 'motherName', label: 'Họ, chữ đệm, tên người mẹ', kind: 'text', required: false },
        {
          name: 'motherDateOfBirth',
          label: 'Ngày, tháng, năm sinh của người mẹ',
          kind: 'date',
          required: false,
        },
        {
          name: 'motherEthnicity',
          label: 'Dân tộc của người mẹ',
          kind: 'select',
          required: false,
          options: ETHNIC_GROUPS,
        },
        {
          name: 'motherNationality',
          label: 'Quốc tịch của người mẹ',
          kind: 'text',
          required: false,
        },
        {
          name: 'motherAddress',
          label: 'Nơi cư trú của người mẹ',
          kind: 'textarea',
          required: false,
        },
        {
          name: 'motherCccd',
          label: 'Số định danh cá nhân của người mẹ',
          kind: 'cccd',
          required: false,
        },
      ],
    },
    {
      title: 'D. Người cha',
      note: 'Ghi thông tin ít nhất của cha hoặc mẹ.',
      fields: [
        { name: 'fatherName', label: 'Họ, chữ đệm, tên người cha', kind: 'text', required: false },
        {
          name: 'fatherDateOfBirth',
          label: 'Ngày, tháng, năm sinh của người cha',
          kind: 'date',
          required: false,
        },
        {
          name: 'fatherEthnicity',
          label: 'Dân tộc của người cha',
          kind: 'select',
          required: false,
          options: ETHNIC_GROUPS,
        },
        {
          name: 'fatherNationality',
          label: 'Quốc tịch của người cha',
          kind: 'text',
          required: false,
        },
        {
          name: 'fatherAddress',
          label: 'Nơi cư trú của người cha',
          kind: 'textarea',
          required: false,
        },
        {
          name: 'fatherCccd',
          label: 'Số định danh cá nhân của người cha',
          kind: 'cccd',
          required: false,
        },
      ],
    },
    {
      title: 'E. Giấy chứng nhận kết hôn của cha, mẹ (nếu có)',
      fields: [
        {
          name: 'parentsMarriageNumber',
          label: 'Số Giấy chứng nhận kết hôn',
          kind: 'text',
          required: false,
          maxLength: 50,
        },
        {
          name: 'parentsMarriageDate',
          label: 'Ngày đăng ký kết hôn',
          kind: 'date',
          required: false,
        },
        {
          name: 'parentsMarriagePlace',
          label: 'Nơi đăng ký kết hôn',
          kind: 'text',
          required: false,
        },
      ],
    },
    {
      title: 'F. Đề nghị cấp bản sao',
      fields: [
        {
          name: 'wantsCopies',
          label: 'Đề nghị cấp bản sao Giấy khai sinh',
          kind: 'radio',
          required: true,
          options: YES_NO,
        },
        {
          name: 'copyCount',
          label: 'Số lượng bản sao',
          kind: 'number',
          required: false,
          min: 1,
          max: 20,
        },
      ],
    },
  ],
  documents: [
    {
      code: 'giay_chung_sinh',
      label: 'Giấy chứng sinh (hoặc văn bản của người làm chứng, hoặc giấy cam đoan về việc sinh)',
      required: true,
    },
    {
      code: 'van_ban_uy_quyen',
      label: 'Văn bản ủy quyền (được chứng thực)',
      required: false,
      condition: 'Bắt buộc khi người yêu cầu là người được ủy quyền.',
      requiredWhen: (d) => d.relationToChild === 'Người được ủy quyền',
    },
    {
      code: 'giay_to_tuy_than',
      label: 'Ảnh chụp giấy tờ tùy thân của người yêu cầu',
      required: false,
      condition:
        'Chỉ cần khi cơ quan đăng ký không khai thác được thông tin từ Cơ sở dữ liệu quốc gia về dân cư.',
    },
  ],
  checks: (d, addIssue, today) => {
    if (!textOf(d.motherName) && !textOf(d.fatherName)) {
      addIssue('motherName', 'Vui lòng ghi thông tin ít nhất của cha hoặc mẹ.');
    }
    const child = textOf(d.childDateOfBirth);
    const requester = textOf(d.requesterDateOfBirth);
    if (child && requester && requester >= child) {
      addIssue(
        'requesterDateOfBirth',
        'Ngày sinh của người yêu cầu phải trước ngày sinh của người được khai sinh.',
      );
    }
    if (child && child > today)
      addIssue('childDateOfBirth', 'Ngày sinh không được là ngày trong tương lai.');
    checkPersonId(addIssue, 'requesterCccd', {
      id: d.requesterCccd,
      dateOfBirth: requester,
      sex: d.requesterSex,
    });
    for (const parent of ['mother', 'father'] as const) {
      checkPersonId(addIssue, `${parent}Cccd`, {
        id: d[`${parent}Cccd`],
        dateOfBirth: d[`${parent}DateOfBirth`],
        sex: parent === 'mother' ? 'Nữ' : 'Nam',
      });
    }
    if (d.wantsCopies === 'Có' && d.copyCount === undefined) {
      addIssue('copyCount', 'Vui lòng nhập số lượng bản sao cần cấp.');
    }
  },
};
