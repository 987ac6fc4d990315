/**
 * @module The default {@link Retriever}: lexical BM25F and dense embeddings, fused by weighted
 * min-max scores, nudged by ranking priors, with a calibrated abstention flag.
 */
import type { Embeddings } from '@langchain/core/embeddings';
import { MAX_QUERY_CHARS, normalizeText, tokenize, type Token } from '../text/normalize.js';
import {
  ConceptCoverage,
  confidenceOf,
  phraseCoverage,
  type AbstentionFeatures,
} from './abstention.js';
import type { Bm25Index } from './bm25.js';
import { ChoiceFamilies } from './choice-families.js';
import { fuseScores, reciprocalRankFusion } from './fusion.js';
import { cutLetter, LetterReader, type LetterSentence } from './letter-reader.js';
import type { Lexicon } from './lexicon.js';
import { computePriors, type DocMeta } from './priors.js';
import { QueryAnalyzer, type AnalyzedQuery, type ExtraMeaning } from './query-analyzer.js';
import { coreName } from './procedure-text.js';
import { Situations, type CueSpan } from './situations.js';
import { NameJudge, askedTerms } from './name-fit.js';
import {
  OFFERED_CHOICES,
  type RetrievalResult,
  type Retriever,
  type SearchOptions,
} from './retriever.js';
import { DEFAULT_RETRIEVER_SETTINGS, type RetrieverSettings } from './settings.js';
import { sameProcedure } from '../catalogue/copies.js';
import type { VectorIndex } from './vector-index.js';

export {
  DEFAULT_RETRIEVER_SETTINGS,
  type ChoiceSettings,
  type RerankSettings,
  type RetrieverSettings,
  type SituationSettings,
} from './settings.js';

/** The loaded parts of an index. */
export interface RetrieverParts {
  docs: readonly DocMeta[];
  bm25: Bm25Index;
  vectors: VectorIndex;
  embeddings: Embeddings;
  lexicon: Lexicon;
  /** Life situations → procedures (situations.json when not given). */
  situations?: Situations;
  /** Procedures a resident must choose between (choice-families.json when not given). */
  choiceFamilies?: ChoiceFamilies;
}

/** Candidates looked at for distinct choices (copies of one procedure rarely take more slots). */
const DISTINCT_LOOKAHEAD = 12;
const NOTHING: RetrievalResult = { answered: false, confidence: 0, hits: [] };

/** A search with everything that led to it (for evaluation and debugging). */
export interface ExplainedResult extends RetrievalResult {
  query: AnalyzedQuery | null;
  features: AbstentionFeatures | null;
}

export class HybridRetriever implements Retriever {
  readonly settings: RetrieverSettings;
  private readonly analyzer: QueryAnalyzer;
  private readonly priors: Float32Array;
  private readonly names: NameJudge;
  /** Highest reachable raw score (fusion 1 + every bonus), so reported scores stay in 0..1. */
  private readonly maxScore: number;
  private readonly letters: LetterReader;
  private readonly situations: Situations;
  private readonly families: ChoiceFamilies;
  /** Code → document index, for the procedures situations lead to. */
  private readonly docOfCode = new Map<string, number>();
  /** Situation procedure → its core name as query tokens (built on first use). */
  private readonly nameTokens = new Map<number, Token[]>();

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
    this.names = new NameJudge(
      parts,
      this.settings.rerank.precisionOnCoreName,
      this.settings.rerank.agesDecide,
    );
    this.situations = parts.situations ?? Situations.load();
    // A name the situations or the lexicon know ("Hà Giang", a battlefield) is no writer's detail.
    this.letters = new LetterReader(undefined, this.settings.letter, (name) => {
      const tokens = tokenize(name);
      return this.situations.tell(tokens).spans.size > 0 || parts.lexicon.match(tokens).length > 0;
    });
    this.families = parts.choiceFamilies ?? ChoiceFamilies.load();
    parts.docs.forEach((d, i) => {
      if (!this.docOfCode.has(d.code)) this.docOfCode.set(d.code, i);
    });
    const { rerank } = this.settings;
    this.maxScore =
      1 +
      Math.max(0, ...this.priors) +
      rerank.namePrecision +
      rerank.nameCoverage +
      rerank.topicInName +
      rerank.namedExactly;
  }

  /** The same index with other settings (the ablation switches rules off one at a time). */
  withSettings(settings: Partial<RetrieverSettings>): HybridRetriever {
    // The loaded situations are shared, so a run compares rules on the same data.
    return new HybridRetriever(
      { ...this.parts, situations: this.situations, choiceFamilies: this.families },
      { ...this.settings, ...settings },
    );
  }

  /** Code and name of every indexed procedure (for baselines and diagnostics). */
  documents(): ReadonlyArray<{ code: string; name: string }> {
    return this.parts.docs;
  }

  async search(question: string, options: SearchOptions = {}): Promise<RetrievalResult> {
    const { answered, confidence, hits, unsure, choices } = await this.explain(question, options);
    return { answered, confidence, hits, unsure, ...(choices ? { choices } : {}) };
  }

  /** The procedures of the life situations a message tells, and their names as query wording. */
  private situationsOf(
    tokens: readonly Token[],
    letter: boolean,
    asked: readonly boolean[] | null,
    whole: { tokens: readonly Token[]; asked: readonly boolean[] | null } = { tokens, asked },
  ): { docs: Map<number, number>; extra: ExtraMeaning[]; concerned: boolean[] | null } {
    const docs = new Map<number, number>();
    const extra: ExtraMeaning[] = [];
    const { enabled } = this.settings.situations;
    const expansion = letter
      ? this.settings.situations.letterExpansion
      : this.settings.situations.expansion;
    if (!enabled) return { docs, extra, concerned: null };
    const told = this.situations.tell(whole.tokens);
    const matched = this.situations.matchTold(told.told);
    const concerns = new Set(matched.flatMap((s) => s.concerns ?? []));
    const concerned = concerns.size > 0 ? this.situations.phrasesOf(tokens, concerns) : null;
    // A letter's request decides between the situations its story and its request tell.
    const askedIn = (span: CueSpan) =>
      whole.asked !== null && whole.asked.slice(span.start, span.end).some(Boolean);
    const inRequest = matched.map((s) =>
      s.when.some((c) => (told.spans.get(c) ?? []).some(askedIn)),
    );
    const share = (i: number) =>
      inRequest.some(Boolean) && !inRequest[i] ? this.settings.situations.storyOnly : 1;
    // Situations with a cue in the request come first, so their share wins for shared procedures.
    const order = matched.map((_s, i) => i).sort((a, b) => share(b) - share(a));
    for (const i of order) {
      const situation = matched[i]!;
      for (const code of situation.procedures) {
        const doc = this.docOfCode.get(code);
        if (doc === undefined || docs.has(doc)) continue;
        docs.set(doc, share(i));
        if (expansion <= 0 || extra.length >= this.settings.situations.maxExpanded) continue;
        let means = this.nameTokens.get(doc);
        if (!means) {
          means = tokenize(coreName(this.parts.docs[doc]!.name));
          this.nameTokens.set(doc, means);
        }
        extra.push({
          means,
          weight: expansion * share(i),
          entry: { say: [], means: '', note: situation.note },
        });
      }
    }
    return { docs, extra, concerned };
  }

  async explain(question: unknown, options: SearchOptions = {}): Promise<ExplainedResult> {
    const k = Math.max(1, Math.min(this.settings.maxK, Math.floor(options.k ?? 5)));
    // Residents' own abbreviations are spelled out first: "bố tôi là NCC" tells "người có công".
    // The letter is cut before, not after: spelled out, its last sentence (often the request) would
    // otherwise fall past the reader's cut.
    let letterChars = this.settings.letter.maxChars;
    if (typeof question === 'string' && this.settings.spellOutAbbreviations) {
      const spelled = this.parts.lexicon.spellOutForReading(
        cutLetter(question, letterChars, this.settings.letter.keptOpening),
      );
      letterChars = Math.max(letterChars, spelled.length);
      question = spelled;
    }
    const text =
      typeof question === 'string' ? normalizeText(question.slice(0, MAX_QUERY_CHARS * 2)) : '';
    if (!/[\p{L}\p{N}]/u.test(text)) return { ...NOTHING, query: null, features: null };
    // A letter is read once: all its sentences for the situations, the kept ones for the query.
    const sentences =
      typeof question === 'string' ? this.letters.readAll(question, letterChars) : null;
    const letter = sentences && this.letters.fit(sentences);
    // Read (split and tokenised) once: the situations and the analyser see the same syllables.
    const read = this.analyzer.read(letter ? text : this.letters.unframe(text), letter);
    const asked = read.requestPart
      ? read.parts.flatMap((part, p) => part.map(() => read.requestPart![p]!))
      : null;
    const situation = this.situationsOf(
      read.parts.flat(),
      letter !== null,
      asked,
      sentences && this.settings.situations.wholeLetter
        ? this.wholeLetterTokens(sentences)
        : undefined,
    );
    const situationBonus = letter
      ? this.settings.situations.letterBonus
      : this.settings.situations.bonus;
    const query = this.analyzer.analyzeRead(read, situation.extra, situation.concerned);
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
    // Prepared once: the re-rank asks it for forty candidates, the confidence for the first hit.
    const coverage = new ConceptCoverage(query.concepts, bm25);
    const ranked = this.rerank(
      query,
      coverage,
      situation.docs,
      [
        ...(this.settings.fusion.method === 'rrf' ? reciprocalRankFusion : fuseScores)(
          lexical,
          dense,
          this.settings.fusion,
        ),
      ]
        .map(([doc, score]) => ({ doc, score: score + this.priors[doc]! }))
        .concat(
          // A situation's procedure competes even when the words alone did not find it.
          [...situation.docs.keys()]
            .filter((doc) => !lexical.has(doc) && !dense.has(doc))
            .map((doc) => ({ doc, score: this.priors[doc]! })),
        )
        .map(({ doc, score }) => ({
          doc,
          score: score + situationBonus * (situation.docs.get(doc) ?? 0),
        }))
        .sort((a, b) => b.score - a.score || a.doc - b.doc),
    );
    const top = ranked[0];
    if (!top) return { ...NOTHING, query, features: null };

    const features: AbstentionFeatures = {
      ...coverage.of(top.doc),
      phraseCoverage: phraseCoverage(query.phrases, top.doc, bm25),
      denseSimilarity: Math.max(0, dense.get(top.doc) ?? vectors.similarity(queryVector, top.doc)),
      topScore: Math.min(1, Math.max(0, top.score / this.maxScore)),
      nameMatch: this.names.fit(top.doc, askedTerms(query, this.settings.rerank.askedWeight))
        .precision,
      lexicon: query.lexiconHits > 0 ? 1 : 0,
      offTopic: query.offTopicHits > 0 ? 1 : 0,
    };
    const confidence = confidenceOf(features, this.settings.abstention);
    // Chit-chat gets no suggestions: "chào bạn" must not offer "chào bán chứng quyền".
    const noSuggestions =
      confidence < this.settings.suggestionFloor ||
      (features.offTopic === 1 && features.lexicon === 0);
    const report = ({ doc, score }: { doc: number; score: number }) => ({
      code: docs[doc]!.code,
      name: docs[doc]!.name,
      score: Math.round(Math.min(1, Math.max(0, score / this.maxScore)) * 10_000) / 10_000,
    });
    const suggest = !(noSuggestions && confidence < this.settings.abstention.threshold);
    const hits = suggest ? ranked.slice(0, k).map(report) : [];
    // Unsure when another procedure is close: copies of one procedure (same name, or Thanh Hóa's
    // lightly renamed copy of a national record) are one choice, and never a runner-up.
    const choices = suggest ? this.distinctProcedures(ranked, OFFERED_CHOICES).map(report) : [];
    const runnerUp = choices[1];
    const sure = confidence >= this.settings.abstention.threshold;
    // A letter not clear enough to answer is offered choices rather than declined (settings.ts).
    const letterChoices =
      letter !== null &&
      !sure &&
      runnerUp !== undefined &&
      confidence >= this.settings.choices.letterFloor;
    // Sure of a family (choice-families.json) but not of its member: the resident decides.
    const familyChoice = choices
      .slice(1)
      .some(
        (c) =>
          this.families.together(choices[0]!.code, c.code) &&
          choices[0]!.score - c.score < this.settings.choices.familyGap,
      );
    const unsure =
      letterChoices ||
      familyChoice ||
      (runnerUp !== undefined &&
        choices[0]!.score - runnerUp.score <
          (letter ? this.settings.choices.letterGap : this.settings.choices.gap));
    return {
      answered: sure || letterChoices,
      confidence: Math.round(confidence * 10_000) / 10_000,
      hits,
      unsure,
      ...(unsure ? { choices } : {}),
      query,
      features,
    };
  }

  /** A letter's every sentence tokenised, with whether each token is in a request sentence. */
  private wholeLetterTokens(sentences: readonly LetterSentence[]) {
    const read = this.analyzer.read('', sentences);
    return {
      tokens: read.parts.flat(),
      asked: read.parts.flatMap((part, p) => part.map(() => read.requestPart![p]!)),
    };
  }

  /** The first `n` candidates that are different procedures for a resident (copies count once). */
  private distinctProcedures(ranked: ReadonlyArray<{ doc: number; score: number }>, n: number) {
    const out: Array<{ doc: number; score: number }> = [];
    for (const candidate of ranked.slice(0, DISTINCT_LOOKAHEAD)) {
      if (out.length >= n) break;
      const d = this.parts.docs[candidate.doc]!;
      if (!out.some((o) => sameProcedure(this.parts.docs[o.doc]!, d))) out.push(candidate);
    }
    return out;
  }

  /** Adds name-fit features to the best candidates and re-sorts them (the tail keeps its order). */
  private rerank(
    query: AnalyzedQuery,
    conceptsInName: ConceptCoverage,
    situationDocs: ReadonlyMap<number, number>,
    ranked: Array<{ doc: number; score: number }>,
  ) {
    const {
      candidates,
      namePrecision,
      nameCoverage,
      topicInName,
      qualifierPenalty,
      maxQualifierPenalties,
      namedExactly,
    } = this.settings.rerank;
    // The question's own words, folded; blanked question phrases break adjacency.
    const said = ` ${(query.sequences[0] ?? []).map((t) => t.folded || '|').join(' ')} `;
    const topics = query.concepts.filter((c) => c.fromLexicon);
    const asked = askedTerms(query, this.settings.rerank.askedWeight);
    // The names a told situation adds ask for a variant of that situation's own procedures only:
    // "điều chỉnh" in the name of the land-use change it leads to does not ask for "Điều chỉnh
    // quyết định giao đất".
    const wantedByWords = this.names.wantedQualifiers(query, false);
    const wantedWithSituations = this.names.wantedQualifiers(query);
    const topicsInName = new ConceptCoverage(topics, this.parts.bm25);
    const head = ranked.slice(0, candidates).map(({ doc, score }) => {
      const { precision, segment } = this.names.fit(doc, asked);
      const coverage = conceptsInName.of(doc).nameCoverage;
      const topic = topics.length > 0 ? topicsInName.of(doc).nameCoverage : 0;
      const qualifiers = this.parts.lexicon.qualifiers;
      const wanted = situationDocs.has(doc) ? wantedWithSituations : wantedByWords;
      const unasked = this.names
        .qualifiersOf(doc, segment)
        .reduce((n, q) => n + (wanted[q] ? 0 : qualifiers[q]!.weight), 0);
      return {
        doc,
        score:
          score +
          namePrecision * precision +
          nameCoverage * coverage +
          topicInName * topic -
          qualifierPenalty * Math.min(maxQualifierPenalties, unasked) +
          (this.names.isNamedIn(doc, said) ? namedExactly : 0),
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
      const key = this.names.copyKey(h.doc);
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
}
