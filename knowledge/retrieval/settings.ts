/**
 * @module Every weight and threshold of retrieval in one place, each with why it exists. Defaults are
 * the dev-set choices documented in README.md; `npm run eval -- --ablation` shows what each rule earns.
 */
import { DEFAULT_ABSTENTION, type AbstentionModel } from './abstention.js';
import { DEFAULT_FUSION_WEIGHTS, type FusionWeights } from './fusion.js';
import { DEFAULT_LETTER_SETTINGS, type LetterSettings } from './letter-reader.js';
import { DEFAULT_PRIORS, type PriorSettings } from './priors.js';
import { DEFAULT_QUERY_WEIGHTS, type QueryWeights } from './query-analyzer.js';

/** How life situations told in a message (situations.ts) weigh in. */
export interface SituationSettings {
  /** A story names a situation ("bố mất … mảnh đất") whose procedure it never names. */
  enabled: boolean;
  /** Strength of a situation's procedure names added to the query, like a lexicon meaning. */
  expansion: number;
  /** Score bonus for a situation's procedures (before the name re-rank). */
  bonus: number;
  /**
   * The same two for a letter (letter-reader.ts): a letter tells its situation and seldom names the
   * procedure, while a short question that names a situation usually names what it wants too.
   */
  letterExpansion: number;
  /**
   * 0.5 (was 0.4), chosen on 667 letters of twelve tuning sets read at first sight (each at the commit
   * that added it, before any data was written for it): hit@1 / hit@3 / offered 0.762 / 0.877 / 0.831
   * → 0.763 / 0.886 / 0.835, asking back 0.294 → 0.277; 0.3 lost hit@1 (0.748), 0.6 gave the same as 0.5.
   */
  letterBonus: number;
  /**
   * In a letter, when some situations are told in its request sentences and others only in its
   * story, the story-only ones keep this share of their expansion and bonus: "có nhà riêng trên
   * cùng thửa đất… **nay con muốn tách ra thành hộ riêng**" asks about the household, not the plot.
   */
  storyOnly: number;
  /**
   * Situations are read in the whole letter, not only in the part the query keeps
   * (LetterSettings.maxSyllables): a long letter tells its situation wherever it likes.
   */
  wholeLetter: boolean;
  /**
   * At most this many situation procedures add their names as wording (all keep their bonus): a
   * long letter that tells many situations otherwise adds dozens of names, which cost time in the
   * re-rank and earned nothing (every set the same at 6, 8 or 12).
   */
  maxExpanded: number;
}

/** When the best hit is not clearly ahead, the first three are offered as choices. */
export interface ChoiceSettings {
  /**
   * Offer choices when the best different procedure (copies of the first hit do not count) is
   * within this reported score of the best hit (scores are 0..1). 0.04 asks back on 9–16 % of
   * short questions (the answerer's old rule asked on ~14 %); 0.05 also asked back on clear
   * questions such as "chứng thực bản sao lệ phí bao nhiêu" (tests/conversation/resident-answers).
   */
  gap: number;
  /**
   * The same for a letter (letter-reader.ts): a story mentions several procedures' words, so the
   * first hit of a letter is less certain than that of a short question at the same gap.
   */
  letterGap: number;
  /**
   * A letter whose confidence is below the abstention threshold but at least this is answered
   * with choices instead of being declined: a long letter telling a resident's situation is almost
   * never off-topic, and a declined letter got only "I'm not sure" (no suggestions unless it asked
   * for a fee or papers) although the right procedure was often first.
   */
  letterFloor: number;
  /**
   * Offer choices when a runner-up within this reported score of the first hit is of the first
   * hit's family (choice-families.json): the question seldom tells the fact that decides between
   * them. 0 switches the rule off. First-sight letters of the Bà mẹ Việt Nam anh hùng family had
   * gaps of 0.20–0.28 to the family's runner-up, right or wrong; 0.3 took them and not the clear
   * short questions naming one member. With the stronger letter bonus (0.5) the first hit of such a
   * letter reaches the score's ceiling and the gap widens to about 0.32: 0.35.
   */
  familyGap: number;
}

/**
 * Re-ranking of the best fused candidates by how well the procedure NAME fits the question: residents
 * ask for the plain procedure, so a name with qualifiers the question never mentions ("lưu động",
 * "có yếu tố nước ngoài") should lose to the plain one.
 */
export interface RerankSettings {
  /** How many of the best fused candidates are re-ranked: the right one is nearly always among 40. */
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
  /** At most this many variant penalties per name: a name full of markers is still the only match sometimes. */
  maxQualifierPenalties: number;
  /**
   * Bonus when the question contains the whole name (or one ";" part of it) word for word ("đăng ký
   * thường trú cho bố về hưu"): a resident who types a procedure's name means that procedure.
   */
  namedExactly: number;
  /** A stated age decides a variant with an age limit ("con tròn 14 tuổi" is not "dưới 14 tuổi"). */
  agesDecide: boolean;
  /** A query word counts as asked for (name precision) from this weight: filler (0.1) and question phrases (0.05) do not. */
  askedWeight: number;
}

/** Tunable knobs; defaults are the dev-set choices documented in README.md. */
export interface RetrieverSettings {
  /** How the question becomes weighted terms (query-analyzer.ts and its rules). */
  query: QueryWeights;
  /** How lexical and dense scores combine. */
  fusion: FusionWeights;
  /** Name fit of the best candidates. */
  rerank: RerankSettings;
  /** Ranking sense: commune level, citizens, our province. */
  priors: PriorSettings;
  /** When to answer rather than decline. */
  abstention: AbstentionModel;
  /** BM25 candidates fused: beyond 100 a lexical match is too weak to win. */
  lexicalCandidates: number;
  /** Dense candidates fused: the dense side only breaks near-ties (weight 0.1). */
  denseCandidates: number;
  /** Below this confidence the hits are not even worth offering as suggestions. */
  suggestionFloor: number;
  /** At most this many hits per search: nobody reads further, and the re-rank cost grows with k. */
  maxK: number;
  /** Reading long letters (letter-reader.ts). */
  letter: LetterSettings;
  /** Life situations → procedures (situations.ts). */
  situations: SituationSettings;
  /** When to offer choices. */
  choices: ChoiceSettings;
  /**
   * Spell out residents' own abbreviations (lexicon.json `residentAbbreviations`) in the message
   * before it is read ("bố tôi là NCC" → "… người có công"), so that situation cues and request
   * markers see the words. The shared abbreviations (BHXH…) are not touched: the index holds both.
   */
  spellOutAbbreviations: boolean;
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
    maxQualifierPenalties: 2,
    namedExactly: 0.15,
    askedWeight: 0.3,
    agesDecide: true,
    precisionOnCoreName: true,
    preferFilingVariant: true,
  },
  priors: DEFAULT_PRIORS,
  abstention: DEFAULT_ABSTENTION,
  lexicalCandidates: 100,
  denseCandidates: 50,
  suggestionFloor: 0.15,
  maxK: 50,
  letter: DEFAULT_LETTER_SETTINGS,
  situations: {
    enabled: true,
    expansion: 0.5,
    bonus: 0.2,
    letterExpansion: 0.7,
    letterBonus: 0.5,
    storyOnly: 0.5,
    wholeLetter: true,
    maxExpanded: 8,
  },
  choices: { gap: 0.04, letterGap: 0.12, letterFloor: 0.25, familyGap: 0.35 },
  spellOutAbbreviations: true,
};
