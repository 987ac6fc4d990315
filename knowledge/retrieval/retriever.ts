/**
 * @module The retrieval contract: a resident's question in, the most likely procedures out, with a
 * calibrated flag saying whether we are confident enough to answer.
 */

/** One procedure found for a question. `score` is 0..1, higher is better. */
export interface RetrievalHit {
  code: string;
  name: string;
  score: number;
}

/**
 * Result of a search. `answered` is false when the question is off-topic, junk, or matches nothing
 * well enough; `hits` may then still hold weak suggestions (or be empty for junk).
 */
export interface RetrievalResult {
  answered: boolean;
  /** 0..1; `answered` is `confidence >= threshold`. */
  confidence: number;
  hits: RetrievalHit[];
  /**
   * True when the best hit is not clearly ahead: the caller should offer the first three hits as
   * choices rather than answer about the first one. Only meaningful when `answered`.
   */
  unsure?: boolean;
  /**
   * When `unsure`: the first three different procedures (copies of one procedure — same name, or
   * Thanh Hóa's renamed copy of a national record — count once), best first.
   */
  choices?: RetrievalHit[];
}

export interface SearchOptions {
  /** Number of hits wanted (default 5, at most 50). */
  k?: number;
}

/** Finds procedures from a resident's words. Never throws on bad input. */
export interface Retriever {
  search(question: string, options?: SearchOptions): Promise<RetrievalResult>;
}

/** How many choices a resident is offered when the retriever is unsure. */
export const OFFERED_CHOICES = 3;

/**
 * What a resident is offered for a result: nothing when declined, the first hit when sure, the
 * retriever's `choices` when `unsure` (else the first {@link OFFERED_CHOICES} differently named hits). The answerer offers exactly these, and the eval measures exactly these.
 */
export function offeredHits(
  result: Pick<RetrievalResult, 'answered' | 'hits' | 'unsure' | 'choices'>,
  choices: number = OFFERED_CHOICES,
): RetrievalHit[] {
  if (!result.answered || result.hits.length === 0) return [];
  if (result.unsure !== true) return result.hits.slice(0, 1);
  if (result.choices) return result.choices.slice(0, choices);
  const names = new Set<string>();
  return result.hits.filter((h) => {
    if (names.size >= choices || names.has(h.name)) return false;
    names.add(h.name);
    return true;
  });
}
