/**
 * @module The query rules as named steps. Each syllable of a question is one {@link QueryToken}
 * record; each rule looks at a token in its context and returns an effect — a factor on the part of
 * the message the token is in, a factor on the word itself, or a cap on its weight — or nothing.
 * Effects combine explicitly and in any order: factor = min(Π factor, min factorCap); weight =
 * min(fixed ?? Π scale × factor, min cap). No rule can silently undo another (the old parallel arrays let a later pass overwrite the stated-age cap).
 * Every rule has its setting in {@link QueryWeights} and an on/off switch in `QueryWeights.rules`
 * (`npm run eval -- --ablation` measures each one switched off).
 */
import type { Token } from '../text/normalize.js';
import { backgroundFactors, purposeFactors } from './clause-weights.js';
import type { LexiconMatch } from './lexicon.js';
import { QUERY_WORDS, type WordKind } from './query-words.js';

/** One syllable of the question, with everything the rules decided about it. */
export interface QueryToken {
  /** As typed (after Telex and typo repair), lower case, NFC. */
  readonly text: string;
  /** Marks stripped, đ → d. */
  readonly folded: string;
  /** Index of the sentence part it is in (split at punctuation). */
  readonly clause: number;
  /** Filler, "what about it" word, or content (words.json). */
  readonly kind: WordKind;
  /** How much the part of the message it is in counts (product of the `factor` effects). */
  factor: number;
  /** Final query weight. */
  weight: number;
  /** False once a rule says the word asks for nothing ("mất bao lâu", "không có lương hưu"). */
  said: boolean;
  /** Why the weight is what it is, one entry per effect ("purpose ×0.25", "translated ≤0.5"). */
  reasons: string[];
}

/** What a rule does to one token. */
export type RuleEffect =
  /** The part of the message counts less (a purpose clause, a story): multiplies `factor` and the weight. */
  | { factor: number }
  /** The part counts at most this much, however much the other clause rules leave it (papers after a copy request). */
  | { factorCap: number }
  /** The word itself counts less (filler, a stated age): multiplies the weight only. */
  | { scale: number }
  /** The word weighs exactly this, wherever it stands (question phrases); `unsaid` drops it from "what was said". */
  | { fixed: number; unsaid?: boolean }
  /** The weight can be no higher, whatever else applies. */
  | { cap: number };

/** The names of the rules, in the order they are listed (their order does not change the result). */
export const QUERY_RULE_NAMES = [
  'wordKind',
  'story',
  'background',
  'purpose',
  'objects',
  'statedAge',
  'translated',
  'questionPhrase',
  'negation',
  'concerned',
] as const;
export type QueryRuleName = (typeof QUERY_RULE_NAMES)[number];

/** The settings the rules read (a part of `QueryWeights`). */
export interface RuleWeights {
  fillerWeight: number;
  askAboutWeight: number;
  story: number;
  concerned: number;
  background: number;
  purpose: number;
  object: number;
  statedAge: number;
  translated: number;
  questionPhrase: number;
  minMainRequest: number;
}

/** What a rule may look at besides the token. */
export interface RuleContext {
  readonly tokens: readonly QueryToken[];
  /** Lexicon phrases found in the question (question phrases have an empty meaning). */
  readonly matches: readonly LexiconMatch[];
  /** Null for a question; for a letter, whether each sentence part is in a request sentence. */
  readonly requestClause: readonly boolean[] | null;
  /** Whether each token says whom a life situation concerns (situations.ts `concerns`), or null. */
  readonly concerned?: readonly boolean[] | null;
  readonly weights: RuleWeights;
}

/** A named step: prepared once per question, then asked about each token. */
export interface QueryRule {
  readonly name: QueryRuleName;
  /** Why the rule exists, in one line. */
  readonly why: string;
  /** The `QueryWeights` settings it applies. */
  readonly settings: ReadonlyArray<keyof RuleWeights>;
  prepare(ctx: RuleContext): (token: QueryToken, i: number) => RuleEffect | null;
}

/** Marks the tokens of the matches `pick` selects: token index → true. */
function spans(ctx: RuleContext, pick: (m: LexiconMatch) => boolean): boolean[] {
  const inside = ctx.tokens.map(() => false);
  for (const m of ctx.matches) {
    if (!pick(m)) continue;
    for (let i = Math.max(0, m.start); i < m.end; i += 1) inside[i] = true;
  }
  return inside;
}

/** A factor per token from one of the clause-weights.ts functions, as effects. */
function clauseEffect(factors: readonly number[]) {
  return (_t: QueryToken, i: number): RuleEffect | null =>
    factors[i]! < 1 ? { factor: factors[i]! } : null;
}

const isQuestionPhrase = (m: LexiconMatch) => m.means.length === 0;

/** All query rules. */
export const QUERY_RULES: readonly QueryRule[] = [
  {
    name: 'wordKind',
    why: 'Pronouns, particles and question words wrap the subject; papers/fee/office words ask about a procedure, not which one.',
    settings: ['fillerWeight', 'askAboutWeight'],
    prepare:
      ({ weights: w }) =>
      (t) =>
        t.kind === 'filler'
          ? { scale: w.fillerWeight }
          : t.kind === 'askAbout'
            ? { scale: w.askAboutWeight }
            : null,
  },
  {
    name: 'story',
    why: "A letter's story sentences are context; its request sentences ask.",
    settings: ['story'],
    prepare:
      ({ requestClause, weights: w }) =>
      (t) =>
        requestClause && !requestClause[t.clause] ? { factor: w.story } : null,
  },
  {
    name: 'background',
    why: 'The situation told before "giờ / bây giờ / nay" explains; the part after it asks.',
    settings: ['background', 'minMainRequest'],
    // A letter's request/story split replaces this rule (it would discount the story twice).
    prepare: (ctx) =>
      ctx.requestClause
        ? () => null
        : clauseEffect(
            backgroundFactors(
              ctx.tokens,
              ctx.tokens.map((t) => t.clause),
              ctx.weights.background,
              ctx.weights.minMainRequest,
            ),
          ),
  },
  {
    name: 'purpose',
    why: 'After a main request, "để …" says why, not what ("chuyển đất lên thổ cư để xây nhà").',
    settings: ['purpose', 'minMainRequest'],
    prepare: (ctx) => {
      const topicStarts = ctx.matches.filter((m) => m.means.length > 0).map((m) => m.start);
      return clauseEffect(
        purposeFactors(
          ctx.tokens,
          ctx.tokens.map((t) => t.clause),
          ctx.weights.purpose,
          ctx.weights.minMainRequest,
          (i) =>
            topicStarts.some(
              (start) => start < i && ctx.tokens[start]!.clause === ctx.tokens[i]!.clause,
            ),
        ),
      );
    },
  },
  {
    name: 'objects',
    why: 'The papers named after a copy request ("sao y sổ hộ khẩu") are what is copied, not the procedure.',
    settings: ['object'],
    prepare: (ctx) => {
      const after = ctx.tokens.map(() => false);
      for (const m of ctx.matches) {
        if (!m.entry.objectsFollow) continue;
        const clause = ctx.tokens[m.end - 1]?.clause;
        for (let j = m.end; j < ctx.tokens.length && ctx.tokens[j]!.clause === clause; j += 1)
          after[j] = true;
      }
      return (_t, i) => (after[i] ? { factorCap: ctx.weights.object } : null);
    },
  },
  {
    name: 'statedAge',
    why: 'An age after a number ("bà nội 81 tuổi") is a condition, not a topic that pulls names with "tuổi".',
    settings: ['statedAge'],
    prepare: (ctx) => (t, i) =>
      QUERY_WORDS.ageWords.has(t.folded) && /^\d{1,3}$/.test(ctx.tokens[i - 1]?.folded ?? '')
        ? { scale: ctx.weights.statedAge }
        : null,
  },
  {
    name: 'translated',
    why: "Once a lexicon phrase has translated the resident's words, its meaning speaks for them.",
    settings: ['translated'],
    prepare: (ctx) => {
      const inside = spans(ctx, (m) => !isQuestionPhrase(m));
      return (_t, i) => (inside[i] ? { cap: ctx.weights.translated } : null);
    },
  },
  {
    name: 'questionPhrase',
    why: 'Question phrases ("mất bao lâu", "lệ phí") ask about a procedure; their words ("mất") never ask for one.',
    settings: ['questionPhrase'],
    prepare: (ctx) => {
      const inside = spans(ctx, isQuestionPhrase);
      return (_t, i) => (inside[i] ? { fixed: ctx.weights.questionPhrase, unsaid: true } : null);
    },
  },
  {
    name: 'negation',
    why: 'A negated phrase ("không có lương hưu", "không để lại di chúc") denies its own words: only its meaning counts.',
    settings: ['questionPhrase'],
    prepare: (ctx) => {
      const inside = spans(ctx, (m) => !isQuestionPhrase(m) && m.entry.negation === true);
      return (_t, i) => (inside[i] ? { fixed: ctx.weights.questionPhrase, unsaid: true } : null);
    },
  },
  {
    name: 'concerned',
    why: 'When a life event decides the procedure ("là thương binh, vừa mất"), the status words say who it concerns, not what is asked.',
    settings: ['concerned'],
    prepare:
      ({ concerned, weights: w }) =>
      (_t, i) =>
        concerned?.[i] ? { factor: w.concerned } : null,
  },
];

/** Every rule switched on. */
export const ALL_RULES_ON: Readonly<Record<QueryRuleName, boolean>> = Object.fromEntries(
  QUERY_RULE_NAMES.map((name) => [name, true]),
) as Record<QueryRuleName, boolean>;

/** Token records for the syllables of a question (before any rule). */
export function queryTokens(tokens: readonly Token[], clause: readonly number[]): QueryToken[] {
  return tokens.map((t, i) => ({
    text: t.text,
    folded: t.folded,
    clause: clause[i] ?? 0,
    kind: QUERY_WORDS.kind(t.text),
    factor: 1,
    weight: 1,
    said: true,
    reasons: [],
  }));
}

/**
 * Runs the switched-on rules over the tokens and sets each token's factor, weight, `said` and
 * reasons: factor = min(Π factor, min factorCap); weight = min(fixed ?? Π scale × factor, min cap).
 */
export function applyRules(
  ctx: RuleContext,
  on: Readonly<Record<QueryRuleName, boolean>>,
  rules: readonly QueryRule[] = QUERY_RULES,
): void {
  const steps = rules
    .filter((r) => on[r.name])
    .map((r) => ({ name: r.name, effect: r.prepare(ctx) }));
  ctx.tokens.forEach((token, i) => {
    let factor = 1;
    let factorCap = Infinity;
    let scale = 1;
    let fixed: number | undefined;
    let cap = Infinity;
    for (const step of steps) {
      const e = step.effect(token, i);
      if (e === null) continue;
      if ('factor' in e) {
        factor *= e.factor;
        token.reasons.push(`${step.name} ×${e.factor}`);
      } else if ('factorCap' in e) {
        factorCap = Math.min(factorCap, e.factorCap);
        token.reasons.push(`${step.name} part ≤${e.factorCap}`);
      } else if ('scale' in e) {
        scale *= e.scale;
        token.reasons.push(`${step.name} ×${e.scale}`);
      } else if ('fixed' in e) {
        fixed = Math.min(fixed ?? Infinity, e.fixed);
        if (e.unsaid) token.said = false;
        token.reasons.push(`${step.name} =${e.fixed}`);
      } else {
        cap = Math.min(cap, e.cap);
        token.reasons.push(`${step.name} ≤${e.cap}`);
      }
    }
    token.factor = Math.min(factor, factorCap);
    token.weight = Math.min(fixed ?? scale * token.factor, cap);
  });
}
