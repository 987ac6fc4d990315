/*
 * Comparison key for procedure names, used to find the same procedure at another level. Only for matching:
 * answers always quote the official name.
 */

/** Lower case, no diacritics (đ → d), punctuation as spaces, single spaces. */
export function foldText(value: string): string {
  return value
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Key under which two level variants of a procedure match: folded, without the leading "Thủ tục" that some
 * ministries put in front of the name ("Thủ tục đăng ký khai sinh" ≡ "Đăng ký khai sinh").
 */
export function procedureNameKey(name: string): string {
  return foldText(name).replace(/^thu tuc\s+/, '');
}
