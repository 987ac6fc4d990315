import type { ChatReply } from '../../common/chat.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Procedure } from '../catalogue/procedure-schema.js';
import { detectAttributes, type Attribute } from './attributes.js';
import { composeAnswer, type DeskContact } from './compose-answer.js';
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
  }>;
}

/** How retrieval went for one question. */
export type FindOutcome =
  | { kind: 'found'; procedure: Procedure; alternatives: Procedure[] }
  | { kind: 'ambiguous'; options: Procedure[] }
  | { kind: 'none'; suggestions: Procedure[] };

export interface Answerer {
  find(question: string): Promise<FindOutcome>;
  /** Grounded reply about one procedure. */
  explain(
    procedure: Procedure,
    options: { attributes?: readonly Attribute[]; mode?: 'short' | 'full'; question?: string },
  ): Promise<ChatReply>;
}

export interface AnswererDeps {
  catalogue: Catalogue;
  retriever: RetrieverLike;
  desk: DeskContact;
  /** Optional LLM rephrasing; its output is checked against the record before use. */
  phraser?: Phraser;
  /** Scores within this ratio of the best count as "too close to call" (tuned with the dev set). */
  ambiguityRatio?: number;
}

const DEFAULT_AMBIGUITY_RATIO = 0.97;

/** Creates the answerer: retrieval decision + grounded composition. */
export function createAnswerer(deps: AnswererDeps): Answerer {
  const ratio = deps.ambiguityRatio ?? DEFAULT_AMBIGUITY_RATIO;
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
      const close = hits.filter((h) => h.score >= top.score * ratio && h.name !== top.name);
      if (close.length > 0) {
        const options = resolve([top.code, ...close.map((h) => h.code)].slice(0, 3));
        if (options.length > 1) return { kind: 'ambiguous', options };
      }
      const [procedure, ...alternatives] = resolve(hits.map((h) => h.code));
      if (!procedure) return { kind: 'none', suggestions: [] };
      return { kind: 'found', procedure, alternatives: alternatives.slice(0, 3) };
    },

    async explain(procedure, options) {
      const attributes =
        options.attributes ?? (options.question ? detectAttributes(options.question) : []);
      const composed = composeAnswer(procedure, {
        attributes,
        mode: options.mode ?? 'short',
        snapshotDate: deps.catalogue.snapshotDate,
        desk: deps.desk,
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
      };
    },
  };
}
