/**
 * `npm run bench [-- name …]`: runs every benchmark module in scripts/bench/*.ts (or only the named
 * ones) and prints one JSON object `{ [name]: result }` on stdout. A module exports
 * `bench: { name: string; run(): Promise<Record<string, unknown>> }`; a failing one reports `{ error }`.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run bench [-- name …]
  Runs every benchmark in scripts/bench/ (or only the named ones: retrieval answers webhooks dossiers …)
  and prints one JSON object {name: result} on stdout.`,
);

/** The shape every scripts/bench/*.ts module exports as `bench`. */
export interface BenchModule {
  name: string;
  run(): Promise<Record<string, unknown>>;
}

const BENCH_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');

async function loadBenches(): Promise<BenchModule[]> {
  const files = (await readdir(BENCH_DIR))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  const out: BenchModule[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as {
      bench?: BenchModule;
    };
    if (mod.bench && typeof mod.bench.run === 'function') out.push(mod.bench);
  }
  return out;
}

async function main(wanted: string[]): Promise<void> {
  const benches = (await loadBenches()).filter(
    (b) => wanted.length === 0 || wanted.includes(b.name),
  );
  const unknown = wanted.filter((w) => !benches.some((b) => b.name === w));
  if (unknown.length > 0) process.stderr.write(`bench: no benchmark named ${unknown.join(', ')}\n`);
  const results: Record<string, unknown> = {};
  for (const b of benches) {
    process.stderr.write(`bench: running ${b.name}…\n`);
    try {
      results[b.name] = await b.run();
    } catch (error) {
      results[b.name] = { error: (error as Error).message ?? String(error) };
    }
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main(process.argv.slice(2).filter((a) => !a.startsWith('-'))).catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message ?? String(error)}\n`);
  process.exitCode = 1;
});
