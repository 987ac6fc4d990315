import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ImportLog } from './import-report.js';

/** Sorted list of files under `dir` (recursively) whose names end with `ext`, as paths relative to `root`. */
export function listFiles(root: string, dir: string, ext: string): string[] {
  const start = path.join(root, dir);
  if (!existsSync(start)) return [];
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(ext))
        out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(start);
  // Byte order, not locale order, so runs on any machine give the same report.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Turns the first zod issue into a short reason ("unexpected field(s) foo", "data.code: expected string"). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? ` in ${issue.path.join('.')}` : '';
    return `unexpected field(s)${where}: ${issue.keys.join(', ')}`;
  }
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

/**
 * Reads and validates one JSON file. On any problem (unreadable, truncated, wrong shape) the file is logged as
 * skipped with the reason and `undefined` is returned, so one bad file never stops the import.
 */
export function readJsonFile<T>(
  root: string,
  file: string,
  schema: z.ZodType<T>,
  source: string,
  log: ImportLog,
): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  } catch (error) {
    log.skip(source, file, `not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    log.skip(source, file, describeIssue(parsed.error));
    return undefined;
  }
  return parsed.data;
}

/** Reads a small text file if it exists (SOURCE.md, manifests); null otherwise. */
export function readTextIfExists(root: string, file: string): string | null {
  const full = path.join(root, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

/** The commit date a SOURCE.md states ("Commit: <sha> (2026-07-20)"), as the snapshot date of a copy. */
export function sourceMdDate(root: string, dir: string): string | null {
  const text = readTextIfExists(root, path.join(dir, 'SOURCE.md'));
  const match = text?.match(/Commit:\s*[0-9a-f]{7,40}\s*\((\d{4}-\d{2}-\d{2})\)/);
  return match?.[1] ?? null;
}
