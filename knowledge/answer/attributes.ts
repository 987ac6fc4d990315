import { foldedTokens } from '../text/normalize.js';

/*
 * What part of a procedure a resident is asking about ("lệ phí bao nhiêu", "mất mấy ngày", …).
 * Matching runs on accent-folded text so "le phi bao nhieu" works as well as "lệ phí bao nhiêu".
 */

/** A part of a procedure that can be answered narrowly. */
export type Attribute =
  | 'fee'
  | 'time'
  | 'documents'
  | 'where'
  | 'online'
  | 'form'
  | 'legal'
  | 'result'
  | 'steps'
  | 'who'
  | 'conditions';

/** Lower-case, NFC, marks stripped, đ → d, words joined by single spaces (the retrieval folding). */
export function foldForMatching(text: string): string {
  return foldedTokens(text).join(' ');
}

// Patterns over folded text; each is a whole-word phrase list. Order = priority when several match.
const PATTERNS: Array<[Attribute, RegExp]> = [
  [
    'fee',
    /\b(le phi|phi|bao nhieu tien|mat tien|ton tien|het bao nhieu|gia bao nhieu|tien le phi|mien phi|co mat phi|tra tien|dong tien)\b/,
  ],
  [
    'time',
    /\b(mat may ngay|bao lau|may ngay|bao nhieu ngay|thoi gian|thoi han|khi nao (co|lay|nhan)|bao gio (co|lay|nhan|xong)|lau khong|nhanh khong|may hom|bao nhieu lau|lay ngay|lay luon|trong ngay|co ngay|xong ngay|ngay duoc khong)\b/,
  ],
  [
    'form',
    /\b(mau don|mau to khai|to khai|mau so|mau nao|bieu mau|don mau|mau ct ?01|file mau|mau giay|mau de nghi|giay de nghi|mau ban khai|tai mau)\b/,
  ],
  [
    'documents',
    /\b(giay to gi|giay to nao|nhung giay to|can (co )?giay to|giay to can|giay to phai|ho so gom|ho so can|thanh phan ho so|can gi|can nhung gi|mang theo|mang gi|chuan bi gi|chuan bi nhung|can nhung|can mang|phai nop nhung|gom nhung gi|can co gi|nop nhung gi)\b/,
  ],
  [
    'online',
    /\b(online|truc tuyen|qua mang|tren mang|dich vu cong|vneid|qua app|qua dien thoai|tai nha|khong can den|nop mang)\b/,
  ],
  [
    'where',
    /\b(o dau|cho nao|noi nao|nop o|lam o|den dau|co quan nao|ai giai quyet|xa hay huyen|o xa|o tinh|dia chi)\b/,
  ],
  ['legal', /\b(can cu|phap ly|luat nao|nghi dinh|thong tu|quy dinh nao|van ban)\b/],
  ['result', /\b(ket qua|duoc nhan gi|nhan duoc gi|cap giay gi)\b/],
  [
    'steps',
    /\b(trinh tu|cac buoc|quy trinh|lam the nao|lam sao|lam nhu the nao|the nao|huong dan|thu tuc ra sao)\b/,
  ],
  ['who', /\b(ai duoc|doi tuong|ai phai|ai co the|nguoi nao)\b/],
  ['conditions', /\b(dieu kien|yeu cau gi|co duoc khong)\b/],
];

/**
 * Attributes asked about, most specific first. Empty when the question names no particular part
 * (then the answer gives the overview).
 */
export function detectAttributes(question: string): Attribute[] {
  const folded = ` ${foldForMatching(question)} `;
  const found: Attribute[] = [];
  for (const [attribute, pattern] of PATTERNS) {
    if (pattern.test(folded)) found.push(attribute);
  }
  // "phí" alone inside "miễn phí online" is about the fee AND online; keep both, fee first.
  // A bare "thủ tục thế nào" is a general question: steps only make sense when nothing else was asked.
  if (found.length > 1) return found.filter((a) => a !== 'steps');
  return found;
}
