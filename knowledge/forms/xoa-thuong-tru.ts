/**
 * @module
 * Xóa đăng ký thường trú at the commune police (procedure 1.003197): Tờ khai thay đổi thông tin cư
 * trú, mẫu CT01 (Thông tư 53/2025/TT-BCA), items 1–9 and 11 as for đăng ký thường trú, with item 10
 * naming the address and the case of Điều 24 khoản 1 Luật Cư trú 2020. The record asks for proof of the
 * case only when the databases the police read do not hold it, so no upload is always required.
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

/** The cases of Điều 24 khoản 1 Luật Cư trú 2020, shortened to fit a phone screen, with their letter. */
export const REMOVAL_CASES = [
  'a) Chết; bị Tòa án tuyên bố mất tích hoặc đã chết',
  'b) Ra nước ngoài để định cư',
  'c) Đã có quyết định hủy bỏ đăng ký thường trú',
  'd) Vắng mặt liên tục tại nơi thường trú từ 12 tháng trở lên',
  'đ) Được cho thôi, bị tước quốc tịch Việt Nam hoặc bị hủy quyết định cho nhập quốc tịch',
  'e) Đã chấm dứt thuê, mượn, ở nhờ quá 12 tháng mà chưa đăng ký thường trú nơi mới',
  'g) Chỗ ở đã chuyển quyền sở hữu quá 12 tháng mà chưa đăng ký thường trú nơi mới',
  'h) Không được chủ chỗ ở đồng ý cho giữ đăng ký thường trú',
  'i) Chỗ ở đã bị phá dỡ, tịch thu hoặc phương tiện đã bị xóa đăng ký',
] as const;

export const xoaThuongTruForm: FormDefinition = {
  procedureCode: '1.003197',
  slug: 'xoa-dang-ky-thuong-tru',
  title: 'Xóa đăng ký thường trú',
  template: CT01_TEMPLATE,
  legalBasis: CT01_LEGAL_BASIS,
  sections: [
    ct01DeclarantSection(
      'Ghi thông tin của người được xóa đăng ký thường trú (người thân kê khai thay khi người đó đã mất).',
    ),
    ct01HouseholdHeadSection('Thông tin chủ hộ nơi đang đăng ký thường trú'),
    {
      title: 'Nội dung đề nghị',
      fields: [
        {
          name: 'address',
          label: '10. Nội dung đề nghị: xóa đăng ký thường trú tại',
          kind: 'textarea',
          required: true,
          placeholder: 'Số nhà, thôn/xóm/tổ dân phố, xã/phường, tỉnh/thành phố',
        },
        {
          name: 'removalCase',
          label: 'Trường hợp xóa đăng ký thường trú (khoản 1 Điều 24 Luật Cư trú)',
          kind: 'select',
          required: true,
          options: REMOVAL_CASES,
        },
      ],
    },
    CT01_MEMBERS_SECTION,
  ],
  documents: [
    {
      code: 'giay_to_truong_hop_xoa',
      label:
        'Giấy tờ, tài liệu chứng minh thuộc một trong các trường hợp xóa đăng ký thường trú quy định tại Điều 24 Luật Cư trú',
      required: false,
      condition: 'Trường hợp thông tin chưa được kết nối, chia sẻ với cơ quan đăng ký cư trú.',
      source: ['0.0'],
    },
  ],
  checks: (d, addIssue) => checkCt01People(d, addIssue),
};
