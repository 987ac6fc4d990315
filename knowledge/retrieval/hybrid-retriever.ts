/**
 * @module The default {@link Retriever}: lexical BM25F and dense embeddings, fused by weighted
 * min-max scores, nudged by ranking priors, with a calibrated abstention flag.
 */
import type { Embeddings } from '@langchain/core/embeddings';
import {
  MAX_QUERY_CHARS,
  foldedTokens,
  marksCompatible,
  normalizeText,
  tokenize,
  type Token,
} from '../text/normalize.js';
import { tokenWeight } from '../text/stopwords.js';
import {
  DEFAULT_ABSTENTION,
  conceptCoverage,
  confidenceOf,
  phraseCoverage,
  type AbstentionFeatures,
  type AbstentionModel,
} from './abstention.js';
import type { Bm25Index } from './bm25.js';
import {
  DEFAULT_FUSION_WEIGHTS,
  fuseScores,
  reciprocalRankFusion,
  type FusionWeights,
} from './fusion.js';
import type { Lexicon } from './lexicon.js';
import { DEFAULT_PRIORS, computePriors, type DocMeta, type PriorSettings } from './priors.js';
import {
  DEFAULT_QUERY_WEIGHTS,
  QueryAnalyzer,
  type AnalyzedQuery,
  type QueryWeights,
} from './query-analyzer.js';
import { PARENTHESES, coreName, searchableName } from './procedure-text.js';
import type { RetrievalResult, Retriever, SearchOptions } from './retriever.js';
import { isUnigram } from './terms.js';
import type { VectorIndex } from './vector-index.js';

/** The loaded parts of an index. */
export interface RetrieverParts {
  docs: readonly DocMeta[];
  bm25: Bm25Index;
  vectors: VectorIndex;
  embeddings: Embeddings;
  lexicon: Lexicon;
}

/**
 * Re-ranking of the best fused candidates by how well the procedure NAME fits the question: residents
 * ask for the plain procedure, so a name with qualifiers the question never mentions ("lưu động",
 * "có yếu tố nước ngoài") should lose to the plain one.
 */
export interface RerankSettings {
  candidates: number;
  /** Weight of the share of the name (rarity-weighted) that the question mentions. */
  namePrecision: number;
  /** Weight of the share of the question (rarity-weighted) that the name contains. */
  nameCoverage: number;
  /** Weight of the share of recognised lexicon topics the name contains. */
  topicInName: number;
  /** Among same-name copies, give the best slot to the one with the highest prior. */
  preferFilingVariant: boolean;
  /** Judge name precision on the name without parenthetical clarifications. */
  precisionOnCoreName: boolean;
  /** Penalty per variant marker in the name ("lưu động", "cấp lại"…) the question does not ask for. */
  qualifierPenalty: number;
  /**
   * Bonus when the question contains the whole name (or one ";" part of it) word for word ("đăng ký
   * thường trú cho bố về hưu"): a resident who types a procedure's name means that procedure.
   */
  namedExactly: number;
}

/** Tunable knobs; defaults are the dev-set choices documented in README.md. */
export interface RetrieverSettings {
  query: QueryWeights;
  fusion: FusionWeights;
  rerank: RerankSettings;
  priors: PriorSettings;
  abstention: AbstentionModel;
  lexicalCandidates: number;
  denseCandidates: number;
}

export const DEFAULT_RETRIEVER_SETTINGS: RetrieverSettings = {
  query: DEFAULT_QUERY_WEIGHTS,
  fusion: DEFAULT_FUSION_WEIGHTS,
  rerank: {
    candidates: 40,
    namePrecision: 0.3,
    nameCoverage: 0.1,
    topicInName: 0.2,
    qualifierPenalty: 0.15,
    namedExactly: 0.15,
    precisionOnCoreName: true,
    preferFilingVariant: true,
  },
  priors: DEFAULT_PRIORS,
  abstention: DEFAULT_ABSTENTION,
  lexicalCandidates: 100,
  denseCandidates: 50,
};

const MAX_K = 50;
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

/** Below this confidence the hits are not even worth offering as suggestions. */
const SUGGESTION_FLOOR = 0.15;
const NOTHING: RetrievalResult = { answered: false, confidence: 0, hits: [] };

/** A search with everything that led to it (for evaluation and debugging). */
export interface ExplainedResult extends RetrievalResult {
  query: AnalyzedQuery | null;
  features: AbstentionFeatures | null;
}

/** Syllables the question really asks with (filler, question words and translated words left out). */
function askedTerms(query: AnalyzedQuery): Set<string> {
  const asked = new Set<string>();
  for (const [term, weight] of query.terms) if (weight >= 0.3 && isUnigram(term)) asked.add(term);
  return asked;
}

/** Ages the question states ("14 tuổi", "con 3 tuoi"). */
function statedAges(tokens: readonly Token[]): number[] {
  const ages: number[] = [];
  tokens.forEach((t, i) => {
    if (/^\d{1,3}$/.test(t.folded) && tokens[i + 1]?.folded === 'tuoi') ages.push(Number(t.folded));
  });
  return ages;
}

export class HybridRetriever implements Retriever {
  readonly settings: RetrieverSettings;
  private readonly analyzer: QueryAnalyzer;
  private readonly priors: Float32Array;
  private readonly nameTerms = new Map<number, NameSegment[]>();
  private readonly nameQualifiers = new Map<string, number[]>();
  private readonly namePhrases = new Map<number, string[]>();
  /** Highest reachable raw score (fusion 1 + every bonus), so reported scores stay in 0..1. */
  private readonly maxScore: number;

  constructor(
    private readonly parts: RetrieverParts,
    settings: Partial<RetrieverSettings> = {},
  ) {
    this.settings = { ...DEFAULT_RETRIEVER_SETTINGS, ...settings };
    this.analyzer = new QueryAnalyzer(
      parts.lexicon,
      parts.bm25.syllableFrequencies(),
      parts.bm25.accentTerms(),
      this.settings.query,
      (pair) => parts.bm25.df(pair),
    );
    this.priors = computePriors(parts.docs, this.settings.priors);
    const { rerank } = this.settings;
    this.maxScore =
      1 +
      Math.max(0, ...this.priors) +
      rerank.namePrecision +
      rerank.nameCoverage +
      rerank.topicInName +
      rerank.namedExactly;
  }

  /** Code and name of every indexed procedure (for baselines and diagnostics). */
  documents(): ReadonlyArray<{ code: string; name: string }> {
    return this.parts.docs;
  }

  async search(question: string, options: SearchOptions = {}): Promise<RetrievalResult> {
    const { answered, confidence, hits } = await this.explain(question, options);
    return { answered, confidence, hits };
  }

  async explain(question: unknown, options: SearchOptions = {}): Promise<ExplainedResult> {
    const k = Math.max(1, Math.min(MAX_K, Math.floor(options.k ?? 5)));
    const text =
      typeof question === 'string' ? normalizeText(question.slice(0, MAX_QUERY_CHARS * 2)) : '';
    if (!/[\p{L}\p{N}]/u.test(text)) return { ...NOTHING, query: null, features: null };
    const query = this.analyzer.analyze(text);
    if (query.terms.size === 0) return { ...NOTHING, query, features: null };

    const { bm25, vectors, embeddings, docs } = this.parts;
    const lexical = new Map(
      bm25
        .search(query.terms, this.settings.lexicalCandidates)
        .map((s) => [s.doc, s.score] as const),
    );
    const queryVector = await embeddings.embedQuery(query.denseText);
    const denseHits = await vectors.searchVector(queryVector, this.settings.denseCandidates);
    const dense = new Map(denseHits.map((h) => [h.doc, h.similarity] as const));
    const ranked = this.rerank(
      query,
      [
        ...(this.settings.fusion.method === 'rrf' ? reciprocalRankFusion : fuseScores)(
          lexical,
          dense,
          this.settings.fusion,
        ),
      ]
        .map(([doc, score]) => ({ doc, score: score + this.priors[doc]! }))
        .sort((a, b) => b.score - a.score || a.doc - b.doc),
    );
    const top = ranked[0];
    if (!top) return { ...NOTHING, query, features: null };

    const features: AbstentionFeatures = {
      ...conceptCoverage(query.concepts, top.doc, bm25),
      phraseCoverage: phraseCoverage(query.phrases, top.doc, bm25),
      denseSimilarity: Math.max(0, dense.get(top.doc) ?? vectors.similarity(queryVector, top.doc)),
      topScore: Math.min(1, Math.max(0, top.score / this.maxScore)),
      nameMatch: this.namePrecision(top.doc, askedTerms(query)),
      lexicon: query.lexiconHits > 0 ? 1 : 0,
      offTopic: query.offTopicHits > 0 ? 1 : 0,
    };
    const confidence = confidenceOf(features, this.settings.abstention);
    // Chit-chat gets no suggestions: "chào bạn" must not offer "chào bán chứng quyền".
    const noSuggestions =
      confidence < SUGGESTION_FLOOR || (features.offTopic === 1 && features.lexicon === 0);
    const hits = (
      noSuggestions && confidence < this.settings.abstention.threshold ? [] : ranked.slice(0, k)
    ).map(({ doc, score }) => ({
      code: docs[doc]!.code,
      name: docs[doc]!.name,
      score: Math.round(Math.min(1, Math.max(0, score / this.maxScore)) * 10_000) / 10_000,
    }));
    return {
      answered: confidence >= this.settings.abstention.threshold,
      confidence: Math.round(confidence * 10_000) / 10_000,
      hits,
      query,
      features,
    };
  }

  /** Adds name-fit features to the best candidates and re-sorts them (the tail keeps its order). */
  private rerank(query: AnalyzedQuery, ranked: Array<{ doc: number; score: number }>) {
    const { candidates, namePrecision, nameCoverage, topicInName, qualifierPenalty, namedExactly } =
      this.settings.rerank;
    // The question's own words, folded; blanked question phrases break adjacency.
    const said = ` ${(query.sequences[0] ?? []).map((t) => t.folded || '|').join(' ')} `;
    const topics = query.concepts.filter((c) => c.fromLexicon);
    const asked = askedTerms(query);
    const wanted = this.wantedQualifiers(query);
    const head = ranked.slice(0, candidates).map(({ doc, score }) => {
      const { precision, segment } = this.nameFit(doc, asked);
      const coverage = conceptCoverage(query.concepts, doc, this.parts.bm25).nameCoverage;
      const topic =
        topics.length > 0 ? conceptCoverage(topics, doc, this.parts.bm25).nameCoverage : 0;
      const qualifiers = this.parts.lexicon.qualifiers;
      const unasked = this.qualifiersOf(doc, segment).reduce(
        (n, q) => n + (wanted[q] ? 0 : qualifiers[q]!.weight),
        0,
      );
      return {
        doc,
        score:
          score +
          namePrecision * precision +
          nameCoverage * coverage +
          topicInName * topic -
          qualifierPenalty * Math.min(2, unasked) +
          (this.isNamedIn(doc, said) ? namedExactly : 0),
      };
    });
    head.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const ordered = this.settings.rerank.preferFilingVariant
      ? this.preferFilingVariant(head)
      : head;
    return [...ordered, ...ranked.slice(candidates)];
  }

  /**
   * Procedures published twice under the same name (a listed copy without details, a central and a
   * provincial copy, "hủy"/"huỷ" spellings) keep their best slot, but the copy a resident actually
   * files — commune level, with details — takes it.
   */
  private preferFilingVariant(head: Array<{ doc: number; score: number }>) {
    const groups = new Map<string, number[]>();
    head.forEach((h, slot) => {
      // Other provinces' and internal copies never take a slot from ours.
      if (this.priors[h.doc]! < 0) return;
      const key = foldedTokens(coreName(this.parts.docs[h.doc]!.name)).join(' ');
      const slots = groups.get(key);
      if (slots) slots.push(slot);
      else groups.set(key, [slot]);
    });
    const out = [...head];
    for (const slots of groups.values()) {
      if (slots.length < 2) continue;
      const filing = (doc: number) => {
        const d = this.parts.docs[doc]!;
        return (
          (d.levels.includes('xa') ? 4 : d.levels.includes('tinh') ? 2 : 0) +
          (d.detail === 'full' ? 1 : 0)
        );
      };
      const members = slots
        .map((slot) => head[slot]!)
        .sort((a, b) => filing(b.doc) - filing(a.doc) || b.score - a.score);
      slots.forEach((slot, i) => {
        out[slot] = { doc: members[i]!.doc, score: head[slot]!.score };
      });
    }
    return out;
  }

  /** Does the folded question text contain the name, or one ";" part of it, word for word? */
  private isNamedIn(doc: number, said: string): boolean {
    let phrases = this.namePhrases.get(doc);
    if (!phrases) {
      const core = coreName(this.parts.docs[doc]!.name);
      phrases = (core.includes(';') ? [core, ...core.split(';')] : [core])
        .map((part) => foldedTokens(part))
        .filter((tokens) => tokens.length >= 2)
        .map((tokens) => ` ${tokens.join(' ')} `);
      this.namePhrases.set(doc, phrases);
    }
    return phrases.some((phrase) => said.includes(phrase));
  }

  /** The parts a name is judged by: the whole (core) name, then each ";"-joined part (cached). */
  private nameSegments(doc: number): NameSegment[] {
    let segments = this.nameTerms.get(doc);
    if (!segments) {
      const full = this.parts.lexicon.spellOutAbbreviations(this.parts.docs[doc]!.name);
      const name = this.settings.rerank.precisionOnCoreName ? coreName(full) : searchableName(full);
      const texts = name.includes(';') ? [name, ...name.split(';')] : [name];
      segments = texts.map((text) => {
        const unique = new Set(
          tokenize(text)
            .filter((t) => tokenWeight(t.text) === 1)
            .map((t) => t.folded),
        );
        return {
          text,
          terms: [...unique].map((term) => ({ term, idf: this.parts.bm25.idf(term) })),
        };
      });
      this.nameTerms.set(doc, segments);
    }
    return segments;
  }

  /**
   * Rarity-weighted share of the name the question mentions. A name that joins several procedures
   * with ";" ("Chuyển mục đích sử dụng đất; chuyển hình thức sử dụng đất; gia hạn …") is judged by
   * its best-fitting part, so asking for one of them is not punished for the others.
   */
  private nameFit(doc: number, asked: ReadonlySet<string>): { precision: number; segment: number } {
    let best = { precision: 0, segment: 0 };
    this.nameSegments(doc).forEach(({ terms }, segment) => {
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

  private namePrecision(doc: number, asked: ReadonlySet<string>): number {
    return this.nameFit(doc, asked).precision;
  }

  /**
   * For each qualifier: does the question (or a lexicon meaning) ask for that variant? Syllables are
   * compared folded, but typed marks must fit ("đối với" does not ask for "cấp đổi").
   */
  private wantedQualifiers(query: AnalyzedQuery): boolean[] {
    const fits = (typed: Token, want: Token) =>
      typed.folded === want.folded && marksCompatible(typed.text, want.text);
    const occurs = (phrase: readonly Token[]) =>
      query.sequences.some((seq) => {
        for (let i = 0; i + phrase.length <= seq.length; i += 1) {
          if (phrase.every((t, k) => fits(seq[i + k]!, t))) return true;
        }
        return false;
      });
    const ages = statedAges(query.sequences[0] ?? []);
    return this.parts.lexicon.qualifiers.map((q) => {
      // "dưới 14 tuổi": a stated age decides ("con tròn 14 tuổi" is not the under-14 variant, even
      // though "con" would otherwise ask for it).
      const limit = /^duoi (\d+) tuoi$/.exec(q.name.join(' '))?.[1];
      if (limit !== undefined && ages.length > 0) return ages.some((a) => a < Number(limit));
      return q.unless.some(occurs);
    });
  }

  /**
   * Indexes of the qualifiers present in a procedure name (cached). For one ";"-joined part
   * (`segment` ≥ 1) only that part and the name's parenthetical clarifications count: "gia hạn" in
   * "Chuyển mục đích sử dụng đất; …; gia hạn sử dụng đất" is another procedure, not a variant.
   */
  private qualifiersOf(doc: number, segment = 0): number[] {
    const key = `${doc}:${segment}`;
    let found = this.nameQualifiers.get(key);
    if (!found) {
      const full = searchableName(this.parts.docs[doc]!.name);
      const part = this.nameSegments(doc)[segment];
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
      this.nameQualifiers.set(key, found);
    }
    return found;
  }
}
