/**
 * @module Words residents wrap around the actual subject ("cho em hỏi muốn làm … thì cần gì ạ").
 * They are kept in the query at a low weight rather than dropped, because some of them also occur in
 * procedure names; they never count towards "how much of the question did we understand".
 * All entries are folded (no diacritics), matching the folded query tokens.
 */

/** Pronouns, particles, question words and glue: almost no topical meaning. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    'toi tui tao em anh chi minh ban ad admin shop oi a ah ak nhe nha nhen nhi ha he ' +
    'voi thi la co khong ko k kg hok hong duoc dc giup hoi cam on can muon phai nen ' +
    'lam the nao sao gi j dau bao nhieu may lau cho ve cua va hay hoac neu khi de ' +
    'roi chua vay ne nay kia day nua cung rat qua biet xin vui long ' +
    'o tai trong den len xuong di ra vao mot nhung cac moi ai ma nhu sau ' +
    'hom bay gio luc truoc ngay thang nam rang rua'
  ).split(' '),
);

/**
 * Words that say WHAT the resident wants to know about a procedure (documents, fee, time, place)
 * rather than WHICH procedure: answered later from the record, so they barely help find it.
 */
export const INTENT_WORDS: ReadonlySet<string> = new Set(
  (
    'thu tuc ho so giay to le phi phi tien mat het thoi gian nop mau don to khai ' +
    'huong dan cach quy trinh buoc dieu kien yeu cau gom nhung ' +
    // Where to file: every procedure is filed somewhere, so the place says little about which one.
    'xa phuong ubnd online mang truc tuyen'
  ).split(' '),
);

/** Query weight of a folded token: filler 0.1, intent 0.35, anything else 1. */
export function tokenWeight(folded: string): number {
  if (FILLER_WORDS.has(folded)) return 0.1;
  if (INTENT_WORDS.has(folded)) return 0.35;
  return 1;
}
