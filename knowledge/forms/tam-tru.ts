/**
 * @module
 * Đăng ký tạm trú at the commune police (procedure 1.004194): Tờ khai thay đổi thông tin cư trú, mẫu
 * CT01 (Thông tư 53/2025/TT-BCA), the same items 1–9 and 11 as đăng ký thường trú, with item 10 naming
 * the place and the end of the stay. Documents follow the record: the CT01 (this form), the proof of a
 * legal residence when it cannot be looked up, and, for a minor, the consent of a parent or guardian.
 */
import {
  checkCt01People,
  CT01_LEGAL_BASIS,
  CT01_MEMBERS_SECTION,
  CT01_TEMPLATE,
  ct01DeclarantSection,
  ct01HouseholdHeadSection,
} from './ct01.js';
import { ageOn, textOf } from './form-checks.js';
import type { FormDefinition } from './form-types.js';
import { LEGAL_RESIDENCE_KINDS } from './thuong-tru.js';

/** Luật Cư trú 2020, Điều 27 khoản 2: a stay is registered for at most two years (then extended). */
export const MAX_STAY_YEARS = 2;

/** Moving in with relatives (Luật Cư trú, khoản 2 Điều 20): no proof of a legal residence needed. */
const WITH_RELATIVES = LEGAL_RESIDENCE_KINDS[2];

const isMinor = (d: Readonly<Record<string, unknown>>, today: string) => {
  const dob = textOf(d.dateOfBirth);
  return dob !== undefined && ageOn(dob, today) < 18;
};

/** The ISO day `years` years after `day` (29 February becomes 28 February). */
function yearsAfter(day: string, years: number): string {
  const year = String(Number(day.slice(0, 4)) + years).padStart(4, '0');
  const rest = day.slice(4) === '-02-29' ? '-02-28' : day.slice(4);
  return year + rest;
}

export const tamTruForm: FormDefinition = {
  procedureCode: '1.004194',
  slug: 'dang-ky-tam-tru',
  title: 'Đăng ký tạm trú',
  template: CT01_TEMPLATE,
  legalBasis: CT01_LEGAL_BASIS,
  sections: [
    ct01DeclarantSection(),
    ct01HouseholdHeadSection('Thông tin chủ hộ nơi đăng ký tạm trú'),
    {
      title: 'Nội dung đề nghị',
      fields: [
        {
          name: 'newAddress',
          label: '10. Nội dung đề nghị: đăng ký tạm trú tại',
          kind: 'textarea',
          required: true,
          placeholder: 'Số nhà, thôn/xóm/tổ dân phố, xã/phường, tỉnh/thành phố',
        },
        {
          name: 'stayUntil',
          label: 'Thời hạn tạm trú đến ngày',
          kind: 'date',
          required: true,
          allowFuture: true,
          hint: 'Thời hạn tạm trú tối đa là 02 năm, hết hạn có thể gia hạn.',
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
      title: 'Ý kiến của chủ hộ, chủ sở hữu chỗ ở hợp pháp, cha, mẹ hoặc người giám hộ',
      fields: [
        {
          name: 'headConsent',
          label: 'Chủ hộ đã đồng ý cho đăng ký tạm trú',
          kind: 'checkbox',
          required: false,
        },
        {
          name: 'ownerConsent',
          label: 'Chủ sở hữu chỗ ở hợp pháp đã đồng ý',
          kind: 'checkbox',
          required: false,
        },
        {
          name: 'guardianConsent',
          label: 'Cha, mẹ hoặc người giám hộ đã đồng ý (người chưa thành niên)',
          kind: 'checkbox',
          required: false,
          hint: 'Người đăng ký tạm trú chưa đủ 18 tuổi cần ý kiến đồng ý của cha, mẹ hoặc người giám hộ.',
        },
      ],
    },
  ],
  documents: [
    {
      code: 'giay_to_cho_o_hop_phap',
      label: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
      required: false,
      condition:
        'Khi không khai thác được thông tin về chỗ ở hợp pháp. Văn bản cho thuê, cho mượn, cho ở nhờ không bắt buộc phải công chứng hoặc chứng thực. Không cần khi về ở với người thân và chủ hộ, chủ sở hữu chỗ ở đồng ý.',
      requiredWhen: (d) => d.residenceKind !== WITH_RELATIVES,
      source: ['0.1', '3.0'],
    },
    {
      code: 'van_ban_dong_y',
      label: 'Văn bản đồng ý của chủ hộ / chủ sở hữu chỗ ở',
      required: false,
      condition: 'Khi chủ hộ hoặc chủ sở hữu không xác nhận trực tiếp trên tờ khai.',
      requiredWhen: (d) => d.relationToHead !== 'Chủ hộ' && d.headConsent !== true,
      source: ['0.2'],
    },
    {
      code: 'van_ban_dong_y_cha_me',
      label: 'Văn bản đồng ý của cha, mẹ hoặc người giám hộ',
      required: false,
      condition:
        'Khi người đăng ký tạm trú là người chưa thành niên và tờ khai chưa ghi ý kiến đồng ý của cha, mẹ hoặc người giám hộ.',
      requiredWhen: (d, today) => isMinor(d, today) && d.guardianConsent !== true,
      source: ['0.2'],
    },
  ],
  checks: (d, addIssue, today) => {
    checkCt01People(d, addIssue);
    const until = textOf(d.stayUntil);
    if (until && until <= today) {
      addIssue('stayUntil', 'Thời hạn tạm trú phải là một ngày sau hôm nay.');
    } else if (until && until > yearsAfter(today, MAX_STAY_YEARS)) {
      addIssue('stayUntil', 'Thời hạn tạm trú tối đa là 02 năm kể từ hôm nay.');
    }
  },
};
