/**
 * @module
 * Đăng ký khai tử (procedure 1.000656): Tờ khai đăng ký khai tử (Thông tư 04/2024/TT-BTP), the
 * requester, the deceased, the death notice and the request for copies, as on the printed tờ khai.
 * Documents follow the record: the Giấy báo tử (or, for a death long ago without one, other proof of
 * the death), the power of attorney when a proxy files, and proof of the place of death when the last
 * residence is unknown.
 */
import { CIVIL_REQUESTER_FIELDS } from './civil-requester-fields.js';
import { checkPersonId, textOf } from './form-checks.js';
import type { FormDefinition } from './form-types.js';
import { ETHNIC_GROUPS, SEX_OPTIONS, YES_NO } from './options.js';

/** Who may register a death (Luật Hộ tịch 2014, Điều 33), as a relation to the deceased. */
export const DEATH_REQUESTER_RELATIONS = [
  'Vợ',
  'Chồng',
  'Con',
  'Cha',
  'Mẹ',
  'Người thân thích khác',
  'Người được ủy quyền',
  'Đại diện cơ quan, tổ chức, cá nhân liên quan',
] as const;

const TIME = /^([01]?\d|2[0-3])[:hg]([0-5]\d)$/u;

export const khaiTuForm: FormDefinition = {
  procedureCode: '1.000656',
  slug: 'dang-ky-khai-tu',
  title: 'Đăng ký khai tử',
  template: 'Tờ khai đăng ký khai tử (Thông tư 04/2024/TT-BTP)',
  legalBasis: ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2024/TT-BTP'],
  sections: [
    {
      title: 'Người yêu cầu',
      fields: [
        ...CIVIL_REQUESTER_FIELDS,
        {
          name: 'relationToDeceased',
          label: 'Quan hệ với người đã chết',
          kind: 'select',
          required: true,
          options: DEATH_REQUESTER_RELATIONS,
        },
      ],
    },
    {
      title: 'Người đã chết',
      note: 'Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:',
      fields: [
        { name: 'deceasedName', label: 'Họ, chữ đệm, tên', kind: 'text', required: true },
        {
          name: 'deceasedDateOfBirth',
          label: 'Ngày, tháng, năm sinh',
          kind: 'date',
          required: true,
        },
        {
          name: 'deceasedSex',
          label: 'Giới tính',
          kind: 'select',
          required: true,
          options: SEX_OPTIONS,
        },
        {
          name: 'deceasedEthnicity',
          label: 'Dân tộc',
          kind: 'select',
          required: true,
          options: ETHNIC_GROUPS,
        },
        {
          name: 'deceasedNationality',
          label: 'Quốc tịch',
          kind: 'text',
          required: true,
          placeholder: 'Việt Nam',
        },
        {
          name: 'deceasedCccd',
          label: 'Số định danh cá nhân của người đã chết',
          kind: 'cccd',
          required: false,
        },
        {
          name: 'deceasedLastAddress',
          label: 'Nơi cư trú cuối cùng',
          kind: 'textarea',
          required: true,
        },
        {
          name: 'deathTime',
          label: 'Đã chết vào lúc (giờ, phút)',
          kind: 'text',
          required: false,
          maxLength: 5,
          placeholder: 'Ví dụ: 14:30',
        },
        { name: 'deathDate', label: 'Ngày, tháng, năm chết', kind: 'date', required: true },
        { name: 'deathPlace', label: 'Nơi chết', kind: 'textarea', required: true },
        { name: 'deathCause', label: 'Nguyên nhân chết', kind: 'text', required: true },
      ],
    },
    {
      title: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử',
      fields: [
        {
          name: 'deathNoticeNumber',
          label: 'Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử',
          kind: 'text',
          required: false,
          maxLength: 50,
        },
        {
          name: 'deathNoticeIssuer',
          label: 'Cơ quan cấp',
          kind: 'text',
          required: false,
          placeholder: 'Ví dụ: Bệnh viện Đa khoa tỉnh Thanh Hóa',
        },
        { name: 'deathNoticeDate', label: 'Ngày cấp', kind: 'date', required: false },
        {
          name: 'noDeathNotice',
          label: 'Người chết đã lâu, không có Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử',
          kind: 'checkbox',
          required: false,
        },
      ],
    },
    {
      title: 'Đề nghị cấp bản sao',
      fields: [
        {
          name: 'wantsCopies',
          label: 'Đề nghị cấp bản sao Trích lục khai tử',
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
      code: 'giay_bao_tu',
      label: 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp',
      required: false,
      condition: 'Bắt buộc, trừ khi người chết đã lâu và không có Giấy báo tử.',
      requiredWhen: (d) => d.noDeathNotice !== true,
      source: ['0.0'],
    },
    {
      code: 'chung_cu_su_kien_chet',
      label:
        'Giấy tờ, tài liệu, chứng cứ do cơ quan, tổ chức có thẩm quyền cấp hoặc xác nhận hợp lệ chứng minh sự kiện chết',
      required: false,
      condition:
        'Đối với trường hợp đăng ký khai tử cho người chết đã lâu, không có Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử.',
      requiredWhen: (d) => d.noDeathNotice === true,
      source: ['0.2'],
    },
    {
      code: 'van_ban_uy_quyen',
      label: 'Văn bản ủy quyền (được chứng thực)',
      required: false,
      condition:
        'Bắt buộc khi người yêu cầu là người được ủy quyền. Không phải chứng thực khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
      requiredWhen: (d) => d.relationToDeceased === 'Người được ủy quyền',
      source: ['0.1'],
    },
    {
      code: 'giay_to_noi_chet',
      label: 'Giấy tờ chứng minh nơi người đó chết hoặc nơi phát hiện thi thể của người chết',
      required: false,
      condition: 'Trường hợp không xác định được nơi cư trú cuối cùng của người chết.',
      source: ['1.0'],
    },
  ],
  checks: (d, addIssue, today) => {
    const born = textOf(d.deceasedDateOfBirth);
    const died = textOf(d.deathDate);
    if (born && died && died < born) {
      addIssue('deathDate', 'Ngày chết không thể trước ngày sinh.');
    }
    if (died && died > today)
      addIssue('deathDate', 'Ngày chết không được là ngày trong tương lai.');
    const time = textOf(d.deathTime);
    if (time && !TIME.test(time.trim())) {
      addIssue('deathTime', 'Vui lòng ghi giờ chết dạng giờ:phút, ví dụ 14:30.');
    }
    checkPersonId(addIssue, 'deceasedCccd', {
      id: d.deceasedCccd,
      dateOfBirth: born,
      sex: d.deceasedSex,
    });
    if (d.deceasedCccd && d.deceasedCccd === d.requesterCccd) {
      addIssue('requesterCccd', 'Số định danh của người yêu cầu trùng với của người đã chết.');
    }
    if (d.noDeathNotice !== true) {
      if (!textOf(d.deathNoticeNumber)) {
        addIssue(
          'deathNoticeNumber',
          'Vui lòng nhập số Giấy báo tử, hoặc đánh dấu ô "không có Giấy báo tử" bên dưới.',
        );
      }
      if (!textOf(d.deathNoticeIssuer)) {
        addIssue('deathNoticeIssuer', 'Vui lòng nhập cơ quan cấp Giấy báo tử.');
      }
    }
    const noticeDate = textOf(d.deathNoticeDate);
    if (noticeDate && died && noticeDate < died) {
      addIssue('deathNoticeDate', 'Ngày cấp Giấy báo tử không thể trước ngày chết.');
    }
    if (d.wantsCopies === 'Có' && d.copyCount === undefined) {
      addIssue('copyCount', 'Vui lòng nhập số lượng bản sao cần cấp.');
    }
  },
};
