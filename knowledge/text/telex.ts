/**
 * @module Repairs leftovers of the Telex and VNI input methods, which residents produce when the
 * phone keyboard did not convert ("ddawng kys" for "đăng ký", "d9ang8 ky1"). The result is a FOLDED
 * syllable (no marks), because matching is done on folded forms anyway.
 */

// A Vietnamese syllable never ends in these letters, so a trailing one can only be a Telex tone key.
const TELEX_TONE_TAIL = /[sfrxjz]$/;
const VNI_DIGITS = /[0-9]/g;

/**
 * Folded syllable a Telex/VNI leftover most likely stands for, or undefined when the token does not
 * look like one. Callers accept the result only if it is a known syllable.
 * @example telexToFolded('ddawng') // 'dang'; telexToFolded('nguwowif') // 'nguoi'
 */
export function telexToFolded(token: string): string | undefined {
  if (/^[a-z]+[0-9]+[a-z0-9]*$/.test(token) && /[a-z]/.test(token)) {
    const vni = token.replace(VNI_DIGITS, '');
    return vni.length > 0 && vni !== token ? vni : undefined;
  }
  if (!/^[a-z]+$/.test(token)) return undefined;
  let s = token.replace(/dd/g, 'd');
  s = s.replace(/([aeo])\1/g, '$1');
  s = s.replace(/([aou])w/g, '$1').replace(/w/g, 'u');
  if (TELEX_TONE_TAIL.test(s) && s.length > 1) s = s.slice(0, -1);
  return s !== token ? s : undefined;
}
