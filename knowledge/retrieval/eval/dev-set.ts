import { readFileSync } from 'node:fs';

/** One labelled question of tests/eval/dev-set.jsonl (see tests/eval/README.md). */
export interface DevQuestion {
  id: string;
  question: string;
  /** Acceptable codes, best first; empty for off-topic lines. */
  expected: string[];
  style: string;
  group: string;
  field: string;
  attribute: string;
}

export function loadDevSet(file: string): DevQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as DevQuestion);
}
