/**
 * `npm run --silent ask -- <mode>`: ask the retrieval index from the command line.
 *   --jsonl   read {"id","question"} lines on stdin, write one JSON answer line each on stdout.
 * stdout carries only machine-readable output; progress and errors go to stderr.
 */
import { loadConfig } from '../common/config.js';
import { runJsonl } from './ask/jsonl.js';
import { openConfiguredRetriever } from './ask/open-index.js';

type Mode = (args: string[]) => Promise<number>;

const modes: Record<string, Mode> = {
  '--jsonl': async () => {
    const { retriever } = await openConfiguredRetriever(loadConfig().knowledge);
    await runJsonl(retriever, process.stdin, process.stdout);
    return 0;
  },
};

const USAGE = 'usage: npm run --silent ask -- --jsonl < questions.jsonl\n';

async function main(args: string[]): Promise<number> {
  const mode = modes[args.find((a) => a in modes) ?? ''];
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
