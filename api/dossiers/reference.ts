/**
 * @module
 * Dossier references a person can read aloud over the phone: 8 characters, `LLDLLDLL` (L a letter
 * without I/O/Q/Z, D a digit 2–9), e.g. `KX7PM3TA`. 22⁶ × 8² ≈ 7.3 × 10⁹ values; uniqueness is
 * enforced by the database and a collision simply draws again.
 */
import { randomInt } from 'node:crypto';
import { REFERENCE_DIGITS, REFERENCE_LETTERS } from '../../common/dossier-schema.js';

/** A fresh random reference. */
export function newReference(): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    const alphabet = i === 2 || i === 5 ? REFERENCE_DIGITS : REFERENCE_LETTERS;
    out += alphabet[randomInt(alphabet.length)];
  }
  return out;
}
