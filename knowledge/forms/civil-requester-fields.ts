/**
 * @module
 * The requester's identity block shared by the civil-status forms of Thông tư 04/2024/TT-BTP
 * (khai tử, bản sao trích lục hộ tịch): the same four lines head each of those official forms.
 */
import type { FieldDefinition } from './form-types.js';
import { IDENTITY_DOCUMENTS } from './options.js';

/** The name of whoever files the request (first line of the block). */
export const REQUESTER_NAME_FIELD: FieldDefinition = {
  name: 'requesterName',
  label: 'Họ, chữ đệm, tên người yêu cầu',
  kind: 'text',
  required: true,
  prefill: 'fullName',
};

/**
 * Identity paper, personal number and residence of whoever files the request (the block's last
 * lines; the khai sinh form puts the requester's birth date and sex between name and these).
 */
export const REQUESTER_IDENTITY_FIELDS: readonly FieldDefinition[] = [
  {
    name: 'requesterIdType',
    label: 'Giấy tờ tùy thân: loại',
    kind: 'select',
    required: true,
    options: IDENTITY_DOCUMENTS,
  },
  {
    name: 'requesterCccd',
    label: 'Số định danh cá nhân của người yêu cầu',
    kind: 'cccd',
    required: true,
    prefill: 'cccd',
  },
  {
    name: 'requesterAddress',
    label: 'Nơi cư trú',
    kind: 'textarea',
    required: true,
    prefill: 'address',
  },
];

/** Name, identity paper, personal number and residence of whoever files the request. */
export const CIVIL_REQUESTER_FIELDS: readonly FieldDefinition[] = [
  REQUESTER_NAME_FIELD,
  ...REQUESTER_IDENTITY_FIELDS,
];
