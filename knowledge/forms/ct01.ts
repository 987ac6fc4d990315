/**
 * @module
 * The parts of the Tờ khai thay đổi thông tin cư trú (Mẫu CT01, Thông tư 53/2025/TT-BCA) that every
 * residence procedure shares: the declarant (items 1–6), the household head (items 7–9), the table of
 * household members who change with them (item 11), and the checks on those identity numbers. Each
 * residence form (thường trú, tạm trú, xóa đăng ký thường trú) adds its own item 10 "Nội dung đề nghị".
 */
import { checkPersonId, textOf } from './form-checks.js';
import type { AddFieldIssue, SectionDefinition } from './form-types.js';
import { HOUSEHOLD_RELATIONS, SEX_OPTIONS } from './options.js';

/** The template as the catalogue records cite it ("Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA"). */
export const CT01_TEMPLATE =
  'Tờ khai thay đổi thông tin cư trú (Mẫu CT01, Thông tư 53/2025/TT-BCA)';

export const CT01_LEGAL_BASIS = [
  'Luật Cư trú 2020',
  'Nghị định 154/2024/NĐ-CP',
  'Thông tư 53/2025/TT-BCA',
] as const;

/** Items 1–6: the person whose residence information changes. */
export function ct01DeclarantSection(note?: string): SectionDefinition {
  return {
    title: 'Thông tin người kê khai',
    ...(note ? { note } : {}),
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
  };
}

/** Items 7–9: the household head (of the household moved into, or the current one). */
export function ct01HouseholdHeadSection(title: string): SectionDefinition {
  return {
    title,
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
  };
}

/** Item 11: household members who change together with the declarant. */
export const CT01_MEMBERS_SECTION: SectionDefinition = {
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
};

/**
 * Checks the identity numbers of a CT01 answer: the declarant's against their birth date and sex, the
 * head's against the declarant's when they say they are the head, and each member's row.
 */
export function checkCt01People(d: Readonly<Record<string, unknown>>, addIssue: AddFieldIssue) {
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
}
