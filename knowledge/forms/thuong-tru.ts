/**
 * @module
 * Đăng ký thường trú (procedure 1.004222): Tờ khai thay đổi thông tin cư trú, mẫu CT01
 * (Thông tư 53/2025/TT-BCA), with the household-members table of item 11.
 */
import { checkPersonId, textOf } from './form-checks.js';
import type { FormDefinition } from './form-types.js';
import { HOUSEHOLD_RELATIONS, SEX_OPTIONS } from './options.js';

export const LEGAL_RESIDENCE_KINDS = [
  'Chỗ ở hợp pháp thuộc quyền sở hữu của mình',
  'Chỗ ở hợp pháp do thuê, mượn, ở nhờ',
  'Về ở với người thân (vợ/chồng, cha mẹ, con…) đã có thường trú',
  'Trường hợp khác',
] as const;

export const thuongTruForm: FormDefinition = {
  procedureCode: '1.004222',
  slug: 'dang-ky-thuong-tru',
  title: 'Đăng ký thường trú',
  template: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01, Thông tư 53/2025/TT-BCA)',
  legalBasis: ['Luật Cư trú 2020', 'Nghị định 154/2024/NĐ-CP', 'Thông tư 53/2025/TT-BCA'],
  sections: [
    {
      title: 'Thông tin người kê khai',
      fields: [
        {
          name: 'fullName',
          label: '1. Họ, chữ đệm và tên khai sinh',
          kind: 'text',
          required: true,
          prefill: 'fullName',
        },
        {
          name: 'dateOfBirth',
          label: '2. Ngày, tháng, năm sinh',
          kind: 'date',
          required: true,
          prefill: 'dateOfBirth',
        },
        {
          name: 'sex',
          label: '3. Giới tính',
          kind: 'select',
          required: true,
          options: SEX_OPTIONS,
          prefill: 'sex',
        },
        {
          name: 'cccd',
          label: '4. Số định danh cá nhân',
          kind: 'cccd',
          required: true,
          prefill: 'cccd',
        },
        {
          name: 'phone',
          label: '5. Số điện thoại liên hệ',
          kind: 'phone',
          required: false,
          prefill: 'phone',
        },
        { name: 'email', label: '6. Email', kind: 'email', required: false, prefill: 'email' },
      ],
    },
    {
      title: 'Thông tin chủ hộ nơi chuyển đến',
      fields: [
        {
          name: 'householdHeadName',
          label: '7. Họ, chữ đệm và tên chủ hộ',
          kind: 'text',
          required: true,
        },
        {
          name: 'relationToHead',
          label: '8. Mối quan hệ với chủ hộ',
          kind: 'select',
          required: true,
          options: HOUSEHOLD_RELATIONS,
        },
        {
          name: 'householdHeadCccd',
          label: '9. Số định danh cá nhân của chủ hộ',
          kind: 'cccd',
          required: true,
        },
      ],
    },
    {
      title: 'Nội dung đề nghị',
      fields: [
        {
          name: 'newAddress',
          label: '10. Nội dung đề nghị: đăng ký thường trú tại',
          kind: 'textarea',
          required: true,
          placeholder: 'Số nhà, thôn/xóm/tổ dân phố, xã/phường, tỉnh/thành phố',
        },
        {
          name: 'residenceKind',
          label: 'Căn cứ chỗ ở hợp pháp',
          kind: 'select',
          required: true,
          options: LEGAL_RESIDENCE_KINDS,
        },
      ],
    },
    {
      title: '11. Những thành viên trong hộ gia đình cùng thay đổi',
      fields: [
        {
          name: 'members',
          label: 'Danh sách thành viên cùng thay đổi',
          kind: 'table',
          required: false,
          maxRows: 15,
          columns: [
            { name: 'fullName', label: 'Họ, chữ đệm và tên', kind: 'text', required: true },
            { name: 'dateOfBirth', label: 'Ngày, tháng, năm sinh', kind: 'date', required: true },
            {
              name: 'sex',
              label: 'Giới tính',
              kind: 'select',
              required: true,
              options: SEX_OPTIONS,
            },
            { name: 'cccd', label: 'Số định danh cá nhân', kind: 'cccd', required: true },
            {
              name: 'relationToHead',
              label: 'Mối quan hệ với chủ hộ',
              kind: 'select',
              required: true,
              options: HOUSEHOLD_RELATIONS,
            },
          ],
        },
      ],
    },
    {
      title: 'Ý kiến của chủ hộ và chủ sở hữu chỗ ở hợp pháp',
      fields: [
        {
          name: 'headConsent',
          label: 'Chủ hộ đã đồng ý cho đăng ký thường trú',
          kind: 'checkbox',
          required: false,
        },
        {
          name: 'ownerConsent',
          label: 'Chủ sở hữu chỗ ở hợp pháp đã đồng ý',
          kind: 'checkbox',
          required: false,
        },
      ],
    },
  ],
  documents: [
    {
      code: 'giay_to_cho_o_hop_phap',
      label:
        'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hoặc hợp đồng thuê, mượn, ở nhờ đã công chứng/chứng thực)',
      required: true,
    },
    {
      code: 'giay_to_quan_he_nhan_than',
      label: 'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ',
      required: false,
      condition:
        'Khi về ở với người thân và thông tin quan hệ chưa có trong Cơ sở dữ liệu quốc gia về dân cư.',
    },
    {
      code: 'van_ban_dong_y',
      label: 'Văn bản đồng ý của chủ hộ / chủ sở hữu chỗ ở',
      required: false,
      condition: 'Khi chủ hộ hoặc chủ sở hữu không xác nhận trực tiếp trên tờ khai.',
      requiredWhen: (d) => d.relationToHead !== 'Chủ hộ' && d.headConsent !== true,
    },
  ],
  checks: (d, addIssue) => {
    checkPersonId(addIssue, 'cccd', { id: d.cccd, dateOfBirth: d.dateOfBirth, sex: d.sex });
    const id = textOf(d.cccd);
    const head = textOf(d.householdHeadCccd);
    if (d.relationToHead === 'Chủ hộ' && head && id && head !== id) {
      addIssue(
        'householdHeadCccd',
        'Bạn chọn là chủ hộ nên số định danh của chủ hộ phải là số của bạn.',
      );
    }
    const members = Array.isArray(d.members) ? (d.members as Record<string, unknown>[]) : [];
    members.forEach((m, i) => {
      checkPersonId(addIssue, `members.${i}.cccd`, {
        id: m.cccd,
        dateOfBirth: m.dateOfBirth,
        sex: m.sex,
      });
      const memberId = textOf(m.cccd);
      if (memberId && memberId === id)
        addIssue(`members.${i}.cccd`, 'Thành viên trùng với người kê khai.');
    });
  },
};
