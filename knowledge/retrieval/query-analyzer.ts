/**
 * @module Turns a resident's question into weighted index terms: normalise, repair Telex leftovers and
 * typos against the catalogue vocabulary, expand lexicon phrases into catalogue wording, weigh filler
 * and question words down, and — when the resident did type diacritics — prefer catalogue words whose
 * marks fit what was typed.
 */
import { SyllableCorrector } from '../text/fuzzy.js';
import { MAX_QUERY_CHARS, hasMarks, markSet, type Token } from '../text/normalize.js';
import { telexToFolded } from '../text/telex.js';
import { clauseIds, sentenceParts } from './clause-weights.js';
import type { LetterSentence } from './letter-reader.js';
import {
  DEFAULT_LEXICON_MATCH,
  type Lexicon,
  type LexiconEntry,
  type LexiconMatchSettings,
} from './lexicon.js';
import { QUERY_WORDS } from './query-words.js';
import {
  ALL_RULES_ON,
  applyRules,
  queryTokens,
  type QueryRuleName,
  type QueryToken,
} from './query-rules.js';
import { ACCENT_PREFIX, accentTerm, parseAccentTerm } from './terms.js';

/**
 * Query-side weights and thresholds; defaults chosen on the dev set (README.md). Each says why it
 * exists; the rules that use them are described in README.md "How a question is handled".
 */
export interface QueryWeights {
  /** Weight of filler words (pronouns, particles, question words: words.json "filler"): present in names too, so kept, but low. */
  fillerWeight: number;
  /** Weight of "what about it" words (papers, fee, office: words.json "askAbout"): they ask about a procedure, not which one. */
  askAboutWeight: number;
  /** Weight of neighbouring-syllable pairs relative to their syllables: word order tells "đất ở" from "ở đất". */
  bigram: number;
  /** Share of a marked syllable's weight given to catalogue forms whose marks fit: typed marks break ties. */
  accent: number;
  /** Weight left on the resident's own words once a lexicon phrase has translated them: the meaning speaks for them. */
  translated: number;
  /** Weight of question phrases' words ("mất bao lâu", "lệ phí"): they ask about a procedure, never which one. */
  questionPhrase: number;
  /**
   * A lexicon meaning is ONE concept however long its wording: its terms share this many terms'
   * worth of weight, so "giấy chứng nhận quyền sử dụng đất" does not drown the resident's other words.
   */
  expansionBudget: number;
  /**
   * Share of weight kept by a purpose clause ("muốn chuyển đất vườn lên thổ cư để xây nhà"): after
   * a main request, "để …" says why, not what is being asked for.
   */
  purpose: number;
  /** Share of weight kept by the papers named after a copy request ("sao y sổ hộ khẩu"): the copy is asked for. */
  object: number;
  /**
   * Share of weight kept by the situation told before the request ("bố mất rồi, **giờ** muốn đổi chủ
   * hộ"): the story explains, the part after "giờ"/"bây giờ"/"nay" asks.
   */
  background: number;
  /**
   * Share of weight kept by the story sentences of a letter (letter-reader.ts): "Ông X là thương
   * binh… chuyển về ở với con gái" is context; "Hồ sơ trợ cấp của ông phải làm thế nào?" asks.
   */
  story: number;
  /**
   * Share of strength kept by a background lexicon phrase (weight < 1, "bố mất") when a life
   * situation (situations.ts) already explains the message: the death is why the family asks about
   * the land, not a death registration.
   */
  explained: number;
  /**
   * Share of weight kept by the words that say whom a life situation concerns (situations/*.json
   * `concerns`): in "Mẹ tôi là Bà mẹ Việt Nam anh hùng, vừa mất" the death decides the procedure,
   * the title only says who died.
   */
  concerned: number;
  /** Weight of an age word after a number ("bà nội 81 tuổi"): a condition, not a topic that should pull names with "tuổi". */
  statedAge: number;
  /** Content syllables a request needs before a purpose clause or after a "giờ" turn: "giờ làm sao" has no request of its own. */
  minMainRequest: number;
  /** At most this many syllables of a question are used: long messages ramble; a letter is cut by letter-reader instead. */
  maxTokens: number;
  /** How many procedures a lexicon phrase's neighbouring pair counts for as typo-repair evidence: residents' pairs ("bao nhiêu") are as telling as common catalogue phrases. */
  lexiconPairEvidence: number;
  /** Shortest unknown syllable repaired as a one-edit typo: short words have too many neighbours ("alo" → "lao"). */
  minTypoLength: number;
  /** Lexicon phrase matching. */
  lexicon: LexiconMatchSettings;
  /**
   * On/off switch of each rule (query-rules.ts), of typo repair, and of `storyChitChat` (in a
   * letter that tells a life situation, a chit-chat phrase told in the story — "gần đây hay đau
   * đầu", "không tự nấu ăn được" — does not make the letter chit-chat; only one in a request
   * sentence does): all on by default; the ablation switches each off in turn.
   */
  rules: Record<QueryRuleName | 'repair' | 'storyChitChat', boolean>;
}

/**
 * Extra catalogue wording for a question, found outside the lexicon (a life situation's procedures,
 * situations.ts): added like a lexicon meaning, `weight` its strength.
 */
export interface ExtraMeaning {
  means: readonly Token[];
  weight: number;
  entry: LexiconEntry;
}

export const DEFAULT_QUERY_WEIGHTS: QueryWeights = {
  fillerWeight: 0.1,
  askAboutWeight: 0.35,
  bigram: 1.0,
  accent: 0.5,
  translated: 0.5,
  questionPhrase: 0.05,
  expansionBudget: 3,
  purpose: 0.25,
  object: 0.2,
  background: 0.5,
  story: 0.5,
  explained: 0.4,
  concerned: 0.25,
  statedAge: 0.6,
  minMainRequest: 2,
  maxTokens: 64,
  lexiconPairEvidence: 100,
  minTypoLength: 4,
  lexicon: DEFAULT_LEXICON_MATCH,
  rules: { ...ALL_RULES_ON, repair: true, storyChitChat: true },
};

/** One syllable of a concept: found in a procedure when any of `accepts` is among its terms. */
export interface ConceptSyllable {
  folded: string;
  accepts: string[];
}

/** Something the question asks about, used to judge how much of it a result covers. */
export interface QueryConcept {
  syllables: ConceptSyllable[];
  /** Importance (the caller scales it by rarity). */
  weight: number;
  /** True for a lexicon meaning (a recognised topic), false for a word of the question itself. */
  fromLexicon: boolean;
}

/** A question as the retriever sees it. */
export interface AnalyzedQuery {
  /** Index term → query weight. */
  terms: Map<string, number>;
  concepts: QueryConcept[];
  /** Folded text with lexicon expansions, for the dense embedding. */
  denseText: string;
  /** How many lexicon phrases with a catalogue meaning matched. */
  lexiconHits: number;
  /** How many chit-chat phrases (greetings, weather, prices…) matched. */
  offTopicHits: number;
  /** Folded two-syllable phrases that carry the topic (content words, lexicon meanings). */
  phrases: string[];
  /** The question's syllables as typed (after repair), then each lexicon meaning's syllables. */
  sequences: Token[][];
  /** Each syllable of the question with its clause, weight and the reasons for it. */
  tokens: QueryToken[];
  /**
   * Syllables that say whom the message concerns, not what it asks (situations.ts `concerns`): they
   * still find the field, but a procedure named after them is not thereby asked for (name-fit.ts).
   */
  unasked?: ReadonlySet<string>;
  /**
   * How many of the last `sequences` are the names of procedures a told situation leads to (not
   * the question's words, nor a lexicon meaning of them): they ask for those procedures only.
   */
  situationSequences?: number;
}

/** A question or letter split into sentence parts and tokenised (once per search). */
export interface ReadQuestion {
  parts: Token[][];
  /** For a letter, whether each part is in a request sentence; null for a question. */
  requestPart: boolean[] | null;
}

/** A word a rule says asks for nothing, blanked in the question's own words. */
const NOT_SAID: Token = { text: '', folded: '' };

/** Stateless per question; built once per index (vocabulary) and shared. */
export class QueryAnalyzer {
  private readonly corrector: SyllableCorrector;
  /** Folded syllable → the catalogue's accented terms for it, with their marks. */
  private readonly accentForms = new Map<string, Array<{ term: string; marks: Set<string> }>>();

  /**
   * @param lexicon resident-language phrases.
   * @param vocabulary folded syllables of the catalogue and how many procedures use each.
   * @param accented the catalogue's accented terms (terms.ts `accentTerm`).
   * @param pairFrequency how many procedures use a folded two-syllable phrase ("thuong tru"), so a
   *   typo is repaired to the word that fits its neighbours rather than the most frequent one.
   */
  constructor(
    private readonly lexicon: Lexicon,
    private readonly vocabulary: ReadonlyMap<string, number>,
    accented: Iterable<string>,
    private readonly weights: QueryWeights = DEFAULT_QUERY_WEIGHTS,
    private readonly pairFrequency: (pair: string) => number = () => 0,
  ) {
    this.corrector = new SyllableCorrector(vocabulary);
    for (const term of accented) {
      const { folded, marks } = parseAccentTerm(term);
      const list = this.accentForms.get(folded);
      if (list) list.push({ term, marks });
      else this.accentForms.set(folded, [{ term, marks }]);
    }
  }

  /** Query weight of a word by its kind (words.json): filler, "what about it", or content (1). */
  private wordWeight(typed: string): number {
    if (!this.weights.rules.wordKind) return 1;
    const kind = QUERY_WORDS.kind(typed);
    return kind === 'filler'
      ? this.weights.fillerWeight
      : kind === 'askAbout'
        ? this.weights.askAboutWeight
        : 1;
  }

  private known(folded: string): boolean {
    return this.vocabulary.has(folded) || this.lexicon.triggerSyllables.has(folded);
  }

  /**
   * Repairs Telex leftovers and one-edit typos of syllables the catalogue and lexicon never use. Among
   * the one-edit candidates, the one that forms a catalogue phrase with its neighbours wins ("dang ky
   * thuog tru" → thường trú, not the more frequent "thuốc"); without such evidence, the most frequent.
   */
  repair(tokens: Token[]): Token[] {
    const out = [...tokens];
    tokens.forEach((t, i) => {
      if (this.known(t.folded) || /^\d+$/.test(t.folded)) return;
      const telex = telexToFolded(t.folded);
      if (telex !== undefined && this.known(telex)) {
        out[i] = { text: telex, folded: telex };
        return;
      }
      // Short words have too many one-edit neighbours ("alo" → "lao") to guess safely.
      if (t.folded.length < this.weights.minTypoLength) return;
      // Typed marks must fit: "thươg" may be "thường" or "thước", never "thuốc".
      const typed = markSet(t.text);
      const fits = (candidate: string) =>
        typed.size === 0 ||
        (this.accentForms.get(candidate) ?? []).some((f) =>
          [...typed].every((m) => f.marks.has(m)),
        );
      const candidates = this.corrector.candidates(t.folded, fits);
      if (candidates.length === 0) return;
      const before = out[i - 1]?.folded;
      const after = tokens[i + 1]?.folded;
      // A pair residents say ("bao nhiêu") counts as much as a common catalogue phrase.
      const evidence = (pair: string) =>
        this.pairFrequency(pair) +
        (this.lexicon.triggerPairs.has(pair) ? this.weights.lexiconPairEvidence : 0);
      const context = (c: string) =>
        (before ? evidence(`${before} ${c}`) : 0) + (after ? evidence(`${c} ${after}`) : 0);
      let best = candidates[0]!;
      let bestContext = context(best);
      for (const c of candidates.slice(1)) {
        const n = context(c);
        if (n > bestContext) [best, bestContext] = [c, n];
      }
      out[i] = { text: best, folded: best };
    });
    return out;
  }

  /**
   * Catalogue forms a syllable may stand for: all forms when typed without marks; otherwise the forms
   * whose marks fit, or none when the resident typed a word the catalogue never uses.
   */
  private accepts(t: Token): string[] {
    const forms = this.accentForms.get(t.folded) ?? [];
    if (!hasMarks(t.text)) return [t.folded];
    const typed = markSet(t.text);
    const fitting = forms.filter((f) => [...typed].every((m) => f.marks.has(m))).map((f) => f.term);
    // A syllable the catalogue only writes without marks ("hộ" vs "ho") cannot be checked.
    const plainInCatalogue = this.vocabulary.has(t.folded) && forms.length === 0;
    return plainInCatalogue ? [t.folded] : fitting;
  }

  /**
   * The sentence parts of a question, or of a letter's sentences, tokenised once: the clause rules
   * need to know where parts end, and the situations read the same tokens.
   * @param letter the sentences of a letter (letter-reader.ts), read instead of `question`.
   */
  read(question: string, letter: readonly LetterSentence[] | null = null): ReadQuestion {
    const sentences = letter ?? [{ text: question.slice(0, MAX_QUERY_CHARS), request: true }];
    const parts: Token[][] = [];
    const request: boolean[] = [];
    for (const sentence of sentences) {
      for (const part of sentenceParts(sentence.text)) {
        parts.push(part);
        request.push(sentence.request);
      }
    }
    return { parts, requestPart: letter ? request : null };
  }

  /**
   * @param letter the sentences of a letter (letter-reader.ts), read instead of `question`: the story
   *   sentences weigh `story`, the request sentences fully.
   * @param extra catalogue wording found outside the lexicon (situations.ts).
   */
  analyze(
    question: string,
    letter: readonly LetterSentence[] | null = null,
    extra: readonly ExtraMeaning[] = [],
  ): AnalyzedQuery {
    return this.analyzeRead(this.read(question, letter), extra);
  }

  /** {@link analyze} on a question already {@link read}. */
  /**
   * @param concerned for each syllable of `read`, whether it says whom a life situation concerns
   *   (situations.ts `concerns`), not what is asked.
   */
  analyzeRead(
    read: ReadQuestion,
    extra: readonly ExtraMeaning[] = [],
    concerned: readonly boolean[] | null = null,
  ): AnalyzedQuery {
    const w = this.weights;
    const { parts, requestPart } = read;
    const repaired = w.rules.repair ? this.repair(parts.flat()) : parts.flat();
    const raw = repaired.slice(0, requestPart ? undefined : w.maxTokens);
    const tokens = queryTokens(raw, clauseIds(parts));
    const matches = this.lexicon.match(raw, w.lexicon);
    const accepted = raw.map((t) => this.accepts(t));
    applyRules(
      {
        tokens,
        matches,
        requestClause: requestPart,
        concerned,
        weights: w,
      },
      w.rules,
    );

    const terms = new Map<string, number>();
    const add = (term: string, weight: number) => {
      if (weight > (terms.get(term) ?? 0)) terms.set(term, weight);
    };
    const concepts: QueryConcept[] = [];
    const expansionTexts: string[] = [];
    // The question's own words for qualifier checks; words a rule marked as not asking for anything
    // (question phrases such as "mất bao lâu", negations) are blanked.
    const own = tokens.map((t) => (t.said ? { text: t.text, folded: t.folded } : NOT_SAID));
    const sequences: Token[][] = [own];
    let lexiconHits = 0;
    let offTopicHits = 0;
    let politeHits = 0;
    const phrases = new Set<string>();

    const extraMatches = extra.map((e) => ({
      start: -1,
      end: -1,
      means: e.means,
      entry: { ...e.entry, weight: e.weight },
    }));
    // A chit-chat phrase in a letter's story, when the letter tells a life situation, is part of
    // the story (an illness, a meal), not what is asked (QueryWeights.rules.storyChitChat).
    const toldInStory = (start: number) =>
      w.rules.storyChitChat &&
      requestPart !== null &&
      extra.length > 0 &&
      start >= 0 &&
      requestPart[tokens[start]!.clause] === false;
    let situationSequences = 0;
    for (const m of [...matches, ...extraMatches]) {
      if (m.entry.kind === 'offtopic' && m.entry.polite) politeHits += 1;
      else if (m.entry.kind === 'offtopic' && !toldInStory(m.start)) offTopicHits += 1;
      if (m.means.length === 0) continue;
      lexiconHits += 1;
      sequences.push([...m.means]);
      if (m.start < 0) situationSequences += 1;
      const means = m.means.map((t) => t.folded);
      const content = m.means.filter((t) => QUERY_WORDS.isContent(t.text)).length;
      const share = Math.min(1, w.expansionBudget / Math.max(1, content));
      // A background situation told as background is not discounted twice.
      const background = m.start >= 0 && (m.entry.weight ?? 1) < 1 && extra.length > 0;
      const strength =
        Math.min(m.start < 0 ? 1 : tokens[m.start]!.factor, m.entry.weight ?? 1) *
        (background ? w.explained : 1);
      const meansWeights = m.means.map((t) => this.wordWeight(t.text) * share * strength);
      means.forEach((t, i) => {
        const tw = meansWeights[i]!;
        add(t, tw);
        const typed = m.means[i]!.text;
        if (hasMarks(typed)) add(accentTerm(typed), tw * w.accent);
        if (i === 0) return;
        const pair = `${means[i - 1]} ${t}`;
        add(pair, w.bigram * Math.sqrt(tw * meansWeights[i - 1]!));
        if (QUERY_WORDS.isContent(m.means[i]!.text) && QUERY_WORDS.isContent(m.means[i - 1]!.text))
          phrases.add(pair);
      });
      const syllables = m.means
        .filter((t) => QUERY_WORDS.isContent(t.text))
        .map((t) => ({ folded: t.folded, accepts: [t.folded] }));
      concepts.push({ syllables, weight: strength, fromLexicon: true });
      expansionTexts.push(means.join(' '));
    }

    tokens.forEach((t, i) => {
      const forms = accepted[i]!.filter((a) => a.startsWith(ACCENT_PREFIX));
      if (forms.length > 0) {
        add(t.folded, t.weight * (1 - w.accent));
        for (const f of forms) add(f, t.weight * w.accent);
      } else {
        add(t.folded, t.weight);
      }
      if (t.kind === 'content' && t.weight >= w.translated * t.factor) {
        concepts.push({
          syllables: [{ folded: t.folded, accepts: accepted[i]! }],
          weight: t.factor,
          fromLexicon: false,
        });
      }
    });
    // Bigrams are matched folded, so a marked word that folds to a filler ("chỗ" → "cho") pairs as
    // loosely as the filler would: "khai sinh chỗ mô" must not match "khai sinh cho người…".
    const pairWeight = (t: QueryToken) => Math.min(t.weight, this.wordWeight(t.folded));
    const content = (t: QueryToken) => t.weight >= w.translated && t.kind === 'content';
    for (let i = 0; i + 1 < tokens.length; i += 1) {
      const [a, b] = [tokens[i]!, tokens[i + 1]!];
      const bg = `${a.folded} ${b.folded}`;
      add(bg, w.bigram * Math.sqrt(pairWeight(a) * pairWeight(b)));
      if (content(a) && content(b)) phrases.add(bg);
    }

    return {
      terms,
      concepts,
      denseText: [tokens.map((t) => t.folded).join(' '), ...expansionTexts].join(' '),
      lexiconHits,
      // "chào anh chị, em vừa sinh bé…": a greeting is only chit-chat when nothing else is asked,
      // and never in a letter (several sentences and a request): there the greeting "hi" was
      // "hy sinh" (died in the war), whose "hy" is how "hi" is spelled once tokenised.
      offTopicHits: offTopicHits + (lexiconHits === 0 && requestPart === null ? politeHits : 0),
      phrases: [...phrases],
      sequences,
      tokens,
      unasked: new Set(tokens.filter((_t, i) => concerned?.[i]).map((t) => t.folded)),
      situationSequences,
    };
  }
}
