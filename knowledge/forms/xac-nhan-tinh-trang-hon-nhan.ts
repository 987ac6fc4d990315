/**
 * @module
 * Cấp Giấy xác nhận tình trạng hôn nhân at commune level (procedure 1.004873; 2.000689 is the one for
 * Vietnamese citizens abroad). Tờ khai cấp Giấy xác nhận tình trạng hôn nhân, Thông tư 04/2024/TT-BTP.
 */
import { checkPersonId, textOf } from './form-checks.js';
import type { FormDefinition } from './form-types.js';
import { IDENTITY_DOCUMENTS, MARITAL_STATUSES, SEX_OPTIONS } from './options.js';

export const PURPOSES = ['Đăng ký kết hôn', 'Mục đích khác'] as const;

export const xacNhanTinhTrangHonNhanForm: FormDefinition = {
  procedureCode: '1.004873',
  slug: 'cap-giay-xac-nhan-tinh-trang-hon-nhan',
  title: 'Cấp Giấy xác nhận tình trạng hôn nhân',
  template: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (Thông tư 04/2024/TT-BTP)',
  legalBasis: ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2024/TT-BTP'],
  sections: [
    {
      title: 'Người yêu cầu',
      fields: [
        {
          name: 'requesterName',
          label: 'Họ, chữ đệm, tên người yêu cầu',
          kind: 'text',
          required: true,
          prefill: 'fullName',
        },
        {
          name: 'requesterAddress',
          label: 'Nơi cư trú của người yêu cầu',
          kind: 'textarea',
          required: true,
          prefill: 'address',
        },
        {
          name: 'relationToSubject',
          label: 'Quan hệ với người được cấp giấy',
          kind: 'text',
          required: true,
          placeholder: 'Bản thân',
        },
      ],
    },
    {
      title: 'Người được cấp Giấy xác nhận tình trạng hôn nhân',
      fields: [
        {
          name: 'subjectName',
          label: 'Họ, chữ đệm, tên',
          kind: 'text',
          required: true,
          prefill: 'fullName',
        },
        {
          name: 'subjectDateOfBirth',
          label: 'Ngày, tháng, năm sinh',
          kind: 'date',
          required: true,
          prefill: 'dateOfBirth',
        },
        {
          name: 'subjectSex',
          label: 'Giới tính',
          kind: 'select',
          required: true,
          options: SEX_OPTIONS,
          prefill: 'sex',
        },
        {
          name: 'subjectNationality',
          label: 'Quốc tịch',
          kind: 'text',
          required: true,
          placeholder: 'Việt Nam',
        },
        {
          name: 'subjectIdType',
          label: 'Giấy tờ tùy thân: loại',
          kind: 'select',
          required: true,
          options: IDENTITY_DOCUMENTS,
        },
        {
          name: 'subjectCccd',
          label: 'Số định danh cá nhân',
          kind: 'cccd',
          required: true,
          prefill: 'cccd',
        },
        {
          name: 'subjectAddress',
          label: 'Nơi cư trú',
          kind: 'textarea',
          required: true,
          prefill: 'address',
        },
        {
          name: 'periodFrom',
          label: 'Xác nhận tình trạng hôn nhân trong thời gian cư trú từ ngày',
          kind: 'date',
          required: false,
        },
        { name: 'periodTo', label: 'đến ngày', kind: 'date', required: false },
        {
          name: 'maritalStatus',
          label: 'Tình trạng hôn nhân',
          kind: 'select',
          required: true,
          options: MARITAL_STATUSES,
        },
        {
          name: 'purpose',
          label: 'Mục đích sử dụng Giấy xác nhận',
          kind: 'select',
          required: true,
          options: PURPOSES,
        },
        {
          name: 'purposeDetail',
          label: 'Ghi rõ mục đích sử dụng',
          kind: 'text',
          required: false,
          hint: 'Bắt buộc khi chọn "Mục đích khác".',
        },
      ],
    },
    {
      title: 'Người dự định kết hôn (khi dùng để đăng ký kết hôn)',
      fields: [
        {
          name: 'partnerName',
          label: 'Họ, chữ đệm, tên người dự định kết hôn',
          kind: 'text',
          required: false,
        },
        {
          name: 'partnerDateOfBirth',
          label: 'Ngày, tháng, năm sinh người dự định kết hôn',
          kind: 'date',
          required: false,
        },
        {
          name: 'partnerNationality',
          label: 'Quốc tịch người dự định kết hôn',
          kind: 'text',
          required: false,
        },
        {
          name: 'partnerIdNumber',
          label: 'Số giấy tờ tùy thân người dự định kết hôn',
          kind: 'text',
          required: false,
          maxLength: 20,
        },
        {
          name: 'marriagePlace',
          label: 'Nơi dự định đăng ký kết hôn',
          kind: 'text',
          required: false,
        },
      ],
    },
  ],
  documents: [
    {
      code: 'giay_to_ly_hon_hoac_khai_tu',
      label: 'Bản án/quyết định ly hôn đã có hiệu lực, hoặc trích lục khai tử của vợ/chồng',
      required: false,
      condition: 'Bắt buộc khi đã ly hôn hoặc vợ/chồng đã chết.',
      requiredWhen: (d) =>
        d.maritalStatus === MARITAL_STATUSES[2] || d.maritalStatus === MARITAL_STATUSES[3],
    },
    {
      code: 'giay_xac_nhan_da_cap',
      label: 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây',
      required: false,
      condition:
        'Khi xin cấp lại để dùng vào mục đích khác hoặc giấy cũ đã hết hạn (nộp lại giấy cũ).',
    },
    {
      code: 'van_ban_uy_quyen',
      label: 'Văn bản ủy quyền',
      required: false,
      condition: 'Khi ủy quyền cho người khác nộp hồ sơ.',
    },
  ],
  checks: (d, addIssue) => {
    checkPersonId(addIssue, 'subjectCccd', {
      id: d.subjectCccd,
      dateOfBirth: d.subjectDateOfBirth,
      sex: d.subjectSex,
    });
    const from = textOf(d.periodFrom);
    const to = textOf(d.periodTo);
    if (from && to && from > to) addIssue('periodTo', '"Đến ngày" phải sau "từ ngày".');
    const dob = textOf(d.subjectDateOfBirth);
    if (from && dob && from < dob)
      addIssue('periodFrom', 'Thời gian xác nhận không thể trước ngày sinh.');
    if (d.purpose === 'Đăng ký kết hôn') {
      if (!textOf(d.partnerName))
        addIssue('partnerName', 'Vui lòng nhập họ tên người dự định kết hôn.');
      if (!textOf(d.partnerDateOfBirth)) {
        addIssue('partnerDateOfBirth', 'Vui lòng nhập ngày sinh người dự định kết hôn.');
      }
      if (d.maritalStatus === MARITAL_STATUSES[1]) {
        addIssue(
          'maritalStatus',
          'Người đang có vợ/chồng không thể xin xác nhận để đăng ký kết hôn.',
        );
      }
    }
    if (d.purpose === 'Mục đích khác' && !textOf(d.purposeDetail)) {
      addIssue('purposeDetail', 'Vui lòng ghi rõ mục đích sử dụng Giấy xác nhận.');
    }
  },
};
