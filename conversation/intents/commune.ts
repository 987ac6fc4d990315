import { communeInSentence, describeFormerCommunes, type Commune } from '../../knowledge/index.js';
import { plain } from '../context.js';
import { texts } from '../texts.js';
import type { Intent } from './intent.js';

// "xã Hoằng Quỳ cũ giờ thuộc xã nào?", "phường Ba Đình trước sáp nhập nay là phường gì" (folded).
// "cũ" within a few words of the unit: folded, "cư trú", "chung cư" and "cụ" read "cu" too.
const ASKS_FORMER =
  /\b(xa|phuong|thi tran)\s+(?:\S+\s+){1,5}?(cu|truoc day|truoc kia|truoc sap nhap)\b(?!\s+(?:tru|dan)\b)|\b(sap nhap vao|gio thuoc|nay thuoc|bay gio thuoc|thuoc xa nao|thuoc phuong nao|gio la xa|nay la xa|gio la phuong|nay la phuong)\b/;
// "tôi ở xã Hoằng Giang", "nhà em ở phường Hạc Thành", "mình sống tại xã …" (folded).
const SAYS_HOME =
  /\b(toi|em|minh|nha|gia dinh|chung toi|con)\b[^?]*\b(o|tai|song o|song tai|thuong tru o|cu tru o|que)\s+(xa|phuong|thi tran)\b/;
/** A message that only says where the resident lives ("tôi ở xã Hoằng Giang") is this short. */
const JUST_HOME_WORDS = 9;
/**
 * A message this long is a letter about a procedure: the old commune it names is where the writer
 * lives ("quê ở xã Xuân Phú, huyện Thọ Xuân"), not a question about the merger.
 */
const LETTER_WORDS = 40;

/**
 * Communes: "xã X cũ giờ thuộc xã nào?" is answered from the commune directory (every new unit when the
 * old one was split); a commune the resident names as home is remembered for "where to file". A
 * question that also asks about a procedure goes on to the other intents with the commune remembered,
 * and a letter is never answered with the merger instead of its procedure.
 */
export const commune: Intent = {
  name: 'commune',
  async handle(turn, ctx) {
    const directory = ctx.deps.communes;
    if (!directory) return null;
    const { session } = turn;
    const asksFormer = ASKS_FORMER.test(turn.folded);
    const saysHome = SAYS_HOME.test(turn.folded);
    if (!asksFormer && !saysHome) return null;

    if (asksFormer && turn.words.length <= LETTER_WORDS) {
      const former = directory.resolveFormer(turn.text);
      const answer = describeFormerCommunes(former);
      if (answer) {
        const only = former.length === 1 ? former[0]!.successors : [];
        if (saysHome && only.length === 1) session.communeCode = only[0]!.code;
        return plain(answer);
      }
    }
    if (!saysHome) return null;
    const found: Commune[] = directory.find(turn.text);
    if (found.length > 1 && turn.words.length <= JUST_HOME_WORDS) {
      return plain(
        texts.communeWhich(found.slice(0, 5).map((c) => `${c.displayName} (mã ${c.code})`)),
      );
    }
    if (found.length !== 1) return null;
    const home = found[0]!;
    session.communeCode = home.code;
    if (turn.words.length > JUST_HOME_WORDS) return null;
    const current = session.currentCode ? ctx.deps.catalogue.get(session.currentCode) : undefined;
    if (current) {
      const reply = await ctx.explain(session, current, 'nộp ở đâu');
      reply.text = `${texts.communeRemembered(communeInSentence(home))}\n\n${reply.text}`;
      return reply;
    }
    return plain(
      `${texts.communeRemembered(communeInSentence(home))}${home.officeAddress ? ` Trụ sở: ${home.officeAddress}.` : ''} ${texts.communeAsk}`,
    );
  },
};
