/**
 * @module
 * Vietnamese phrases about communes shared by the API, the CLI and the assistant: the commune's name
 * inside a sentence, its one-stop desk, and the error for a code that is not a current commune.
 */
import type { Commune, CommuneDirectory, FormerCommune } from './directory.js';

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

const MERGER_DATE = '01/07/2025';

function formerLine(f: FormerCommune): string {
  const was = `${f.displayName} (${f.district})`;
  const [only] = f.successors;
  if (only && f.successors.length === 1) {
    const unchanged = only.formerCommunes.length === 1 && only.name === f.name;
    return unchanged
      ? `${was} không sáp nhập, nay vẫn là ${only.displayName} (mã ${only.code}).`
      : `${was} nay thuộc ${only.displayName} (mã ${only.code}).`;
  }
  const into = f.successors.map((c) => `${c.displayName} (mã ${c.code})`).join(', ');
  return `${was} được chia về ${f.successors.length} đơn vị mới: ${into}. Nơi bạn ở thuộc đơn vị nào tùy theo thôn/khu phố.`;
}

/**
 * The answer to "xã X cũ giờ thuộc xã nào?" from {@link CommuneDirectory.resolveFormer}'s result:
 * one sentence per old unit (with its old district when there are several), naming the new unit(s)
 * and their codes; null when nothing was found.
 */
export function describeFormerCommunes(found: readonly FormerCommune[]): string | null {
  if (found.length === 0) return null;
  const lines = found.map(formerLine);
  const head = `Từ ngày ${MERGER_DATE}, theo sắp xếp đơn vị hành chính cấp xã của tỉnh Thanh Hóa:`;
  return found.length === 1
    ? `${head} ${lines[0]}`
    : `${head}\n${lines.map((l) => `• ${l}`).join('\n')}`;
}
