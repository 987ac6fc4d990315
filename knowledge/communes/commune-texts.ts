/**
 * @module
 * Vietnamese phrases about communes shared by the API, the CLI and the assistant: the commune's name
 * inside a sentence, its one-stop desk, and the error for a code that is not a current commune.
 */
import type { Commune, CommuneDirectory } from './directory.js';

/** "xã Hoằng Giang", "phường Hạc Thành": the name as written inside a sentence. */
export function communeInSentence(commune: Pick<Commune, 'type' | 'name'>): string {
  return `${commune.type === 'xa' ? 'xã' : 'phường'} ${commune.name}`;
}

/** "Bộ phận Một cửa UBND xã Hoằng Giang": the desk that receives the commune's dossiers. */
export function communeDeskName(commune: Pick<Commune, 'type' | 'name'>): string {
  return `Bộ phận Một cửa UBND ${communeInSentence(commune)}`;
}

/**
 * Why `code` is not accepted as a commune, in Vietnamese: not 5 digits, a unit that existed before
 * 1 July 2025 (naming the unit(s) it joined and their codes), or simply unknown.
 */
export function unknownCommuneMessage(code: string, directory: CommuneDirectory): string {
  const trimmed = code.trim();
  if (!/^\d{5}$/.test(trimmed)) {
    return 'Mã xã/phường gồm 5 chữ số (mã đơn vị hành chính từ ngày 01/07/2025).';
  }
  const former = directory.formerByCode(trimmed);
  if (former) {
    const now = former.successors.map((c) => `${c.displayName} (mã ${c.code})`).join(', ');
    return `Mã ${trimmed} là mã của ${former.displayName} (${former.district}) trước ngày 01/07/2025; nay thuộc ${now}. Vui lòng dùng mã mới.`;
  }
  return `Mã ${trimmed} không có trong danh mục ${directory.all().length} xã, phường của tỉnh Thanh Hóa (từ ngày 01/07/2025).`;
}
