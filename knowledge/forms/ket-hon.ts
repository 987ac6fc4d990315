/**
 * @module
 * Đăng ký kết hôn (procedure 1.000894): the marriage registration form of Thông tư 04/2024/TT-BTP,
 * one column per party ("Bên nữ", "Bên nam") as on the printed tờ khai.
 */
import { ageOn, checkPersonId, textOf } from './form-checks.js';
import type { FieldDefinition, FormDefinition } from './form-types.js';
import { ETHNIC_GROUPS, IDENTITY_DOCUMENTS, MARITAL_STATUSES } from './options.js';

function party(prefix: 'bride' | 'groom', who: string): FieldDefinition[] {
  return [
    { name: `${prefix}Name`, label: `Họ, chữ đệm, tên (${who})`, kind: 'text', required: true },
    {
      name: `${prefix}DateOfBirth`,
      label: `Ngày, tháng, năm sinh (${who})`,
      kind: 'date',
      required: true,
    },
    {
      name: `${prefix}Ethnicity`,
      label: `Dân tộc (${who})`,
      kind: 'select',
      required: true,
      options: ETHNIC_GROUPS,
    },
    {
      name: `${prefix}Nationality`,
      label: `Quốc tịch (${who})`,
      kind: 'text',
      required: true,
      placeholder: 'Việt Nam',
    },
    { name: `${prefix}Address`, label: `Nơi cư trú (${who})`, kind: 'textarea', required: true },
    {
      name: `${prefix}IdType`,
      label: `Giấy tờ tùy thân: loại (${who})`,
      kind: 'select',
      required: true,
      options: IDENTITY_DOCUMENTS,
    },
    { name: `${prefix}Cccd`, label: `Số định danh cá nhân (${who})`, kind: 'cccd', required: true },
    {
      name: `${prefix}MaritalStatus`,
      label: `Tình trạng hôn nhân (${who})`,
      kind: 'select',
      required: true,
      options: MARITAL_STATUSES,
    },
    {
      name: `${prefix}MarriageOrdinal`,
      label: `Kết hôn lần thứ mấy (${who})`,
      kind: 'number',
      required: true,
      min: 1,
      max: 10,
    },
  ];
}

const DIVORCED_OR_WIDOWED: readonly string[] = [MARITAL_STATUSES[2], MARITAL_STATUSES[3]];

export const ketHonForm: FormDefinition = {
  procedureCode: '1.000894',
  slug: 'dang-ky-ket-hon',
  title: 'Đăng ký kết hôn',
  template: 'Tờ khai đăng ký kết hôn (Thông tư 04/2024/TT-BTP)',
  legalBasis: [
    'Luật Hôn nhân và gia đình 2014',
    'Luật Hộ tịch 2014',
    'Nghị định 123/2015/NĐ-CP',
    'Thông tư 04/2024/TT-BTP',
  ],
  sections: [
    { title: 'Thông tin bên nữ', fields: party('bride', 'bên nữ') },
    { title: 'Thông tin bên nam', fields: party('groom', 'bên nam') },
    {
      title: 'Cam đoan',
      fields: [
        {
          name: 'voluntaryCommitment',
          label:
            'Chúng tôi cam đoan việc kết hôn là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình',
          kind: 'checkbox',
          required: true,
        },
      ],
    },
  ],
  documents: [
    {
      code: 'giay_to_ly_hon_hoac_khai_tu',
      label: 'Bản án/quyết định ly hôn đã có hiệu lực, hoặc trích lục khai tử của vợ/chồng trước',
      required: false,
      condition: 'Bắt buộc khi một bên đã ly hôn hoặc vợ/chồng trước đã chết.',
      requiredWhen: (d) =>
        DIVORCED_OR_WIDOWED.includes(textOf(d.brideMaritalStatus) ?? '') ||
        DIVORCED_OR_WIDOWED.includes(textOf(d.groomMaritalStatus) ?? ''),
    },
    {
      code: 'giay_xac_nhan_tinh_trang_hon_nhan',
      label: 'Giấy xác nhận tình trạng hôn nhân',
      required: false,
      condition:
        'Khi một bên cư trú ở xã/phường khác và cơ quan đăng ký không tra cứu được tình trạng hôn nhân.',
    },
    {
      code: 'giay_to_tuy_than',
      label: 'Ảnh chụp giấy tờ tùy thân của hai bên',
      required: false,
      condition: 'Chỉ cần khi không khai thác được thông tin từ Cơ sở dữ liệu quốc gia về dân cư.',
    },
  ],
  checks: (d, addIssue, today) => {
    // Luật Hôn nhân và gia đình 2014, Điều 8: nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi.
    const bride = textOf(d.brideDateOfBirth);
    const groom = textOf(d.groomDateOfBirth);
    if (bride && ageOn(bride, today) < 18) {
      addIssue(
        'brideDateOfBirth',
        'Bên nữ phải từ đủ 18 tuổi trở lên (Điều 8 Luật Hôn nhân và gia đình).',
      );
    }
    if (groom && ageOn(groom, today) < 20) {
      addIssue(
        'groomDateOfBirth',
        'Bên nam phải từ đủ 20 tuổi trở lên (Điều 8 Luật Hôn nhân và gia đình).',
      );
    }
    for (const [prefix, sex] of [
      ['bride', 'Nữ'],
      ['groom', 'Nam'],
    ] as const) {
      checkPersonId(addIssue, `${prefix}Cccd`, {
        id: d[`${prefix}Cccd`],
        dateOfBirth: d[`${prefix}DateOfBirth`],
        sex,
      });
      if (d[`${prefix}MaritalStatus`] === MARITAL_STATUSES[1]) {
        addIssue(
          `${prefix}MaritalStatus`,
          'Người đang có vợ/chồng không được đăng ký kết hôn với người khác.',
        );
      }
    }
    if (textOf(d.brideCccd) && d.brideCccd === d.groomCccd) {
      addIssue('groomCccd', 'Số định danh cá nhân của hai bên không được trùng nhau.');
    }
    if (d.voluntaryCommitment === false) {
      addIssue('voluntaryCommitment', 'Hai bên cần xác nhận lời cam đoan trước khi nộp.');
    }
  },
};
