/**
 * @module
 * Vietnamese personal-number conventions used by forms and the dossier API: the 12-digit personal
 * identification number printed on the CCCD / căn cước card, and 10-digit mobile numbers.
 * Pure functions, no Node-only imports: the Zalo Mini App bundles this file too.
 */

/**
 * Old (pre-2025, 63-province) GSO province codes, which are the first 3 digits of a CCCD as "0" + code.
 * Personal numbers are never reissued after the 2025 merger, so these codes stay valid forever.
 */
export const CCCD_PROVINCE_CODES: ReadonlyMap<string, string> = new Map([
  ['001', 'Hà Nội'],
  ['002', 'Hà Giang'],
  ['004', 'Cao Bằng'],
  ['006', 'Bắc Kạn'],
  ['008', 'Tuyên Quang'],
  ['010', 'Lào Cai'],
  ['011', 'Điện Biên'],
  ['012', 'Lai Châu'],
  ['014', 'Sơn La'],
  ['015', 'Yên Bái'],
  ['017', 'Hòa Bình'],
  ['019', 'Thái Nguyên'],
  ['020', 'Lạng Sơn'],
  ['022', 'Quảng Ninh'],
  ['024', 'Bắc Giang'],
  ['025', 'Phú Thọ'],
  ['026', 'Vĩnh Phúc'],
  ['027', 'Bắc Ninh'],
  ['030', 'Hải Dương'],
  ['031', 'Hải Phòng'],
  ['033', 'Hưng Yên'],
  ['034', 'Thái Bình'],
  ['035', 'Hà Nam'],
  ['036', 'Nam Định'],
  ['037', 'Ninh Bình'],
  ['038', 'Thanh Hóa'],
  ['040', 'Nghệ An'],
  ['042', 'Hà Tĩnh'],
  ['044', 'Quảng Bình'],
  ['045', 'Quảng Trị'],
  ['046', 'Thừa Thiên Huế'],
  ['048', 'Đà Nẵng'],
  ['049', 'Quảng Nam'],
  ['051', 'Quảng Ngãi'],
  ['052', 'Bình Định'],
  ['054', 'Phú Yên'],
  ['056', 'Khánh Hòa'],
  ['058', 'Ninh Thuận'],
  ['060', 'Bình Thuận'],
  ['062', 'Kon Tum'],
  ['064', 'Gia Lai'],
  ['066', 'Đắk Lắk'],
  ['067', 'Đắk Nông'],
  ['068', 'Lâm Đồng'],
  ['070', 'Bình Phước'],
  ['072', 'Tây Ninh'],
  ['074', 'Bình Dương'],
  ['075', 'Đồng Nai'],
  ['077', 'Bà Rịa - Vũng Tàu'],
  ['079', 'Thành phố Hồ Chí Minh'],
  ['080', 'Long An'],
  ['082', 'Tiền Giang'],
  ['083', 'Bến Tre'],
  ['084', 'Trà Vinh'],
  ['086', 'Vĩnh Long'],
  ['087', 'Đồng Tháp'],
  ['089', 'An Giang'],
  ['091', 'Kiên Giang'],
  ['092', 'Cần Thơ'],
  ['093', 'Hậu Giang'],
  ['094', 'Sóc Trăng'],
  ['095', 'Bạc Liêu'],
  ['096', 'Cà Mau'],
]);

/** Sex as written on Vietnamese forms. */
export type Sex = 'Nam' | 'Nữ';

/** What a CCCD number encodes (digits 1–6); digits 7–12 are random and carry no checksum. */
export interface CccdInfo {
  provinceCode: string;
  provinceName: string;
  /** First year of the century encoded by digit 4 (1900, 2000, …). */
  century: number;
  sex: Sex;
  /** Full birth year: century + digits 5–6. */
  birthYear: number;
}

/**
 * Decodes a 12-digit personal identification number, or returns a Vietnamese explanation of why it
 * is not one. Does not cross-check a date of birth; see {@link checkCccdAgainst}.
 */
export function decodeCccd(
  value: string,
): { ok: true; info: CccdInfo } | { ok: false; message: string } {
  if (!/^\d{12}$/.test(value)) {
    return { ok: false, message: 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.' };
  }
  const provinceCode = value.slice(0, 3);
  const provinceName = CCCD_PROVINCE_CODES.get(provinceCode);
  if (!provinceName) {
    return {
      ok: false,
      message: `Số định danh cá nhân không hợp lệ: 3 số đầu (${provinceCode}) không phải mã tỉnh nơi đăng ký khai sinh.`,
    };
  }
  const code = Number(value[3]);
  // Digit 4 is century and sex together: 0/1 for the 1900s (male/female), 2/3 for the 2000s, and so on.
  const century = 1900 + Math.floor(code / 2) * 100;
  const sex: Sex = code % 2 === 0 ? 'Nam' : 'Nữ';
  return {
    ok: true,
    info: {
      provinceCode,
      provinceName,
      century,
      sex,
      birthYear: century + Number(value.slice(4, 6)),
    },
  };
}

/**
 * Checks a CCCD number against the date of birth (and sex, when known) on the same form. Returns
 * null when consistent, else a Vietnamese message. `dateOfBirth` is ISO `YYYY-MM-DD` or just a year.
 */
export function checkCccdAgainst(
  value: string,
  person: { dateOfBirth?: string | undefined; sex?: Sex | undefined },
): string | null {
  const decoded = decodeCccd(value);
  if (!decoded.ok) return decoded.message;
  const year = person.dateOfBirth ? Number(person.dateOfBirth.slice(0, 4)) : NaN;
  if (Number.isInteger(year)) {
    const { century, birthYear } = decoded.info;
    if (Math.floor((year - 1900) / 100) * 100 + 1900 !== century) {
      return `Số định danh cá nhân không khớp với năm sinh ${year}: chữ số thứ 4 cho biết người sinh vào thế kỷ bắt đầu từ năm ${century}.`;
    }
    if (birthYear !== year) {
      return `Số định danh cá nhân không khớp với năm sinh: chữ số thứ 5–6 là "${value.slice(4, 6)}" nhưng năm sinh là ${year}.`;
    }
  }
  if (person.sex && person.sex !== decoded.info.sex) {
    return `Số định danh cá nhân không khớp với giới tính: chữ số thứ 4 ứng với giới tính ${decoded.info.sex.toLocaleLowerCase('vi')}.`;
  }
  return null;
}

/**
 * Three-digit prefixes of Vietnamese mobile numbers (10 digits since 15/09/2018): Viettel, VinaPhone,
 * MobiFone, Vietnamobile, Gmobile, and the smaller iTel (087) and Reddi (055) networks.
 */
export const MOBILE_PREFIXES: ReadonlySet<string> = new Set([
  // Viettel
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '086',
  '096',
  '097',
  '098',
  // VinaPhone
  '081',
  '082',
  '083',
  '084',
  '085',
  '088',
  '091',
  '094',
  // MobiFone
  '070',
  '076',
  '077',
  '078',
  '079',
  '089',
  '090',
  '093',
  // Vietnamobile
  '052',
  '056',
  '058',
  '092',
  // Gmobile
  '059',
  '099',
  // iTel, Reddi (MVNOs)
  '087',
  '055',
]);

/**
 * Normalises a Vietnamese mobile number to the 10-digit `0xxxxxxxxx` form. Accepts `+84`/`84`
 * prefixes and spaces, dots or dashes between groups. Returns null when it is not a valid mobile number.
 * @example normaliseMobile('+84 912.345.678') // '0912345678'
 */
export function normaliseMobile(value: string): string | null {
  const compact = value.trim().replace(/[\s.()-]/g, '');
  let local: string;
  if (/^\+?84\d{9}$/.test(compact)) local = '0' + compact.replace(/^\+?84/, '');
  else if (/^0\d{9}$/.test(compact)) local = compact;
  else return null;
  return MOBILE_PREFIXES.has(local.slice(0, 3)) ? local : null;
}

/** Vietnamese message shown for a phone number {@link normaliseMobile} rejects. */
export const INVALID_MOBILE_MESSAGE =
  'Số điện thoại di động không hợp lệ: cần 10 chữ số bắt đầu bằng đầu số của nhà mạng Việt Nam (ví dụ 0912345678 hoặc +84912345678).';

/** Today's date in Vietnam (UTC+7, no daylight saving) as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** True when `iso` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
