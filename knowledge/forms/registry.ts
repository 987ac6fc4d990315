/**
 * @module
 * The forms residents can fill in online, by procedure code.
 */
import { banSaoTrichLucForm } from './ban-sao-trich-luc.js';
import { chungThucBanSaoForm } from './chung-thuc-ban-sao.js';
import type { FormDefinition } from './form-types.js';
import { ketHonForm } from './ket-hon.js';
import { khaiSinhForm } from './khai-sinh.js';
import { khaiTuForm } from './khai-tu.js';
import { tamTruForm } from './tam-tru.js';
import { thuongTruForm } from './thuong-tru.js';
import { xacNhanTinhTrangHonNhanForm } from './xac-nhan-tinh-trang-hon-nhan.js';
import { xoaThuongTruForm } from './xoa-thuong-tru.js';

/** Every form definition, most used first. */
export const FORMS: readonly FormDefinition[] = [
  khaiSinhForm,
  thuongTruForm,
  ketHonForm,
  xacNhanTinhTrangHonNhanForm,
  chungThucBanSaoForm,
  tamTruForm,
  banSaoTrichLucForm,
  xoaThuongTruForm,
  khaiTuForm,
];

const BY_CODE = new Map(FORMS.map((f) => [f.procedureCode, f]));

/** The form of a procedure, or undefined when it cannot be filed online yet. */
export function getForm(procedureCode: string): FormDefinition | undefined {
  return BY_CODE.get(procedureCode.trim());
}
