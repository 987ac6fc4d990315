import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ImportLog } from './import-report.js';
import type { ParsedSource, SourceRecord } from './partial.js';
import { portalUrl, scopeFromType } from './portal.js';
import { describeIssue } from './source-files.js';
import { cleanInline, inlineOrNull, uniqueStrings } from './text.js';

/*
 * Parser for the portal's master list (dvcqg-opengov/backend/data/crawl/catalog.jsonl): one line per published
 * procedure, with no content. Every procedure becomes at least a "listed" record from it.
 */

export const CATALOG_FILE = 'dvcqg-opengov/backend/data/crawl/catalog.jsonl';

const Line = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  code: z.string(),
  codeNotation: z.string().nullable(),
  categories: z.array(z.string()),
  categoryIds: z.array(z.string()),
  departments: z.array(z.string()),
  departmentPromulgate: z.string().nullable(),
  departmentPromulgateId: z.string().nullable(),
  formalityTargetType: z.array(z.string()),
  state: z.string(),
  type: z.string(),
});
type CatalogLine = z.infer<typeof Line>;

function toRecord(line: number, l: CatalogLine, log: ImportLog): SourceRecord {
  const code = l.code.trim();
  if (code !== l.code)
    log.drop('catalog: code with surrounding spaces trimmed', JSON.stringify(l.code));
  const scope = scopeFromType(l.type);
  if (!scope) log.drop('catalog: unknown type, scope not set', `${code}: ${l.type}`);
  return {
    source: 'dvcqg-catalog',
    code,
    file: `${CATALOG_FILE}:${line}`,
    detailed: false,
    facts: {
      name: cleanInline(l.name),
      field: inlineOrNull(l.categories[0]),
      type: inlineOrNull(l.type),
      scope,
      province: scope === 'provincial' ? inlineOrNull(l.departmentPromulgate) : undefined,
      promulgatedBy: inlineOrNull(l.departmentPromulgate),
      agencies: { executing: uniqueStrings(l.departments) },
      targetGroups: uniqueStrings(l.formalityTargetType),
      sourceUrl: portalUrl(l.id),
    },
  };
}

/** Parses the master list; a bad line (not JSON, wrong shape, no code) is logged with its line number. */
export function parseDvcqgCatalog(root: string, log: ImportLog): ParsedSource {
  let text: string;
  try {
    text = readFileSync(path.join(root, CATALOG_FILE), 'utf8');
  } catch (error) {
    log.skip('dvcqg-catalog', CATALOG_FILE, `cannot read (${(error as Error).message})`);
    return { records: [], snapshotDate: null };
  }
  const records: SourceRecord[] = [];
  const lines = text.split('\n');
  // A code typed with stray spaces can collide with another procedure's exact code; the exact one keeps it.
  const exactCodes = new Set(
    lines
      .map((raw) => raw.match(/"code":"([^"]*)"/)?.[1])
      .filter((c): c is string => c !== undefined && c === c.trim()),
  );
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${CATALOG_FILE}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      log.skip('dvcqg-catalog', where, `not valid JSON (${(error as Error).message})`);
      return;
    }
    const parsed = Line.safeParse(value);
    if (!parsed.success) return log.skip('dvcqg-catalog', where, describeIssue(parsed.error));
    const code = parsed.data.code;
    if (code.trim() === '') return log.skip('dvcqg-catalog', where, 'record has no code');
    if (code !== code.trim() && exactCodes.has(code.trim())) {
      return log.skip(
        'dvcqg-catalog',
        where,
        `code ${JSON.stringify(code)} collides with another procedure's code ${code.trim()}`,
      );
    }
    records.push(toRecord(i + 1, parsed.data, log));
  });
  // The list has no date of its own; it was fetched in the same crawl run as the API details.
  return { records, snapshotDate: null };
}
