/**
 * @module
 * Đăng ký thường trú (procedure 1.004222): Tờ khai thay đổi thông tin cư trú, mẫu CT01
 * (Thông tư 53/2025/TT-BCA), with the household-members table of item 11.
 */
import {
  checkCt01People,
  CT01_LEGAL_BASIS,
  CT01_MEMBERS_SECTION,
  CT01_TEMPLATE,
  ct01DeclarantSection,
  ct01HouseholdHeadSection,
} from './ct01.js';
import type { FormDefinition } from './form-types.js';

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
  template: CT01_TEMPLATE,
  legalBasis: CT01_LEGAL_BASIS,
  sections: [
    ct01DeclarantSection(),
    ct01HouseholdHeadSection('Thông tin chủ hộ nơi chuyển đến'),
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
    CT01_MEMBERS_SECTION,
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
  checks: (d, addIssue) => checkCt01People(d, addIssue),
};
