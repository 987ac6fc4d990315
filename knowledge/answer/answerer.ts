import type { ChatReply } from '../../common/chat.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Procedure } from '../catalogue/procedure-schema.js';
import { LetterReader } from '../retrieval/letter-reader.js';
import { offeredHits } from '../retrieval/retriever.js';
import { detectAttributes, type Attribute } from './attributes.js';
import { composeAnswer, type CommuneOffice, type DeskContact } from './compose-answer.js';
import type { Phraser } from './phraser.js';

/** The retrieval surface the answerer needs (implemented by knowledge/retrieval). */
export interface RetrieverLike {
  search(
    question: string,
    options?: { k?: number },
  ): Promise<{
    answered: boolean;
    confidence: number;
    hits: Array<{ code: string; name: string; score: number }>;
    /**
     * The retriever's own judgement that the best hit is not clearly ahead (knowledge/retrieval):
     * when given, it alone decides whether choices are offered, so residents see what the eval
     * measures. Retrievers without it fall back to {@link AmbiguitySettings}.
     */
    unsure?: boolean;
    /** When unsure: the first three different procedures (copies count once). */
    choices?: Array<{ code: string; name: string; score: number }>;
  }>;
}

/** How retrieval went for one question. */
export type FindOutcome =
  | {
      kind: 'found';
      procedure: Procedure;
      alternatives: Procedure[];
      /** True when a runner-up scored close enough that the resident may have meant it. */
      closeCall: boolean;
    }
  | { kind: 'ambiguous'; options: Procedure[] }
  | { kind: 'none'; suggestions: Procedure[] };

export interface Answerer {
  find(question: string): Promise<FindOutcome>;
  /** Grounded reply about one procedure. */
  explain(
    procedure: Procedure,
    options: {
      attributes?: readonly Attribute[];
      mode?: 'short' | 'full';
      question?: string;
      /** Official code of the resident's commune, when known (its office is where to file). */
      communeCode?: string;
      /** Page of "xem thêm" in full mode (1-based). */
      page?: number;
    },
  ): Promise<ChatReply>;
}

export interface AnswererDeps {
  catalogue: Catalogue;
  retriever: RetrieverLike;
  desk: DeskContact;
  /** Optional LLM rephrasing; its output is checked against the record before use. */
  phraser?: Phraser;
  /** When to ask instead of answer; defaults measured on the dev set (see {@link DEFAULT_AMBIGUITY}). */
  ambiguity?: AmbiguitySettings;
  /** The office of a commune by its official code (from the commune directory), for "where to file". */
  communeOffice?: (code: string) => CommuneOffice | undefined;
  /** Clock for fee validity (tests); defaults to now. */
  now?: () => Date;
}

/**
 * A question is "too close to call" when the runner-up is within `gap` of the best
 * hit; the options are the hits within `optionGap` of the best.
 */
export interface AmbiguitySettings {
  gap: number;
  optionGap: number;
}

/*
 * Measured on the dev set (535 answered questions): a gap of 0.025 asks back on ~14 % of questions;
 * among those about a third had a wrong first hit, and half of these had the right procedure among the
 * offered options. Wider gaps ask much more often for little gain.
 */
export const DEFAULT_AMBIGUITY: AmbiguitySettings = { gap: 0.025, optionGap: 0.06 };

/**
 * The part of a message that asks: a letter's request sentences, or the whole of a short question.
 * A letter's story names things it does not ask about ("ông mất tại nhà" is not "làm tại nhà", online).
 */
function askedPart(letters: LetterReader, question: string): string {
  const sentences = letters.readAll(question);
  if (!sentences) return question;
  return sentences
    .filter((s) => s.request)
    .map((s) => s.text)
    .join(' ');
}

/** Creates the answerer: retrieval decision + grounded composition. */
export function createAnswerer(deps: AnswererDeps): Answerer {
  const ambiguity = deps.ambiguity ?? DEFAULT_AMBIGUITY;
  const letters = new LetterReader();
  const resolve = (codes: string[]) =>
    codes.map((c) => deps.catalogue.get(c)).filter((p): p is Procedure => p !== undefined);

  return {
    async find(question) {
      const result = await deps.retriever.search(question, { k: 5 });
      const hits = result.hits;
      if (!result.answered || hits.length === 0) {
        return { kind: 'none', suggestions: resolve(hits.slice(0, 3).map((h) => h.code)) };
      }
      const top = hits[0]!;
      const second = hits[1];
      if (result.unsure !== undefined) {
        // The first three different procedures, exactly what the eval's "offered" counts.
        const options = resolve(offeredHits(result).map((h) => h.code));
        if (result.unsure && options.length > 1) return { kind: 'ambiguous', options };
      } else if (second && top.score - second.score < ambiguity.gap) {
        const names = new Set<string>();
        const close = hits.filter((h) => {
          if (top.score - h.score >= ambiguity.optionGap || names.has(h.name)) return false;
          names.add(h.name);
          return true;
        });
        const options = resolve(close.map((h) => h.code).slice(0, 3));
        if (options.length > 1) return { kind: 'ambiguous', options };
      }
      const [procedure, ...alternatives] = resolve(hits.map((h) => h.code));
      if (!procedure) return { kind: 'none', suggestions: [] };
      const closeCall = second !== undefined && top.score - second.score < ambiguity.optionGap * 2;
      return { kind: 'found', procedure, alternatives: alternatives.slice(0, 3), closeCall };
    },

    async explain(procedure, options) {
      const attributes =
        options.attributes ??
        (options.question ? detectAttributes(askedPart(letters, options.question)) : []);
      const commune = options.communeCode ? deps.communeOffice?.(options.communeCode) : undefined;
      const composed = composeAnswer(procedure, {
        attributes,
        mode: options.mode ?? 'short',
        ...(options.page ? { page: options.page } : {}),
        snapshotDate: deps.catalogue.snapshotDate,
        desk: deps.desk,
        today: (deps.now?.() ?? new Date()).toISOString().slice(0, 10),
        ...(commune ? { commune } : {}),
      });
      let text = composed.text;
      if (deps.phraser) text = await deps.phraser.rephrase(text, procedure);
      return {
        answered: true,
        text,
        procedure: { code: procedure.code, name: procedure.name },
        choices: [],
        sources: [{ code: procedure.code, url: procedure.sourceUrl }],
        hasMore: composed.hasMore,
        ...(composed.page ? { page: composed.page, pages: composed.pages! } : {}),
      };
    },
  };
}
