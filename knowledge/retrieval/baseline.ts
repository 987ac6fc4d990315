/**
 * @module The naive baseline the evaluation compares against: plain full-text search (BM25) over
 * accent-folded procedure names, no lexicon, no bigrams, no priors, no abstention beyond "nothing
 * matched".
 */
import { foldedTokens } from '../text/normalize.js';
import { Bm25Index } from './bm25.js';
import type { RetrievalResult, Retriever, SearchOptions } from './retriever.js';

export class NameSearchBaseline implements Retriever {
  private readonly index: Bm25Index;

  constructor(private readonly docs: ReadonlyArray<{ code: string; name: string }>) {
    this.index = Bm25Index.build(
      docs.map((d) => ({ name: foldedTokens(d.name).join(' '), field: '', body: '' })),
    );
  }

  async search(question: string, options: SearchOptions = {}): Promise<RetrievalResult> {
    const terms = new Map(
      foldedTokens(String(question ?? '').slice(0, 600)).map((t) => [t, 1] as const),
    );
    const found = this.index.search(terms, options.k ?? 5);
    const max = found[0]?.score ?? 0;
    return {
      answered: found.length > 0,
      confidence: found.length > 0 ? 1 : 0,
      hits: found.map((s) => ({
        code: this.docs[s.doc]!.code,
        name: this.docs[s.doc]!.name,
        score: max > 0 ? s.score / max : 0,
      })),
    };
  }
}
