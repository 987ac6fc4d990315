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
}

export interface SearchOptions {
  /** Number of hits wanted (default 5, at most 50). */
  k?: number;
}

/** Finds procedures from a resident's words. Never throws on bad input. */
export interface Retriever {
  search(question: string, options?: SearchOptions): Promise<RetrievalResult>;
}
