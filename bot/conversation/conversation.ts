import type { ChatChoice, ChatReply } from '../../common/chat.js';
import type { PublicStatusLookup } from '../../common/dossier-contracts.js';
import { REFERENCE_PATTERN } from '../../common/dossier-schema.js';
import { formatDossierStatus } from '../../common/dossier-status-text.js';
import {
  detectAttributes,
  detectSmallTalk,
  foldForMatching,
  stripGreeting,
  type Answerer,
  type Catalogue,
  type DeskContact,
  type GapLog,
  type Procedure,
} from '../../knowledge/index.js';
import { SessionStore, type Session } from './session-store.js';
import { texts } from './texts.js';
import type { Conversation, IncomingMessage } from './types.js';

export interface ConversationDeps {
  answerer: Answerer;
  catalogue: Catalogue;
  desk: DeskContact;
  gapLog?: GapLog;
  /** Public dossier status lookup (reference + last 4 phone digits), when the dossier API runs. */
  statusLookup?: PublicStatusLookup;
  sessionTtlMinutes: number;
  now?: () => number;
}

/** Longest question we read; longer input is cut (and the resident told). */
export const MAX_QUESTION_CHARS = 500;

const MORE = /^(xem them|them|chi tiet|xem chi tiet|more|day du|xem day du|cu the hon)$/;
const REJECT =
  /^(khong phai|khong dung|sai roi|khong phai cai nay|khong phai thu tuc nay|sai|nham roi|khong)( a| nhe| dau)?$/;
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

/** Status lookups one session may make: the second factor is only 4 digits. */
const MAX_LOOKUPS_PER_SESSION = 5;

/**
 * "tra cứu hồ sơ KX7PM3TA 1234" (or just "KX7PM3TA 1234"): a reference read out by the desk plus the
 * last four digits of the phone number the dossier was filed with.
 */
export function parseStatusRequest(text: string): { reference: string; phone4: string } | null {
  const tokens = text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .split(' ');
  const reference = tokens.find((t) => REFERENCE_PATTERN.test(t));
  const phone4 = tokens.find((t) => /^\d{4}$/.test(t));
  if (!reference || !phone4) return null;
  const others = tokens.filter((t) => t !== reference && t !== phone4);
  const folded = foldForMatching(text);
  // Plain "REF 1234", or a message that says it is about a dossier.
  if (others.length === 0 || /\b(ho so|tra cuu|trang thai|hoso|ma)\b/.test(folded))
    return { reference, phone4 };
  return null;
}

function isFollowUp(question: string): boolean {
  const words = foldForMatching(question).split(' ').filter(Boolean);
  return words.length > 0 && words.filter((w) => !FILLER.has(w)).length === 0;
}

function sanitize(raw: string): { text: string; truncated: boolean; unreadable: boolean } {
  // Drop control characters and replacement chars from binary junk; keep letters, digits, punctuation.
  const cleaned = raw
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const truncated = cleaned.length > MAX_QUESTION_CHARS;
  const text = truncated ? cleaned.slice(0, MAX_QUESTION_CHARS) : cleaned;
  const unreadable = cleaned.length > 0 && !/[\p{L}\p{N}]/u.test(cleaned);
  return { text, truncated, unreadable };
}

const CHOICE_NAME_CHARS = 100;

function shorten(text: string): string {
  if (text.length <= CHOICE_NAME_CHARS) return text;
  const cut = text.slice(0, CHOICE_NAME_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[,;:\s]+$/, '')}…`;
}

/**
 * Button labels for clarifying choices. Official names often share a long beginning and differ only
 * at the end ("… lần đầu đối với hộ gia đình" / "… đối với tổ chức"), so a shared prefix is elided to
 * keep the part that tells them apart visible on a phone.
 */
function choicesOf(options: readonly Procedure[]): ChatChoice[] {
  const names = options.map((p) => p.name.replace(/^Thủ tục\s+/i, ''));
  const words = names.map((n) => n.split(' '));
  const common = (a: string[], b: string[]) => {
    let k = 0;
    while (k < a.length && k < b.length && a[k]!.toLowerCase() === b[k]!.toLowerCase()) k++;
    return k;
  };
  // For each option, the longest beginning it shares with another option.
  const sharedOf = words.map((w, i) =>
    Math.max(0, ...words.map((o, j) => (i === j ? 0 : common(w, o)))),
  );
  return options.map((p, i) => {
    const all = words[i]!;
    const shared = sharedOf[i]!;
    const name =
      shared >= 6 && all.length > shared
        ? `${all.slice(0, 3).join(' ')} … ${all.slice(shared).join(' ')}`
        : names[i]!;
    const level = p.levels.includes('xa')
      ? ' (cấp xã)'
      : p.levels.includes('tinh')
        ? ' (cấp tỉnh)'
        : '';
    const label = shorten(name);
    return { code: p.code, label: `${label.charAt(0).toUpperCase()}${label.slice(1)}${level}` };
  });
}

function plain(text: string, extra: Partial<ChatReply> = {}): ChatReply {
  return {
    answered: false,
    text,
    procedure: null,
    choices: [],
    sources: [],
    hasMore: false,
    ...extra,
  };
}

/**
 * The platform-free conversation core: small talk, retrieval with clarification and abstention,
 * grounded answers, follow-ups on the current procedure, and "xem thêm".
 */
export function createConversation(deps: ConversationDeps): Conversation {
  const sessions = new SessionStore(deps.sessionTtlMinutes * 60_000, 50_000, deps.now);

  const explain = async (
    session: Session,
    procedure: Procedure,
    question: string,
    mode: 'short' | 'full' = 'short',
  ): Promise<ChatReply> => {
    session.currentCode = procedure.code;
    session.lastChoices = [];
    const reply = await deps.answerer.explain(procedure, { question, mode });
    if (session.closeCall && session.alternatives.length > 0 && mode === 'short') {
      reply.text += `\n\n${texts.alternativesHint}`;
    }
    return reply;
  };

  const offer = (session: Session, options: Procedure[], text: string): ChatReply => {
    session.lastChoices = options.map((p) => p.code);
    return plain(text, { choices: choicesOf(options) });
  };

  const search = async (session: Session, message: IncomingMessage, question: string) => {
    const outcome = await deps.answerer.find(question);
    if (outcome.kind === 'found') {
      session.alternatives = outcome.alternatives.map((p) => p.code);
      session.closeCall = outcome.closeCall;
      session.pendingQuestion = null;
      return explain(session, outcome.procedure, question);
    }
    if (outcome.kind === 'ambiguous') {
      session.alternatives = [];
      session.pendingQuestion = question;
      return offer(session, outcome.options, texts.clarify);
    }
    deps.gapLog?.record({ channel: message.channel, question, reason: 'not_confident' });
    session.currentCode = null;
    session.alternatives = [];
    session.pendingQuestion = question;
    if (outcome.suggestions.length > 0 && detectAttributes(question).length > 0) {
      return offer(session, outcome.suggestions, texts.notConfidentWithSuggestions(deps.desk));
    }
    session.lastChoices = [];
    return plain(texts.notConfident(deps.desk));
  };

  return {
    async handle(message) {
      const key = `${message.channel}:${message.userId}`;
      const session = sessions.get(key);

      if (message.action) {
        const procedure = deps.catalogue.get(message.action.code);
        if (!procedure) return plain(texts.unknownChoice);
        if (message.action.type === 'more') return explain(session, procedure, '', 'full');
        const question = session.pendingQuestion ?? '';
        session.pendingQuestion = null;
        session.alternatives = [];
        return explain(session, procedure, question);
      }

      const { text, truncated, unreadable } = sanitize(message.text ?? '');
      if (!text) return plain(texts.empty);
      if (unreadable) return plain(texts.unreadable);
      const folded = foldForMatching(text);

      const status = parseStatusRequest(text);
      if (status) {
        if (!deps.statusLookup) return plain(texts.statusUnavailable(deps.desk));
        session.lookups = (session.lookups ?? 0) + 1;
        if (session.lookups > MAX_LOOKUPS_PER_SESSION) return plain(texts.statusTooMany);
        const found = await deps.statusLookup(status.reference, status.phone4);
        return plain(found ? formatDossierStatus(found) : texts.statusNotFound);
      }

      const smallTalk = detectSmallTalk(text);
      if (smallTalk === 'sensitive') return plain(texts.sensitive);
      if (smallTalk === 'greeting') return plain(texts.greeting(deps.desk));
      if (smallTalk === 'thanks') return plain(texts.thanks);
      if (smallTalk === 'desk') return plain(texts.desk(deps.desk));
      if (smallTalk === 'bye') {
        sessions.reset(key);
        return plain(texts.bye);
      }

      // A number picks one of the choices just offered (Zalo has no buttons).
      const picked = /^\d$/.test(folded) ? session.lastChoices[Number(folded) - 1] : undefined;
      if (picked) {
        const procedure = deps.catalogue.get(picked);
        if (procedure) {
          const question = session.pendingQuestion ?? '';
          session.pendingQuestion = null;
          return explain(session, procedure, question);
        }
      }

      if (MORE.test(folded)) {
        const current = session.currentCode ? deps.catalogue.get(session.currentCode) : undefined;
        return current ? explain(session, current, '', 'full') : plain(texts.noCurrentForMore);
      }

      if (REJECT.test(folded)) {
        const options = session.alternatives
          .map((c) => deps.catalogue.get(c))
          .filter((p): p is Procedure => p !== undefined)
          .slice(0, 3);
        session.currentCode = null;
        session.alternatives = [];
        if (options.length === 0) return plain(texts.rejectedNoOptions(deps.desk));
        return offer(session, options, texts.rejected);
      }

      const question = stripGreeting(text);
      if (session.currentCode && isFollowUp(question)) {
        const current = deps.catalogue.get(session.currentCode);
        if (current) return explain(session, current, question);
      }
      const reply = await search(session, message, question);
      if (truncated) reply.text = `${texts.tooLong}\n\n${reply.text}`;
      return reply;
    },
  };
}
