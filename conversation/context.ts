import type { ChatReply } from '../common/chat.js';
import type { PublicStatusLookup } from '../common/dossier-contracts.js';
import {
  detectAttributes,
  getForm,
  type Answerer,
  type Catalogue,
  type CommuneDirectory,
  type DeskContact,
  type GapLog,
  type Procedure,
} from '../knowledge/index.js';
import { choicesOf, oneChoicePerProcedure } from './choices.js';
import type { Session, SessionStore } from './session-store.js';
import { texts } from './texts.js';
import type { Turn } from './turn.js';

/** What the conversation core needs from the rest of the system. */
export interface ConversationDeps {
  answerer: Answerer;
  catalogue: Catalogue;
  desk: DeskContact;
  gapLog?: GapLog;
  /**
   * Public dossier status lookup (reference + last 4 phone digits), when the dossier API runs.
   * Injected so the API can hand in its guarded lookup service.
   */
  statusLookup?: PublicStatusLookup;
  /** The commune directory: old units → new ones, and the resident's commune for "where to file". */
  communes?: CommuneDirectory;
  sessionTtlMinutes: number;
  now?: () => number;
}

/** A reply that claims no procedure. */
export function plain(text: string, extra: Partial<ChatReply> = {}): ChatReply {
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

/** What intent handlers share: the dependencies and the moves that change the session. */
export interface ConversationContext {
  readonly deps: ConversationDeps;
  /** Forgets everything about one person (after "tạm biệt"). */
  forget(key: string): void;
  /** Answers about one procedure and makes it the current one (for follow-ups and "xem thêm"). */
  explain(
    session: Session,
    procedure: Procedure,
    question: string,
    mode?: 'short' | 'full',
  ): Promise<ChatReply>;
  /** Offers procedures as choices (one per procedure, labels that differ). */
  offer(session: Session, options: readonly Procedure[], text: string): ChatReply;
  /** Searches the catalogue for the turn's question and answers, asks back, or abstains. */
  search(turn: Turn, question?: string): Promise<ChatReply>;
}

/** Builds the shared context of one conversation core. */
export function createContext(deps: ConversationDeps, sessions: SessionStore): ConversationContext {
  const ctx: ConversationContext = {
    deps,
    forget: (key) => sessions.reset(key),
    async explain(session, procedure, question, mode = 'short') {
      // "xem thêm" pages on: the next page of the same procedure, or the first of a new one.
      const page =
        mode === 'full'
          ? session.currentCode === procedure.code
            ? (session.pageShown ?? 0) + 1
            : 1
          : 0;
      session.currentCode = procedure.code;
      session.lastChoices = [];
      const reply = await deps.answerer.explain(procedure, {
        question,
        mode,
        ...(page > 0 ? { page } : {}),
        ...(session.communeCode ? { communeCode: session.communeCode } : {}),
      });
      // After the last page the next "xem thêm" starts again from the first.
      session.pageShown = reply.hasMore ? (reply.page ?? 0) : 0;
      // Procedures residents can file in the mini-app: channels add a "Nộp hồ sơ" button.
      const form = getForm(procedure.code);
      if (form) reply.form = { code: form.procedureCode, title: form.title };
      if (session.closeCall && session.alternatives.length > 0 && mode === 'short') {
        reply.text += `\n\n${texts.alternativesHint}`;
      }
      return reply;
    },

    offer(session, options, text) {
      const distinct = oneChoicePerProcedure(options);
      session.lastChoices = distinct.map((p) => p.code);
      // Numbered, so a resident on any channel can answer "2" (choice-pick.ts reads the number).
      const choices = choicesOf(distinct).map((c, i) => ({ ...c, label: `${i + 1}. ${c.label}` }));
      return plain(text, { choices });
    },

    async search(turn, question = turn.question) {
      const { session } = turn;
      const outcome = await deps.answerer.find(question);
      if (outcome.kind === 'ambiguous' && oneChoicePerProcedure(outcome.options).length === 1) {
        // The options were copies of one procedure: that is an answer, not a question.
        const [procedure] = oneChoicePerProcedure(outcome.options);
        session.alternatives = [];
        session.closeCall = false;
        session.pendingQuestion = null;
        return ctx.explain(session, procedure!, question);
      }
      if (outcome.kind === 'found') {
        // The first group holds the found procedure and its copies: answer with the preferred copy
        // (Thanh Hóa's, which the commune applies) even when the national record ranked first.
        const [preferred, ...others] = oneChoicePerProcedure([
          outcome.procedure,
          ...outcome.alternatives,
        ]);
        session.alternatives = others.map((p) => p.code);
        session.closeCall = outcome.closeCall;
        session.pendingQuestion = null;
        return ctx.explain(session, preferred!, question);
      }
      if (outcome.kind === 'ambiguous') {
        session.alternatives = [];
        session.pendingQuestion = question;
        return ctx.offer(session, outcome.options, texts.clarify);
      }
      deps.gapLog?.record({
        channel: turn.message.channel,
        client: turn.message.clientKey ?? `${turn.message.channel}:${turn.message.userId}`,
        question,
        reason: 'not_confident',
      });
      session.currentCode = null;
      session.alternatives = [];
      session.pendingQuestion = question;
      if (outcome.suggestions.length > 0 && detectAttributes(question).length > 0) {
        return ctx.offer(
          session,
          outcome.suggestions,
          texts.notConfidentWithSuggestions(deps.desk),
        );
      }
      session.lastChoices = [];
      return plain(texts.notConfident(deps.desk));
    },
  };
  return ctx;
}
