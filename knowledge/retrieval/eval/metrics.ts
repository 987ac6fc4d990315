/**
 * @module Retrieval metrics on a labelled question set: hit@1, hit@3, MRR@10 per style, abstention on
 * off-topic lines and false abstention on real ones, and how often the right procedure is among what
 * the resident is offered (the first hit, or the first three when the retriever is unsure).
 */
import { offeredHits, type Retriever, type RetrievalResult } from '../retriever.js';
import type { DevQuestion } from './dev-set.js';

/** Outcome of one question. `rank` is 1-based, 0 when no expected code is in the top 10. */
export interface QuestionOutcome {
  question: DevQuestion;
  rank: number;
  answered: boolean;
  result: RetrievalResult;
}

export interface StyleSummary {
  style: string;
  count: number;
  hit1: number;
  hit3: number;
  mrr: number;
  /** Share of these (real) questions we declined to answer. */
  falseAbstention: number;
  /**
   * Share answered with the right procedure among what is offered: the first hit when sure, the
   * first three when `unsure`. Declined questions count as misses.
   */
  amongOffered: number;
  /** Share of these questions answered with choices (`unsure`). */
  choiceRate: number;
}

/**
 * True when the right procedure is among what the resident is offered ({@link offeredHits}: the
 * first hit, or the first three differently named hits when unsure — as the answerer shows them).
 */
export function rightAmongOffered(o: QuestionOutcome): boolean {
  const expected = new Set(o.question.expected);
  return offeredHits(o.result).some((h) => expected.has(h.code));
}

export interface EvalSummary {
  overall: StyleSummary;
  byStyle: StyleSummary[];
  offTopic: { count: number; abstained: number; abstentionRate: number };
}

export async function runQuestions(
  retriever: Retriever,
  questions: readonly DevQuestion[],
): Promise<QuestionOutcome[]> {
  const out: QuestionOutcome[] = [];
  for (const question of questions) {
    const result = await retriever.search(question.question, { k: 10 });
    const expected = new Set(question.expected);
    const index = result.hits.findIndex((h) => expected.has(h.code));
    out.push({ question, rank: index + 1, answered: result.answered, result });
  }
  return out;
}

function summarize(style: string, outcomes: readonly QuestionOutcome[]): StyleSummary {
  const n = outcomes.length || 1;
  const share = (pred: (o: QuestionOutcome) => boolean) => outcomes.filter(pred).length / n;
  return {
    style,
    count: outcomes.length,
    hit1: share((o) => o.rank === 1),
    hit3: share((o) => o.rank >= 1 && o.rank <= 3),
    mrr: outcomes.reduce((s, o) => s + (o.rank > 0 ? 1 / o.rank : 0), 0) / n,
    falseAbstention: share((o) => !o.answered),
    amongOffered: share(rightAmongOffered),
    choiceRate: share((o) => o.answered && o.result.unsure === true),
  };
}

export function summarizeOutcomes(outcomes: readonly QuestionOutcome[]): EvalSummary {
  const real = outcomes.filter((o) => o.question.expected.length > 0);
  const off = outcomes.filter((o) => o.question.expected.length === 0);
  const styles = [...new Set(real.map((o) => o.question.style))].sort();
  const abstained = off.filter((o) => !o.answered).length;
  return {
    overall: summarize('all', real),
    byStyle: styles.map((s) =>
      summarize(
        s,
        real.filter((o) => o.question.style === s),
      ),
    ),
    offTopic: {
      count: off.length,
      abstained,
      abstentionRate: off.length > 0 ? abstained / off.length : 0,
    },
  };
}
