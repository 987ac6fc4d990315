import { describe, expect, it } from 'vitest';
import { Lexicon, type LexiconEntry } from '../../../knowledge/retrieval/lexicon.js';
import {
  DEFAULT_QUERY_WEIGHTS,
  QueryAnalyzer,
  type QueryWeights,
} from '../../../knowledge/retrieval/query-analyzer.js';
import type { LetterSentence } from '../../../knowledge/retrieval/letter-reader.js';
import { QUERY_RULES, type QueryRuleName } from '../../../knowledge/retrieval/query-rules.js';

const entries: LexiconEntry[] = [
  { say: ['sao y'], means: 'chứng thực bản sao', objectsFollow: true, note: 'copy request' },
  { say: ['sổ đỏ'], means: 'giấy chứng nhận quyền sử dụng đất', note: 'land title' },
  { say: ['mất bao lâu'], means: '', note: 'time question' },
  { say: ['thổ cư'], means: 'đất ở', note: 'residential land' },
  { say: ['không có lương hưu'], means: 'trợ cấp xã hội', negation: true, note: 'no pension' },
];
const vocabulary = new Map(
  ['dang', 'ky', 'thuong', 'tru', 'khai', 'sinh', 'tuoi', 'so', 'ho', 'khau'].map(
    (w) => [w, 50] as const,
  ),
);

function analyzer(rules: Partial<QueryWeights['rules']> = {}) {
  const weights = { ...DEFAULT_QUERY_WEIGHTS, rules: { ...DEFAULT_QUERY_WEIGHTS.rules, ...rules } };
  return new QueryAnalyzer(new Lexicon(entries), vocabulary, [], weights);
}

/** The record of the first syllable `folded` of a question, with every rule on and with `rule` off. */
function token(
  rule: QueryRuleName | 'repair',
  folded: string,
  question: string,
  letter?: LetterSentence[],
) {
  const find = (a: QueryAnalyzer) =>
    a.analyze(question, letter ?? null).tokens.find((t) => t.folded === folded)!;
  return { on: find(analyzer()), off: find(analyzer({ [rule]: false })) };
}

describe('query rules: each named step, and its switch', () => {
  it('lists every rule with why it exists and the settings it applies', () => {
    for (const rule of QUERY_RULES) {
      expect(rule.why.length, rule.name).toBeGreaterThan(20);
      for (const s of rule.settings) expect(DEFAULT_QUERY_WEIGHTS[s], s).toBeTypeOf('number');
    }
  });

  it('wordKind: pronouns and question words weigh little', () => {
    const { on, off } = token('wordKind', 'em', 'cho em hỏi đăng ký khai sinh');
    expect(on.weight).toBe(0.1);
    expect(on.reasons).toContain('wordKind ×0.1');
    expect(off.weight).toBe(1);
  });

  it("story: a letter's story sentences weigh less than its request", () => {
    const letter = [
      { text: 'bố tôi mất năm ngoái', request: false },
      { text: 'xin hỏi thủ tục khai sinh', request: true },
    ];
    const { on, off } = token('story', 'bo', '', letter);
    expect(on.weight).toBe(0.5);
    expect(off.weight).toBe(1);
  });

  it('background: the situation before "giờ" weighs less than the request after it', () => {
    const { on, off } = token('background', 'bo', 'bố mất rồi, giờ muốn đổi chủ hộ sang tên mẹ');
    expect(on.weight).toBe(0.5);
    expect(off.weight).toBe(1);
  });

  it('purpose: what a request is for ("để xây nhà") weighs less', () => {
    const { on, off } = token('purpose', 'xay', 'muốn chuyển đất vườn lên thổ cư để xây nhà');
    expect(on.weight).toBe(0.25);
    expect(off.weight).toBe(1);
  });

  it('statedAge: "tuổi" after a number is a condition, and a copy request after it keeps that', () => {
    const { on, off } = token('statedAge', 'tuoi', 'bà nội 81 tuổi');
    expect(on.weight).toBe(0.6);
    expect(off.weight).toBe(1);
    // The old analyser recomputed weights after a copy request and dropped the age cap.
    const after = analyzer()
      .analyze('sao y giấy khai sinh con 14 tuổi')
      .tokens.find((t) => t.folded === 'tuoi')!;
    expect(after.weight).toBeCloseTo(0.2 * 0.6);
  });

  it('objects: the papers after a copy request weigh less', () => {
    const { on, off } = token('objects', 'khau', 'sao y sổ hộ khẩu');
    expect(on.weight).toBe(0.2);
    expect(off.weight).toBe(1);
  });

  it("translated: a lexicon phrase's own words weigh less than its meaning", () => {
    const { on, off } = token('translated', 'do', 'làm sổ đỏ');
    expect(on.weight).toBe(0.5);
    expect(off.weight).toBe(1);
  });

  it('questionPhrase: "mất bao lâu" asks for nothing', () => {
    const { on, off } = token('questionPhrase', 'lau', 'khai sinh mất bao lâu');
    expect(on.weight).toBe(0.05);
    expect(on.said).toBe(false);
    expect(off.said).toBe(true);
  });

  it('negation: "không có lương hưu" does not ask for a pension', () => {
    const { on, off } = token('negation', 'luong', 'bà không có lương hưu');
    expect(on.weight).toBe(0.05);
    expect(on.said).toBe(false);
    expect(off.weight).toBe(0.5);
    expect(off.said).toBe(true);
  });

  it('repair: a typo is read as the catalogue word only when repair is on', () => {
    const q = 'dang ky thuog tru';
    expect(
      analyzer()
        .analyze(q)
        .tokens.map((t) => t.folded),
    ).toContain('thuong');
    expect(
      analyzer({ repair: false })
        .analyze(q)
        .tokens.map((t) => t.folded),
    ).toContain('thuog');
  });

  it('combines effects explicitly whatever their order (a purpose clause inside a story)', () => {
    const letter = [{ text: 'tôi muốn chuyển đất vườn lên thổ cư để xây nhà', request: false }];
    const xay = analyzer()
      .analyze('', letter)
      .tokens.find((t) => t.folded === 'xay')!;
    expect(xay.factor).toBeCloseTo(0.5 * 0.25);
    expect(xay.reasons).toEqual(['story ×0.5', 'purpose ×0.25']);
  });
});
