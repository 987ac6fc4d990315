/**
 * @module Words residents wrap around the actual subject ("cho em hỏi muốn làm … thì cần gì ạ").
 * They are kept in the query at a low weight rather than dropped, because some of them also occur in
 * procedure names; they never count towards "how much of the question did we understand".
 *
 * Two lists each: accented forms (exact, used when the word was typed with marks, so "thẻ" is not
 * mistaken for "thế") and folded forms (for words typed without marks, where "the" may be either;
 * such words keep their meaning through bigrams like "the can" → "thẻ căn").
 */
import { foldMarks, hasMarks } from './normalize.js';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Pronouns, particles, question words and glue, as typed with marks. */
const FILLER_ACCENTED = words(`
  tôi tui tao em anh chị mình bạn ơi ạ à ạh nhé nha nhen nhỉ hả hé với thì là có không ko được
  giúp hỏi cảm ơn cám cần muốn phải nên làm thế nào sao gì mấy bao nhiêu lâu cho về của và hay
  hoặc nếu khi để rồi chưa vậy nè này kia đây đó nữa cũng rất quá biết xin vui lòng ở tại trong
  đến lên xuống đi ra vào một những các mọi ai mà như sau hôm bây giờ lúc trước ngày tháng năm
  răng rứa chi mô đâu đc dc hok hông k j ad admin shop ak ah oke ok
`);

/** The same glue typed without marks; only forms whose other readings carry little topic. */
const FILLER_FOLDED = words(`
  toi tui tao em anh chi minh ban oi a ah ak nhe nha nhen nhi ha he voi thi la co khong ko k kg
  hok hong duoc dc giup hoi cam on can muon phai nen lam the nao sao gi j dau bao nhieu may lau
  cho ve cua va hay hoac neu khi de roi chua vay ne nay kia day nua cung rat qua biet xin vui
  long o tai trong den len xuong di ra vao mot nhung cac moi ai ma nhu sau hom bay gio luc truoc
  ngay thang nam rang rua ad admin shop ok oke
`);

/**
 * Words that say WHAT the resident wants to know about a procedure (documents, fee, time, place)
 * rather than WHICH procedure. Multi-syllable ones ("hồ sơ", "lệ phí") are question phrases in the
 * lexicon instead, where marks can be checked.
 */
const INTENT_ACCENTED = words(
  `giấy tờ tiền phí mất hết nộp cách bước gồm xã phường online mạng trực tuyến`,
);
const INTENT_FOLDED = words(`giay tien phi mat het nop cach buoc gom xa phuong ubnd online`);

/**
 * Query weight of a syllable: filler 0.1, intent 0.35, anything else 1. Pass the typed form when
 * known (marks make the decision exact); a folded form alone is judged by the folded lists.
 */
export function tokenWeight(typed: string): number {
  if (hasMarks(typed)) {
    if (FILLER_ACCENTED.has(typed)) return 0.1;
    if (INTENT_ACCENTED.has(typed)) return 0.35;
    return 1;
  }
  const folded = foldMarks(typed);
  if (FILLER_FOLDED.has(folded)) return 0.1;
  if (INTENT_FOLDED.has(folded)) return 0.35;
  return 1;
}
