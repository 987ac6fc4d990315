/*
 * Bench "retrieval": full index build time over the catalogue, cold load of the persisted index in a
 * fresh process, warm per-question latency (dev-set questions, repeated), warm latency of
 * 1,000-character letters (issue #17: the target is p99 ≤ 25 ms), of 4,000-character messages (the
 * longest the conversation passes on; the letter reader keeps 2,000 of them) and peak RSS of the
 * process doing the queries.
 *
 * Alone: `npx tsx scripts/bench/retrieval.ts` prints JSON to stdout.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from '../../common/config.js';
import { BUNDLED_CATALOGUE_DIR, loadCatalogue } from '../../knowledge/catalogue/load-catalogue.js';
import { buildIndex, saveIndex } from '../../knowledge/retrieval/build-index.js';
import { loadDevSet } from '../../knowledge/retrieval/eval/dev-set.js';
import { Lexicon } from '../../knowledge/retrieval/lexicon.js';
import { openRetriever } from '../../knowledge/retrieval/open-retriever.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const DEV_SET = path.resolve(path.dirname(THIS_FILE), '../../tests/eval/dev-set.jsonl');
const LETTERS = path.resolve(path.dirname(THIS_FILE), '../../tests/eval/letters-dev.jsonl');
const LETTER_CHARS = 1000;
/** The longest message the conversation reads (conversation/turn.ts MAX_QUESTION_CHARS). */
const LONG_MESSAGE_CHARS = 4000;
const REPEATS = 5;

/** What the query process reports. */
interface QueryProcessResult {
  coldLoadMs: number;
  rebuilt: boolean;
  questions: number;
  latencyMs: Latency;
  /** 1,000-character letters: each dev letter followed by the next ones, cut at 1,000 characters. */
  letters: number;
  letterLatencyMs: Latency;
  /** 4,000-character messages made the same way (cut to opening and end by the letter reader). */
  longMessages: number;
  longMessageLatencyMs: Latency;
  peakRssMb: number;
}

interface Latency {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Runs in the child: load the persisted index, then time the questions. */
async function queryProcess(indexDir: string, catalogueDir: string): Promise<QueryProcessResult> {
  const config = loadConfig();
  const started = performance.now();
  const { retriever, rebuilt } = await openRetriever({
    indexDir,
    catalogueDir,
    embeddings: config.knowledge.embeddings,
  });
  const coldLoadMs = performance.now() - started;
  const questions = loadDevSet(DEV_SET).map((q) => q.question);
  const times = await timeSearches(retriever, questions);
  const devLetters = loadDevSet(LETTERS).map((q) => q.question);
  const letterTimes = await timeSearches(retriever, longLetters(devLetters, LETTER_CHARS));
  const longTimes = await timeSearches(retriever, longLetters(devLetters, LONG_MESSAGE_CHARS));
  return {
    coldLoadMs: round(coldLoadMs),
    rebuilt,
    questions: times.length,
    latencyMs: latency(times),
    letters: letterTimes.length,
    letterLatencyMs: latency(letterTimes),
    longMessages: longTimes.length,
    longMessageLatencyMs: latency(longTimes),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** Each letter followed by the next ones until `chars` characters: a long story before the request. */
function longLetters(letters: readonly string[], chars: number): string[] {
  return letters.map((_l, i) => {
    let text = '';
    for (let j = i; text.length < chars; j += 1) text += `${letters[j % letters.length]} `;
    return text.slice(0, chars);
  });
}

/** A warm-up pass, then REPEATS timed passes; sorted times in ms. */
async function timeSearches(
  retriever: { search(q: string, o: { k: number }): Promise<unknown> },
  texts: readonly string[],
): Promise<number[]> {
  for (const q of texts) await retriever.search(q, { k: 5 });
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r += 1) {
    for (const q of texts) {
      const t = performance.now();
      await retriever.search(q, { k: 5 });
      times.push(performance.now() - t);
    }
  }
  return times.sort((a, b) => a - b);
}

function latency(times: readonly number[]): Latency {
  return {
    p50: round(percentile(times, 50)),
    p90: round(percentile(times, 90)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1] ?? 0),
    mean: round(times.reduce((s, t) => s + t, 0) / Math.max(1, times.length)),
  };
}

function runChild(indexDir: string, catalogueDir: string): Promise<QueryProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', THIS_FILE, '--child', indexDir, catalogueDir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`query process exited with ${code}`));
      else resolve(JSON.parse(out) as QueryProcessResult);
    });
  });
}

/** Builds the full index into a temporary folder, then measures loading and querying it. */
export async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  const catalogueDir = config.knowledge.catalogueDir ?? BUNDLED_CATALOGUE_DIR;
  const indexDir = await mkdtemp(path.join(tmpdir(), 'motcua-bench-index-'));
  try {
    const started = performance.now();
    const catalogue = loadCatalogue({ dir: catalogueDir });
    const built = await buildIndex(catalogue, {
      embeddings: config.knowledge.embeddings,
      lexicon: Lexicon.load(),
    });
    await saveIndex(indexDir, built);
    const buildMs = performance.now() - started;
    const query = await runChild(indexDir, catalogueDir);
    return {
      name: 'retrieval',
      procedures: catalogue.procedures.length,
      embeddings: built.manifest.embeddings,
      buildMs: Math.round(buildMs),
      ...query,
    };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

export const bench = { name: 'retrieval', run };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [flag, indexDir, catalogueDir] = process.argv.slice(2);
  const job =
    flag === '--child' && indexDir && catalogueDir ? queryProcess(indexDir, catalogueDir) : run();
  job.then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench retrieval: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
