import { foldForMatching } from './attributes.js';

/*
 * Messages that are not procedure questions: greetings, thanks, and people offering secrets. Checked on
 * folded text so unaccented typing works.
 */

export type SmallTalk = 'greeting' | 'thanks' | 'sensitive' | 'bye' | 'desk';

const GREETING_WORDS = new Set(
  'xin chao ban em anh chi a ad admin oi hi hello helo alo alo alo hey chao bot tro ly minh toi co bac chu co ah nhe nha buoi sang trua chieu toi ok ạ'.split(
    ' ',
  ),
);
const GREETING = /\b(xin chao|chao|hi|hello|helo|alo|hey)\b/;
const THANKS = /\b(cam on|cam ong|thank|thanks|tks|thank you|camon|cám ơn)\b/;
const BYE = /\b(tam biet|bye|bai bai)\b/;
// People sometimes paste one-time codes or bank details into chats; never ask for them, warn instead.
const SENSITIVE =
  /\b(otp|ma xac thuc|ma xac nhan|mat khau|password|pass|ma pin|so tai khoan|stk|so the ngan hang|cvv)\b/;

// Questions about the one-stop desk itself (opening hours, phone, address), answered from configuration.
const DESK =
  /\b(gio lam viec|may gio (mo cua|lam viec|nghi)|mo cua (luc|may gio)|lam viec (luc|may gio|thu may)|so dien thoai (xa|ubnd|uy ban|bo phan mot cua|mot cua)|sdt (xa|ubnd|mot cua)|dia chi (ubnd|uy ban|xa|bo phan mot cua|mot cua)|thu bay co lam)\b/;

/** Classifies a message as small talk, or returns null for a real question. */
export function detectSmallTalk(text: string): SmallTalk | null {
  return classifySmallTalk(foldForMatching(text));
}

/** {@link detectSmallTalk} on text already folded with `foldForMatching` (the conversation folds once). */
export function classifySmallTalk(folded: string): SmallTalk | null {
  if (SENSITIVE.test(folded)) return 'sensitive';
  const words = folded.split(' ').filter(Boolean);
  if (DESK.test(folded) && words.length <= 14) return 'desk';
  if (THANKS.test(folded) && words.length <= 8) return 'thanks';
  if (BYE.test(folded) && words.length <= 6) return 'bye';
  if (GREETING.test(folded) && words.every((w) => GREETING_WORDS.has(w))) return 'greeting';
  return null;
}

/** Removes a leading greeting ("chào bạn, cho hỏi …") so the rest can be searched. */
export function stripGreeting(text: string): string {
  return (
    text.replace(/^\s*(xin\s+)?(ch[àa]o|hi|hello|alo)\b[^,.!?\n]*?[,.!?\n]+\s*/iu, '').trim() ||
    text
  );
}
