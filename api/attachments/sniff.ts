/**
 * @module
 * Recognises accepted file types by their first bytes (magic numbers), never by name or declared type:
 * an .exe renamed .pdf starts with "MZ" and is refused.
 */

/** Content types we accept for dossier attachments. */
export type AcceptedContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: ReadonlyArray<[AcceptedContentType, readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** Bytes needed to recognise every accepted type. */
export const SNIFF_BYTES = 8;

/** The content type `head` starts with, or null when it is not a PDF, PNG or JPEG. */
export function sniffContentType(head: Uint8Array): AcceptedContentType | null {
  for (const [type, signature] of SIGNATURES) {
    if (head.length >= signature.length && signature.every((b, i) => head[i] === b)) return type;
  }
  return null;
}
