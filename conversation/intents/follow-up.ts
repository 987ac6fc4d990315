import { foldForMatching } from '../../knowledge/index.js';
import type { Intent } from './intent.js';

// Words that carry no topic: when a follow-up has only these plus attribute words, it refers to the
// current procedure ("còn lệ phí thì sao?", "thế làm online được không?").
const FILLER = new Set(
  (
    'con thi sao the lam duoc khong a vay nhi nhe nua the nao bao nhieu mat may ngay o dau nop can gi giay to ' +
    'le phi phi tien thoi gian bao lau online truc tuyen qua mang mau don to khai ho so cho hoi hoi em anh chi minh ' +
    'toi ban oi ad the con co va voi la gi nhung cac ra sao nao lau tren thu tuc nay do kia luon ay day cua ' +
    'gom mang theo chuan bi dang ky dich vu cong khi nao bao gio xong lay nhan ket qua dau o can cu phap ly ' +
    'trinh tu cac buoc huong dan nhanh mien duoc phai tra dong het ton mat'
  ).split(' '),
);

/** True when every word of the (folded) question is filler or an attribute word. */
export function onlyFiller(foldedQuestion: string): boolean {
  const words = foldedQuestion.split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => FILLER.has(w));
}

/** A question about another part of the current procedure ("còn lệ phí thì sao?"). */
export const followUp: Intent = {
  name: 'follow-up',
  handle(turn, ctx) {
    const { session } = turn;
    if (!session.currentCode) return null;
    // The greeting-stripped question differs from the text only when a greeting led the message.
    const folded = turn.question === turn.text ? turn.folded : foldForMatching(turn.question);
    if (!onlyFiller(folded)) return null;
    const current = ctx.deps.catalogue.get(session.currentCode);
    return current ? ctx.explain(session, current, turn.question) : null;
  },
};
