/** Dossier references as a resident reads them out over the phone. */

const DIGITS: Record<string, string> = {
  '2': 'hai',
  '3': 'ba',
  '4': 'bốn',
  '5': 'năm',
  '6': 'sáu',
  '7': 'bảy',
  '8': 'tám',
  '9': 'chín',
};

/** "AB3CD4EF" → "AB3 CD4 EF". */
export function groupReference(reference: string): string {
  return reference.replace(/(.{3})(?=.)/g, '$1 ');
}

/** "AB3CD4EF" → "A - B - ba, C - D - bốn, E - F" (letters as letters, digits as Vietnamese words). */
export function readAloud(reference: string): string {
  return groupReference(reference)
    .split(' ')
    .map((group) =>
      group
        .split('')
        .map((c) => DIGITS[c] ?? c)
        .join(' - '),
    )
    .join(', ');
}
