/**
 * @module
 * Chứng thực bản sao từ bản chính (procedure 2.000815). There is no printed tờ khai: the request is
 * the original document itself, so the form only records who asks, what is certified and how many copies.
 * Fee: 2.000 đồng/trang, từ trang thứ 3 trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.
 */
import { checkPersonId } from './form-checks.js';
import type { FormDefinition } from './form-types.js';

export const chungThucBanSaoForm: FormDefinition = {
  procedureCode: '2.000815',
  slug: 'chung-thuc-ban-sao',
  title: 'Chứng thực bản sao từ bản chính',
  template:
    'Yêu cầu chứng thực bản sao từ bản chính (Nghị định 23/2015/NĐ-CP, Nghị định 45/2020/NĐ-CP)',
  legalBasis: ['Nghị định 23/2015/NĐ-CP', 'Nghị định 45/2020/NĐ-CP', 'Thông tư 01/2020/TT-BTP'],
  sections: [
    {
      title: 'Người yêu cầu chứng thực',
      fields: [
        {
          name: 'requesterName',
          label: 'Họ, chữ đệm, tên người yêu cầu',
          kind: 'text',
          required: true,
          prefill: 'fullName',
        },
        {
          name: 'requesterDateOfBirth',
          label: 'Ngày, tháng, năm sinh',
          kind: 'date',
          required: false,
          prefill: 'dateOfBirth',
        },
        {
          name: 'requesterCccd',
          label: 'Số định danh cá nhân',
          kind: 'cccd',
          required: true,
          prefill: 'cccd',
        },
      ],
    },
    {
      title: 'Giấy tờ cần chứng thực',
      fields: [
        {
          name: 'documentName',
          label: 'Tên giấy tờ, văn bản cần chứng thực',
          kind: 'text',
          required: true,
          placeholder: 'Ví dụ: Bằng tốt nghiệp trung học phổ thông',
        },
        { name: 'issuingAuthority', label: 'Cơ quan, tổ chức cấp', kind: 'text', required: true },
        { name: 'issueDate', label: 'Ngày cấp', kind: 'date', required: false },
        {
          name: 'pageCount',
          label: 'Số trang của bản chính',
          kind: 'number',
          required: true,
          min: 1,
          max: 500,
        },
        {
          name: 'copyCount',
          label: 'Số bản sao cần chứng thực',
          kind: 'number',
          required: true,
          min: 1,
          max: 50,
        },
      ],
    },
  ],
  documents: [
    {
      code: 'ban_chinh',
      label: 'Ảnh chụp/bản quét đầy đủ các trang của bản chính giấy tờ cần chứng thực',
      required: true,
    },
  ],
  checks: (d, addIssue) => {
    checkPersonId(addIssue, 'requesterCccd', {
      id: d.requesterCccd,
      dateOfBirth: d.requesterDateOfBirth,
    });
  },
};

/** Fee in VND for certifying `copies` copies of a `pages`-page original (Thông tư 226/2016/TT-BTC). */
export function copyCertificationFee(pages: number, copies: number): number {
  const perCopy = Math.min(200_000, pages <= 2 ? pages * 2000 : 4000 + (pages - 2) * 1000);
  return perCopy * copies;
}
