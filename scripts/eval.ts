/**
 * `npm run eval`: retrieval quality on the dev set (tests/eval/dev-set.jsonl) next to a naive
 * baseline (full-text search over accent-folded names), computed in the same run, then one summary
 * line for every other question set in tests/eval/ (the check sets and the letter sets, whichever
 * exist — the blind letter set is reported whenever it is there, never tuned on).
 *   --json          machine-readable summary on stdout instead of the table
 *   --misses        list the misses (question, expected, got) on stderr
 *   --dev-set FILE  another labelled question file of the same format (no other sets then)
 *   --half A|B      only one half of the groups (split by a hash of the group id), so tuning on
 *                   one half can be checked on the other
 *   --ablation      hit@1 / hit@3 on every set with each rule switched off in turn (Markdown table)
 *   --rewrite       the letter sets (or --dev-set FILE) with and without the configured LLM rewriting
 *                   letters first (LLM_PROVIDER, LLM_MODEL…); refuses (exit 2) when none is configured
 *   --rewrite-simulated perfect|misleading
 *                   the same with a rewriter simulated from the labels (bounds; blind sets skipped)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../common/config.js';
import type { Logger } from '../common/logger.js';
import { createChatModel } from '../knowledge/llm/chat-model.js';
import { NameSearchBaseline } from '../knowledge/retrieval/baseline.js';
import { ablationTable, earnsNothing, runAblation } from '../knowledge/retrieval/eval/ablation.js';
import { loadDevSet, type DevQuestion } from '../knowledge/retrieval/eval/dev-set.js';
import {
  runQuestions,
  summarizeOutcomes,
  type EvalSummary,
  type QuestionOutcome,
  type StyleSummary,
} from '../knowledge/retrieval/eval/metrics.js';
import {
  createLlmLetterRewriter,
  withLetterRewriter,
  type LetterRewriter,
} from '../knowledge/retrieval/letter-rewriter.js';
import { coreName } from '../knowledge/retrieval/procedure-text.js';
import { openConfiguredRetriever } from './ask/open-index.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run eval [-- --json] [--misses] [--dev-set FILE] [--half A|B]
  Retrieval quality on the dev set (tests/eval/dev-set.jsonl) next to a naive full-text baseline.
  --json          machine-readable summary on stdout instead of the table
  --misses        list the misses (question, expected, got) on stderr
  --dev-set FILE  another labelled question file of the same format
  --half A|B      only one half of the groups
  --ablation      hit@1 / hit@3 on every set with each retrieval rule switched off in turn
  --rewrite       the letter sets with and without the configured LLM rewriting letters first
                  (needs LLM_PROVIDER and LLM_MODEL; exits 2 when none is configured)
  --rewrite-simulated perfect|misleading
                  the same with a rewriter simulated from the labels (bounds, not a model)`,
);

const DEFAULT_DEV_SET = 'tests/eval/dev-set.jsonl';
const SETS_DIR = 'tests/eval';

/** Stable half of a group id (FNV-1a), so a group's accented/unaccented/typo lines stay together. */
function halfOf(group: string): 'A' | 'B' {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? 'A' : 'B';
}

const pct = (v: number) => `${(v * 100).toFixed(1).padStart(5)}%`;

function row(label: string, s: StyleSummary): string {
  return `${label.padEnd(22)} ${String(s.count).padStart(4)}  ${pct(s.hit1)}  ${pct(s.hit3)}  ${s.mrr.toFixed(3)}  ${pct(s.falseAbstention)}  ${pct(s.amongOffered)}  ${pct(s.choiceRate)}`;
}

const HEADER = `${'n'.padStart(4)}  ${'hit@1'.padStart(6)}  ${'hit@3'.padStart(6)}  ${'MRR'.padStart(5)}  ${'no-ans'.padStart(6)}  ${'offered'.padStart(6)}  ${'choice'.padStart(6)}`;

function table(name: string, summary: EvalSummary): string {
  const lines = [
    `${name}`,
    `${'style'.padEnd(22)} ${HEADER}`,
    row('all real questions', summary.overall),
    ...summary.byStyle.map((s) => row(`  ${s.style}`, s)),
    `off-topic abstained: ${summary.offTopic.abstained}/${summary.offTopic.count} ` +
      `(${(summary.offTopic.abstentionRate * 100).toFixed(1)}%)`,
  ];
  return lines.join('\n');
}

function describeMiss(o: QuestionOutcome): string {
  const got = o.result.hits.slice(0, 3).map((h) => `${h.code} ${h.name.slice(0, 60)}`);
  const why =
    o.question.expected.length === 0
      ? 'answered off-topic'
      : o.rank === 0
        ? 'not in top 10'
        : `rank ${o.rank}`;
  return (
    `${o.question.id} [${o.question.style}] ${why}${o.answered ? '' : ' (abstained)'}\n` +
    `  Q: ${o.question.question}\n  expected: ${o.question.expected.join(', ') || '(none)'}\n  got: ${got.join(' | ') || '(nothing)'}`
  );
}

/** Every question set in tests/eval except the main one, by file name. */
function otherSets(main: string): string[] {
  return readdirSync(SETS_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(SETS_DIR, f))
    .filter((f) => f !== main);
}

const setName = (f: string) => f.replace(/^.*\//, '').replace(/\.jsonl$/, '');

/** `--ablation`: the table on stdout, one progress line per configuration on stderr. */
async function ablation(
  retriever: Awaited<ReturnType<typeof openConfiguredRetriever>>['retriever'],
  file: string,
  questions: readonly DevQuestion[],
  half: string | undefined,
): Promise<void> {
  const sets = [
    { name: setName(file), questions },
    ...otherSets(file).map((f) => ({
      name: setName(f),
      questions: loadDevSet(f).filter((q) => half === undefined || halfOf(q.group) === half),
    })),
  ];
  const rows = await runAblation(
    retriever.settings,
    (settings) => retriever.withSettings(settings),
    sets,
    undefined,
    (row) =>
      process.stderr.write(
        `${row.name.padEnd(22)} ${row.scores.map((s) => `${s.hit1.toFixed(3)}/${s.hit3.toFixed(3)}`).join('  ')}\n`,
      ),
  );
  const idle = rows.slice(1).filter((r) => earnsNothing(rows[0]!, r));
  process.stdout.write(
    `${ablationTable(
      sets.map((s) => s.name),
      rows,
    )}\nLose nothing on any set when switched off (drop them): ${idle.map((r) => r.name).join(', ') || '(none)'}\n`,
  );
}

type OpenedIndex = Awaited<ReturnType<typeof openConfiguredRetriever>>['retriever'];

/**
 * Simulated rewriters built from the labels, to bound what rewriting can do without a model:
 * `perfect` asks for the expected procedure by name, `misleading` for the best-ranked wrong one.
 */
function simulatedRewriter(
  kind: string,
  retriever: OpenedIndex,
  questions: readonly DevQuestion[],
): LetterRewriter {
  const names = new Map(retriever.documents().map((d) => [d.code, d.name]));
  const expected = new Map(questions.map((q) => [q.question, q.expected]));
  const ask = (name: string | undefined) =>
    name === undefined ? undefined : `Xin hỏi thủ tục ${coreName(name)} thế nào?`;
  return {
    async rewrite(letter) {
      const codes = expected.get(letter) ?? [];
      if (kind === 'perfect') return ask(names.get(codes[0] ?? ''));
      const own = await retriever.search(letter, { k: 10 });
      return ask(own.hits.find((h) => !codes.includes(h.code))?.name);
    },
  };
}

/**
 * `--rewrite`: each letter set searched as written and through a rewrite: the configured LLM's, or
 * a simulated one (`--rewrite-simulated perfect|misleading`). Counts calls and why rewrites were
 * dropped; never prints a letter or a rewrite.
 */
async function rewriteEval(
  config: Config,
  retriever: OpenedIndex,
  files: readonly string[],
  simulated: string | undefined,
): Promise<void> {
  const dropped = new Map<string, number>();
  const counting: Logger = {
    info: () => {},
    error: () => {},
    warn: (_message, fields) => {
      const reason = String(fields?.reason ?? 'other');
      dropped.set(reason, (dropped.get(reason) ?? 0) + 1);
    },
  };
  const model = simulated ? undefined : await createChatModel(config.knowledge.llm);
  const llm = model
    ? createLlmLetterRewriter(model, {
        timeoutMs: config.knowledge.llm.rewriteTimeoutMs,
        logger: counting,
      })
    : undefined;
  const { provider, model: name, rewriteTimeoutMs } = config.knowledge.llm;
  process.stdout.write(
    `${simulated ? `Letters rewritten by a simulated ${simulated} rewriter (from the labels: a bound, not a model)` : `Letters rewritten by ${provider}/${name} (timeout ${rewriteTimeoutMs} ms)`}\n` +
      `${'set'.padEnd(22)} ${HEADER}\n`,
  );
  let calls = 0;
  for (const file of files) {
    const questions = loadDevSet(file);
    const inner = llm ?? simulatedRewriter(simulated ?? 'perfect', retriever, questions);
    const counted: LetterRewriter = {
      rewrite: (letter) => {
        calls++;
        return inner.rewrite(letter);
      },
    };
    const plain = summarizeOutcomes(await runQuestions(retriever, questions));
    const rewriting = withLetterRewriter(retriever, counted);
    const rewritten = summarizeOutcomes(await runQuestions(rewriting, questions));
    process.stdout.write(
      `${row(setName(file), plain.overall)}\n${row(`  + rewrite`, rewritten.overall)}\n`,
    );
  }
  const drops = [...dropped].map(([reason, n]) => `${reason} ${n}`).join(', ');
  process.stdout.write(
    `${calls} letters sent to the rewriter; dropped (searched as written): ${drops || 'none'}\n`,
  );
  const kept = calls - [...dropped.values()].reduce((a, b) => a + b, 0);
  if (calls > 0 && kept === 0) {
    process.stderr.write('eval --rewrite: no rewrite came back: check the provider settings.\n');
    process.exitCode = 1;
  }
}

async function main(args: string[]): Promise<void> {
  const devSetArg = args.indexOf('--dev-set');
  const file = devSetArg >= 0 ? args[devSetArg + 1]! : DEFAULT_DEV_SET;
  const halfArg = args.indexOf('--half');
  const half = halfArg >= 0 ? args[halfArg + 1]?.toUpperCase() : undefined;
  const config = loadConfig();
  const simulatedArg = args.indexOf('--rewrite-simulated');
  const simulated = simulatedArg >= 0 ? args[simulatedArg + 1] : undefined;
  if (simulated !== undefined && simulated !== 'perfect' && simulated !== 'misleading') {
    throw new Error('--rewrite-simulated takes perfect or misleading');
  }
  if (
    args.includes('--rewrite') &&
    simulated === undefined &&
    config.knowledge.llm.provider === 'none'
  ) {
    process.stderr.write(
      'eval --rewrite: no LLM configured (LLM_PROVIDER=none). Set LLM_PROVIDER (openai | ollama), LLM_MODEL and, as needed, LLM_BASE_URL / LLM_API_KEY.\n',
    );
    process.exitCode = 2;
    return;
  }
  const questions = loadDevSet(file).filter((q) => half === undefined || halfOf(q.group) === half);
  const { retriever, manifest } = await openConfiguredRetriever(config.knowledge);
  if (args.includes('--rewrite') || simulated !== undefined) {
    // The simulated rewriters read the labels: never on the blind sets.
    const letterSets = otherSets('').filter(
      (f) => setName(f).startsWith('letters') && !(simulated && setName(f).includes('blind')),
    );
    await rewriteEval(config, retriever, devSetArg >= 0 ? [file] : letterSets, simulated);
    return;
  }
  if (args.includes('--ablation')) {
    await ablation(retriever, file, questions, half);
    return;
  }
  const ours = await runQuestions(retriever, questions);
  const docs = retriever.documents();
  const baseline = await runQuestions(new NameSearchBaseline(docs), questions);
  const summary = { ours: summarizeOutcomes(ours), baseline: summarizeOutcomes(baseline) };
  const sets: Array<{ file: string; summary: EvalSummary }> = [];
  if (devSetArg < 0) {
    for (const other of otherSets(file)) {
      const lines = loadDevSet(other).filter((q) => half === undefined || halfOf(q.group) === half);
      sets.push({ file: other, summary: summarizeOutcomes(await runQuestions(retriever, lines)) });
    }
  }

  if (args.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify({ devSet: file, index: manifest, ...summary, otherSets: sets })}\n`,
    );
  } else {
    process.stdout.write(
      `Dev set ${file}${half === undefined ? '' : ` (half ${half})`}: ${questions.length} questions; index of ${manifest.catalogueCount} procedures ` +
        `(${manifest.embeddings.provider}/${manifest.embeddings.model})\n\n` +
        `${table('motcua retriever', summary.ours)}\n\n${table('baseline: full-text over folded names', summary.baseline)}\n`,
    );
    if (sets.length > 0) {
      const name = setName;
      process.stdout.write(
        `\nOther question sets (motcua retriever${half === undefined ? '' : `, half ${half}`}; offered = right one first, or among the three choices when unsure)\n` +
          `${'set'.padEnd(22)} ${HEADER}  off-topic declined\n` +
          sets
            .map(
              ({ file: f, summary: s }) =>
                `${row(name(f), s.overall)}  ${s.offTopic.abstained}/${s.offTopic.count}`,
            )
            .join('\n') +
          '\n',
      );
    }
  }
  const misses = ours.filter((o) =>
    o.question.expected.length === 0 ? o.answered : o.rank !== 1 || !o.answered,
  );
  if (args.includes('--misses')) process.stderr.write(`${misses.map(describeMiss).join('\n')}\n`);
  else
    process.stderr.write(
      `${misses.length} misses (rank ≠ 1, wrongly abstained or answered off-topic); --misses lists them\n`,
    );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`eval: ${(error as Error).message ?? String(error)}\n`);
  process.exitCode = 1;
});
