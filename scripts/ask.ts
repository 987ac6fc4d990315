/**
 * `npm run --silent ask -- <mode>`: ask the retrieval index from the command line.
 *   --jsonl          read {"id","question"} lines on stdin, write one JSON answer line each on stdout.
 *   --json "câu hỏi" the full answer as one JSON object {answered, text, procedure, choices, sources}.
 *   "câu hỏi"        the answer as a resident would read it.
 * stdout carries only machine-readable output; progress and errors go to stderr.
 */
import { loadConfig } from '../common/config.js';
import { runJsonl } from './ask/jsonl.js';
import { openConfiguredRetriever, stderrProgressBar } from './ask/open-index.js';
import { answerOnce, toAskJson, toReadable } from './lib/ask-answer.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage:
  npm run ask -- "câu hỏi"                          one answer as a resident reads it
  npm run --silent ask -- --json "câu hỏi"          the answer as JSON {answered, text, procedure, choices, sources}
  npm run --silent ask -- --jsonl < questions.jsonl retrieval only: {"id","question"} lines in, one JSON line out each`,
);

type Mode = (args: string[]) => Promise<number>;

const modes: Record<string, Mode> = {
  '--jsonl': async () => {
    const { retriever } = await openConfiguredRetriever(loadConfig().knowledge);
    await runJsonl(retriever, process.stdin, process.stdout);
    return 0;
  },
  '--json': async (args) => {
    const question = args.filter((a) => a !== '--json').join(' ');
    const reply = await answerOnce(loadConfig(), question, stderrProgressBar());
    process.stdout.write(JSON.stringify(toAskJson(reply)) + '\n');
    return 0;
  },
};

/** Without a mode flag the arguments are the question, answered in plain text. */
const plainMode: Mode = async (args) => {
  const reply = await answerOnce(loadConfig(), args.join(' '), stderrProgressBar());
  process.stdout.write(toReadable(reply));
  return 0;
};

const USAGE =
  'usage: npm run ask -- "câu hỏi" | npm run --silent ask -- --json "câu hỏi" | npm run --silent ask -- --jsonl < questions.jsonl\n';

async function main(args: string[]): Promise<number> {
  const mode =
    modes[args.find((a) => a in modes) ?? ''] ?? (args.length > 0 ? plainMode : undefined);
  if (!mode) {
    process.stderr.write(USAGE);
    return 2;
  }
  return mode(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ask: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
