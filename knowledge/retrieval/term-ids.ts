/**
 * @module Terms as numbers while an index is built: the catalogue has millions of term occurrences
 * drawn from tens of thousands of distinct terms, and counting them in arrays indexed by a small
 * number is much cheaper than in maps keyed by strings.
 */

/** Term → id in order of first appearance, with how many documents use each term. */
export class TermIds {
  /** The term of each id. */
  readonly terms: string[] = [];
  /** Document frequency by id (documents are the successive {@link idsOf} calls). */
  readonly df: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly lastDoc: number[] = [];
  private doc = 0;

  get size(): number {
    return this.terms.length;
  }

  /** Ids of one document's terms, in order, repeats kept (call once per document). */
  idsOf(terms: readonly string[]): Uint32Array {
    const doc = (this.doc += 1);
    const out = new Uint32Array(terms.length);
    terms.forEach((term, i) => {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(term);
        this.ids.set(term, id);
        this.df.push(0);
        this.lastDoc.push(0);
      }
      if (this.lastDoc[id] !== doc) {
        this.lastDoc[id] = doc;
        this.df[id]! += 1;
      }
      out[i] = id;
    });
    return out;
  }
}
