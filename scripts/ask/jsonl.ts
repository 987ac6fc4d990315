/**
 * `ask --jsonl`: one JSON question per input line → one JSON answer per output line, in order.
 * Contract (used by automated checks):
 *   in:  {"id": "...", "question": "..."}
 *   out: {"id": "...", "answered": true|false, "results": [{"code", "name", "score"}, … up to 5]}
 * A bad line gets {"id": …, "answered": false, "results": [], "error": "…"} and processing goes on.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Retriever } from '../../knowledge/retrieval/retriever.js';

/** Hits per answer line. */
export const JSONL_RESULTS = 5;

interface AnswerLine {
  id: unknown;
  answered: boolean;
  results: Array<{ code: string; name: string; score: number }>;
  error?: string;
}

/** Answers one input line (never throws). */
export async function answerLine(retriever: Retriever, line: string): Promise<AnswerLine> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, answered: false, results: [], error: 'invalid JSON' };
  }
  const record = (input && typeof input === 'object' ? input : {}) as {
    id?: unknown;
    question?: unknown;
  };
  const id = record.id ?? null;
  if (typeof record.question !== 'string') {
    return { id, answered: false, results: [], error: 'missing "question" string' };
  }
  try {
    const result = await retriever.search(record.question, { k: JSONL_RESULTS });
    const results = result.hits.map(({ code, name, score }) => ({ code, name, score }));
    return { id, answered: result.answered, results };
  } catch (error) {
    return {
      id,
      answered: false,
      results: [],
      error: `search failed: ${(error as Error).message}`,
    };
  }
}

/** Streams answers for every non-blank line of `input` to `output`. */
export async function runJsonl(
  retriever: Retriever,
  input: Readable,
  output: Writable,
): Promise<number> {
  let count = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const answer = await answerLine(retriever, line);
    if (!output.write(`${JSON.stringify(answer)}\n`))
      await new Promise((r) => output.once('drain', r));
    count += 1;
  }
  return count;
}
