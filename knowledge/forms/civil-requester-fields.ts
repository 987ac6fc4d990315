/**
 * @module
 * The requester's identity block shared by the civil-status forms of Thông tư 04/2024/TT-BTP
 * (khai tử, bản sao trích lục hộ tịch): the same four lines head each of those official forms.
 */
import type { FieldDefinition } from './form-types.js';
import { IDENTITY_DOCUMENTS } from './options.js';

/** Name, identity paper, personal number and residence of whoever files the request. */
export const CIVIL_REQUESTER_FIELDS: readonly FieldDefinition[] = [
  {
    name: 'requesterName',
    label: 'Họ, chữ đệm, tên người yêu cầu',
    kind: 'text',
    required: true,
    prefill: 'fullName',
  },
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
