/*
 * Collects what the import did so it can be checked by a person: how many records each source gave, which
 * files were skipped and why, and which values were dropped or left uncertain (with a few examples each).
 */

const MAX_EXAMPLES = 5;

/** A file that could not be used at all. */
export interface SkippedFile {
  source: string;
  file: string;
  reason: string;
}

/** Count and a few examples of one kind of dropped or doubtful value. */
export interface DropEntry {
  count: number;
  examples: string[];
}

/** Mutable collector handed to the parsers; turned into JSON by the importer. */
export class ImportLog {
  readonly skipped: SkippedFile[] = [];
  readonly drops = new Map<string, DropEntry>();

  skip(source: string, file: string, reason: string): void {
    this.skipped.push({ source, file, reason });
  }

  /** Records one dropped/uncertain value under `reason`; `example` names the code and the text involved. */
  drop(reason: string, example: string): void {
    const entry = this.drops.get(reason) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(example.slice(0, 300));
    this.drops.set(reason, entry);
  }

  dropsAsObject(): Record<string, DropEntry> {
    return Object.fromEntries([...this.drops.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
