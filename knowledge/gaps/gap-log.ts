import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { redact } from '../../common/redact.js';
import { foldForMatching } from '../answer/attributes.js';

/*
 * Knowledge gaps: questions the assistant could not answer, kept for officers to review so the
 * catalogue aliases can grow. Stored redacted (no CCCD, phone numbers, tokens) and without user ids.
 */

export interface GapEntry {
  at: string;
  channel: string;
  question: string;
  reason: 'not_confident' | 'no_match';
}

export interface GapLog {
  record(entry: Omit<GapEntry, 'at' | 'question'> & { question: string }): void;
}

export const GAPS_FILE = 'knowledge-gaps.jsonl';

/** Appends gaps as JSON lines to `DATA_DIR/knowledge-gaps.jsonl`. */
export function createFileGapLog(dataDir: string): GapLog {
  const file = path.join(dataDir, GAPS_FILE);
  let ready = false;
  return {
    record(entry) {
      const question = redact(entry.question).slice(0, 500).trim();
      if (!question) return;
      if (!ready) {
        mkdirSync(dataDir, { recursive: true });
        ready = true;
      }
      const line: GapEntry = {
        at: new Date().toISOString(),
        channel: entry.channel,
        question,
        reason: entry.reason,
      };
      appendFileSync(file, JSON.stringify(line) + '\n');
    },
  };
}

/** In-memory gap log (tests and the CLI). */
export function createMemoryGapLog(): GapLog & { entries: GapEntry[] } {
  const entries: GapEntry[] = [];
  return {
    entries,
    record(entry) {
      entries.push({ ...entry, question: redact(entry.question), at: new Date().toISOString() });
    },
  };
}

/** Most frequent gap questions (grouped by folded text), most frequent first. */
export function topGaps(
  dataDir: string,
  limit = 20,
): Array<{ question: string; count: number; lastAt: string }> {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDir, GAPS_FILE), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
  const groups = new Map<string, { question: string; count: number; lastAt: string }>();
  for (const line of lines) {
    let entry: GapEntry;
    try {
      entry = JSON.parse(line) as GapEntry;
    } catch {
      continue; // a torn last line after a crash is skipped, not fatal
    }
    const key = foldForMatching(entry.question);
    const group = groups.get(key) ?? { question: entry.question, count: 0, lastAt: entry.at };
    group.count += 1;
    if (entry.at > group.lastAt) group.lastAt = entry.at;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
    .slice(0, limit);
}
