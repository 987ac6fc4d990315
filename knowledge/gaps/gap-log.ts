import { redact } from '../../common/redact.js';

/*
 * Knowledge gaps: questions the assistant could not answer, kept for officers to review so the
 * catalogue aliases can grow. Stored redacted (no CCCD, phone numbers, tokens) and without user ids.
 * The bounded, de-duplicated store `npm start` uses lives in the database (api/gaps/gap-store.ts).
 */

export interface GapEntry {
  at: string;
  channel: string;
  question: string;
  reason: 'not_confident' | 'no_match';
}

export interface GapLog {
  /**
   * Records one unanswered question. `client` (e.g. "ip:…", "telegram:42") lets a bounded store cap
   * what one client can add; it is never stored.
   */
  record(entry: Omit<GapEntry, 'at' | 'question'> & { question: string; client?: string }): void;
}

/** In-memory gap log (tests and the CLI). */
export function createMemoryGapLog(): GapLog & { entries: GapEntry[] } {
  const entries: GapEntry[] = [];
  return {
    entries,
    record(entry) {
      entries.push({
        channel: entry.channel,
        reason: entry.reason,
        question: redact(entry.question),
        at: new Date().toISOString(),
      });
    },
  };
}
