/**
 * @module Ablation: every retrieval rule switched off in turn, measured on every question set, so
 * each rule shows what it earns (`npm run eval -- --ablation`). A rule that no set misses is dropped.
 */
import { QUERY_RULES, type QueryRuleName } from '../query-rules.js';
import type { RetrieverSettings } from '../settings.js';
import type { Retriever } from '../retriever.js';
import type { DevQuestion } from './dev-set.js';
import { runQuestions, summarizeOutcomes } from './metrics.js';

/** One rule switched off: a name, what it does, and the settings that switch it off. */
export interface Ablation {
  name: string;
  what: string;
  off: (defaults: RetrieverSettings) => Partial<RetrieverSettings>;
}

function queryRuleOff(name: QueryRuleName | 'repair' | 'storyChitChat') {
  return (d: RetrieverSettings): Partial<RetrieverSettings> => ({
    query: { ...d.query, rules: { ...d.query.rules, [name]: false } },
  });
}

/** Every rule that can be switched off, query rules first. */
export const ABLATIONS: readonly Ablation[] = [
  ...QUERY_RULES.map((r) => ({ name: r.name, what: r.why, off: queryRuleOff(r.name) })),
  {
    name: 'repair',
    what: 'Telex leftovers and one-edit typos repaired against the catalogue words.',
    off: queryRuleOff('repair'),
  },
  {
    name: 'storyChitChat',
    what: "A chit-chat phrase in a letter's story does not make a letter telling a situation chit-chat.",
    off: queryRuleOff('storyChitChat'),
  },
  {
    name: 'bigrams',
    what: 'Neighbouring syllables as terms.',
    off: (d) => ({ query: { ...d.query, bigram: 0 } }),
  },
  {
    name: 'accentForms',
    what: 'Typed marks prefer catalogue words with the same marks.',
    off: (d) => ({ query: { ...d.query, accent: 0 } }),
  },
  {
    name: 'expansionBudget',
    what: 'A lexicon meaning shares the weight of 3 terms however long it is.',
    off: (d) => ({ query: { ...d.query, expansionBudget: Infinity } }),
  },
  {
    name: 'explained',
    what: 'A background phrase ("bố mất") counts less when a situation explains the message.',
    off: (d) => ({ query: { ...d.query, explained: 1 } }),
  },
  {
    name: 'letterReading',
    what: 'Letters split into request and story sentences.',
    off: (d) => ({ letter: { ...d.letter, enabled: false } }),
  },
  {
    name: 'situations',
    what: 'Life situations told in a message lead to their procedures.',
    off: (d) => ({ situations: { ...d.situations, enabled: false } }),
  },
  {
    name: 'wholeLetterSituations',
    what: 'Situations are read in the whole letter, not only in the syllables the query keeps.',
    off: (d) => ({ situations: { ...d.situations, wholeLetter: false } }),
  },
  {
    name: 'spellOutAbbreviations',
    what: 'Abbreviations are spelled out before the message is read (situations see "NCC" as "người có công").',
    off: () => ({ spellOutAbbreviations: false }),
  },
  {
    name: 'choiceFamilies',
    what: 'Choices offered when a close runner-up is of the first hit’s family (choice-families.json).',
    off: (d) => ({ choices: { ...d.choices, familyGap: 0 } }),
  },
  {
    name: 'dense',
    what: 'LSA embeddings fused at 0.1.',
    off: (d) => ({ fusion: { ...d.fusion, dense: 0 } }),
  },
  {
    name: 'residentPriors',
    what: 'Commune level, citizens, detailed records and popular procedures first.',
    off: (d) => ({
      priors: {
        ...d.priors,
        communeBonus: 0,
        provinceBonus: 0,
        citizenBonus: 0,
        detailBonus: 0,
        popularityWeight: 0,
      },
    }),
  },
  {
    name: 'otherProvince',
    what: "Another province's own procedures pushed down.",
    off: (d) => ({ priors: { ...d.priors, otherProvincePenalty: 0 } }),
  },
  {
    name: 'internal',
    what: 'Internal (administration-only) procedures pushed down.',
    off: (d) => ({ priors: { ...d.priors, internalPenalty: 0 } }),
  },
  ...(
    [
      ['namePrecision', 'Share of the name the question mentions.'],
      ['nameCoverage', 'Share of the question the name contains.'],
      ['topicInName', 'Share of recognised topics in the name.'],
      ['qualifierPenalty', 'Variant markers the question does not ask for.'],
      ['namedExactly', 'The whole name typed word for word.'],
    ] as const
  ).map(([name, what]) => ({
    name,
    what,
    off: (d: RetrieverSettings) => ({ rerank: { ...d.rerank, [name]: 0 } }),
  })),
  {
    name: 'ageDecides',
    what: 'A stated age decides a variant with an age limit ("dưới 14 tuổi").',
    off: (d) => ({ rerank: { ...d.rerank, agesDecide: false } }),
  },
  {
    name: 'preferFilingVariant',
    what: 'Among same-name copies, the commune record with details takes the best slot.',
    off: (d) => ({ rerank: { ...d.rerank, preferFilingVariant: false } }),
  },
  {
    name: 'precisionOnCoreName',
    what: 'Name precision judged without parenthetical clarifications.',
    off: (d) => ({ rerank: { ...d.rerank, precisionOnCoreName: false } }),
  },
];

/** hit@1 and hit@3 of one configuration on one question set. */
export interface SetScore {
  hit1: number;
  hit3: number;
}

/** One row of the table: a configuration and its scores per set (in the order of the sets). */
export interface AblationRow {
  name: string;
  what: string;
  scores: SetScore[];
}

/**
 * Runs the baseline and every ablation on every set.
 * @param retrieverWith a retriever with the defaults changed by the given settings.
 */
export async function runAblation(
  defaults: RetrieverSettings,
  retrieverWith: (settings: Partial<RetrieverSettings>) => Retriever,
  sets: ReadonlyArray<{ name: string; questions: readonly DevQuestion[] }>,
  ablations: readonly Ablation[] = ABLATIONS,
  onRow: (row: AblationRow) => void = () => {},
): Promise<AblationRow[]> {
  const configs = [{ name: 'baseline', what: 'Every rule on.', off: () => ({}) }, ...ablations];
  const rows: AblationRow[] = [];
  for (const config of configs) {
    const retriever = retrieverWith(config.off(defaults));
    const scores: SetScore[] = [];
    for (const set of sets) {
      const { overall } = summarizeOutcomes(await runQuestions(retriever, set.questions));
      scores.push({ hit1: overall.hit1, hit3: overall.hit3 });
    }
    const row = { name: config.name, what: config.what, scores };
    rows.push(row);
    onRow(row);
  }
  return rows;
}

/**
 * Does switching the rule off lose nothing on any set (hit@1 and hit@3 each as good or better)? Then
 * the rule does not earn its place and is dropped.
 */
export function earnsNothing(baseline: AblationRow, row: AblationRow): boolean {
  return row.scores.every(
    (s, i) => s.hit1 >= baseline.scores[i]!.hit1 && s.hit3 >= baseline.scores[i]!.hit3,
  );
}

/** A Markdown table: hit@1 / hit@3 per set, changes against the baseline in brackets. */
export function ablationTable(setNames: readonly string[], rows: readonly AblationRow[]): string {
  const baseline = rows[0]!;
  const pts = (v: number) => `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}`;
  const cell = (s: SetScore, b: SetScore) =>
    s.hit1 === b.hit1 && s.hit3 === b.hit3
      ? 'same'
      : `${s.hit1.toFixed(3)} / ${s.hit3.toFixed(3)} (${pts(s.hit1 - b.hit1)} / ${pts(s.hit3 - b.hit3)})`;
  const lines = [
    `| switched off | ${setNames.join(' | ')} |`,
    `| --- | ${setNames.map(() => '---').join(' | ')} |`,
    `| (baseline, hit@1 / hit@3) | ${baseline.scores.map((s) => `${s.hit1.toFixed(3)} / ${s.hit3.toFixed(3)}`).join(' | ')} |`,
    ...rows
      .slice(1)
      .map(
        (r) =>
          `| ${r.name} | ${r.scores.map((s, i) => cell(s, baseline.scores[i]!)).join(' | ')} |`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}
