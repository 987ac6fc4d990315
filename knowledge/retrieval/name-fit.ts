/**
 * @module How well a procedure NAME fits a question: the share of the name the question mentions, a
 * name typed word for word, and the variant markers ("lưu động", "cấp lại", "(cấp tỉnh)"…) a name
 * carries and a question asks for. Names are parsed once per procedure and cached.
 */
import type { Bm25Index } from './bm25.js';
import type { Lexicon } from './lexicon.js';
import type { DocMeta } from './priors.js';
import { PARENTHESES, coreName, searchableName } from './procedure-text.js';
import type { AnalyzedQuery } from './query-analyzer.js';
import { QUERY_WORDS } from './query-words.js';
import { isUnigram } from './terms.js';
import { foldedTokens, marksCompatible, tokenize, type Token } from '../text/normalize.js';

/**
 * A name opening with a list of actions ("Cấp, cấp lại…", "Đăng ký, đăng ký lại…", "Cấp lại, đổi,
 * điều chỉnh…"): the first comma comes within three words, so the procedure covers each action.
 */
const ACTION_LIST = /^\s*(?:[\p{L}]+\s+){0,2}[\p{L}]+\s*,/u;

/** A part of a procedure name with its content syllables and their rarity. */
interface NameSegment {
  text: string;
  terms: Array<{ term: string; idf: number }>;
}

/**
 * Syllables the question really asks with: query weight at least `minWeight` (filler, question
 * phrases and foreign-marked words weigh less and are left out).
 */
export function askedTerms(query: AnalyzedQuery, minWeight: number): Set<string> {
  const asked = new Set<string>();
  for (const [term, weight] of query.terms)
    if (weight >= minWeight && isUnigram(term) && !query.unasked?.has(term)) asked.add(term);
  return asked;
}

/** Ages the question states ("14 tuổi", "con 3 tuoi"). */
function statedAges(tokens: readonly Token[]): number[] {
  const ages: number[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1]?.folded;
    if (/^\d{1,3}$/.test(t.folded) && next !== undefined && QUERY_WORDS.ageWords.has(next))
      ages.push(Number(t.folded));
  });
  return ages;
}

/** Judges procedure names against questions (one per index; caches per procedure). */
export class NameJudge {
  private readonly segmentCache = new Map<number, NameSegment[]>();
  private readonly qualifierCache = new Map<string, number[]>();
  private readonly phraseCache = new Map<number, string[]>();
  private readonly copyKeyCache = new Map<number, string>();

  /**
   * @param parts the indexed procedures, their BM25 statistics (for rarity) and the lexicon (for
   *   abbreviations and variant markers).
   * @param precisionOnCoreName judge the name without its parenthetical clarifications.
   * @param agesDecide a stated age decides variants with an age limit (qualifiers' `belowAge`).
   */
  constructor(
    private readonly parts: { docs: readonly DocMeta[]; bm25: Bm25Index; lexicon: Lexicon },
    private readonly precisionOnCoreName = true,
    private readonly agesDecide = true,
  ) {}

  /** Copies of one procedure share this key: the folded name without its parenthetical parts. */
  copyKey(doc: number): string {
    let key = this.copyKeyCache.get(doc);
    if (key === undefined) {
      key = foldedTokens(coreName(this.parts.docs[doc]!.name)).join(' ');
      this.copyKeyCache.set(doc, key);
    }
    return key;
  }

  /** Does the folded question text contain the name, or one ";" part of it, word for word? */
  isNamedIn(doc: number, said: string): boolean {
    let phrases = this.phraseCache.get(doc);
    if (!phrases) {
      const core = coreName(this.parts.docs[doc]!.name);
      phrases = (core.includes(';') ? [core, ...core.split(';')] : [core])
        .map((part) => foldedTokens(part))
        .filter((tokens) => tokens.length >= 2)
        .map((tokens) => ` ${tokens.join(' ')} `);
      this.phraseCache.set(doc, phrases);
    }
    return phrases.some((phrase) => said.includes(phrase));
  }

  /** The parts a name is judged by: the whole (core) name, then each ";"-joined part (cached). */
  private segments(doc: number): NameSegment[] {
    let segments = this.segmentCache.get(doc);
    if (!segments) {
      const full = this.parts.lexicon.spellOutAbbreviations(this.parts.docs[doc]!.name);
      const name = this.precisionOnCoreName ? coreName(full) : searchableName(full);
      const texts = name.includes(';') ? [name, ...name.split(';')] : [name];
      segments = texts.map((text) => {
        const unique = new Set(
          tokenize(text)
            .filter((t) => QUERY_WORDS.isContent(t.text))
            .map((t) => t.folded),
        );
        return {
          text,
          terms: [...unique].map((term) => ({ term, idf: this.parts.bm25.idf(term) })),
        };
      });
      this.segmentCache.set(doc, segments);
    }
    return segments;
  }

  /**
   * Rarity-weighted share of the name the question mentions. A name that joins several procedures
   * with ";" ("Chuyển mục đích sử dụng đất; chuyển hình thức sử dụng đất; gia hạn …") is judged by
   * its best-fitting part, so asking for one of them is not punished for the others.
   */
  fit(doc: number, asked: ReadonlySet<string>): { precision: number; segment: number } {
    let best = { precision: 0, segment: 0 };
    this.segments(doc).forEach(({ terms }, segment) => {
      let total = 0;
      let found = 0;
      for (const { term, idf } of terms) {
        total += idf;
        if (asked.has(term)) found += idf;
      }
      if (total > 0 && found / total > best.precision) best = { precision: found / total, segment };
    });
    return best;
  }

  /**
   * For each qualifier: does the question (or a lexicon meaning) ask for that variant? Syllables are
   * compared folded, but typed marks must fit ("đối với" does not ask for "cấp đổi").
   */
  wantedQualifiers(query: AnalyzedQuery, withSituations = true): boolean[] {
    const sequences = withSituations
      ? query.sequences
      : query.sequences.slice(0, query.sequences.length - (query.situationSequences ?? 0));
    const fits = (typed: Token, want: Token) =>
      typed.folded === want.folded && marksCompatible(typed.text, want.text);
    // Where each folded syllable stands: a letter's sequences hold hundreds of syllables and the
    // qualifiers over a hundred phrases, so each phrase is tried only where its first syllable is.
    const starts = new Map<string, Array<[seq: readonly Token[], at: number]>>();
    for (const seq of sequences) {
      seq.forEach((t, at) => {
        const list = starts.get(t.folded);
        if (list) list.push([seq, at]);
        else starts.set(t.folded, [[seq, at]]);
      });
    }
    const occurs = (phrase: readonly Token[]) =>
      (starts.get(phrase[0]?.folded ?? '') ?? []).some(
        ([seq, i]) =>
          i + phrase.length <= seq.length && phrase.every((t, k) => fits(seq[i + k]!, t)),
      );
    const ages = statedAges(query.sequences[0] ?? []);
    return this.parts.lexicon.qualifiers.map((q) => {
      // "dưới 14 tuổi": a stated age decides ("con tròn 14 tuổi" is not the under-14 variant, even
      // though "con" would otherwise ask for it).
      if (this.agesDecide && q.belowAge !== undefined && ages.length > 0)
        return ages.some((a) => a < q.belowAge!);
      return q.unless.some(occurs);
    });
  }

  /**
   * Indexes of the qualifiers present in a procedure name (cached). For one ";"-joined part
   * (`segment` ≥ 1) only that part and the name's parenthetical clarifications count: "gia hạn" in
   * "Chuyển mục đích sử dụng đất; …; gia hạn sử dụng đất" is another procedure, not a variant.
   */
  qualifiersOf(doc: number, segment = 0): number[] {
    const key = `${doc}:${segment}`;
    let found = this.qualifierCache.get(key);
    if (!found) {
      const full = searchableName(this.parts.docs[doc]!.name);
      const part = this.segments(doc)[segment];
      const text =
        segment === 0 || !part ? full : `${part.text} ${(full.match(PARENTHESES) ?? []).join(' ')}`;
      const name = ` ${foldedTokens(text).join(' ')} `;
      // "Cấp, cấp lại, …" / "Thực hiện, điều chỉnh, …": the base action is covered too.
      const coversBase = ACTION_LIST.test(segment === 0 ? full : (part?.text ?? full));
      found = [];
      this.parts.lexicon.qualifiers.forEach((q, i) => {
        if (q.kind === 'action' && coversBase) return;
        if (name.includes(` ${q.name.join(' ')} `)) found!.push(i);
      });
      this.qualifierCache.set(key, found);
    }
    return found;
  }
}
