import type { Procedure, SourceName } from '../procedure-schema.js';
import type { ImportLog } from './import-report.js';
import type { ProcedureFacts, SourceRecord } from './partial.js';

/*
 * Merges source records by code. Per field the first source (in priority order) that has a real value wins:
 * structured API > normalized API > re-parsed crawl > BQP export > master list. Values are never combined
 * across sources (a list from one source is not padded with items from another), so every field stays one
 * source's true statement. The procedure type prefers the printed wording (crawl, BQP) over the API's code.
 */

export const SOURCE_PRIORITY: SourceName[] = [
  'dvcqg-api',
  'dvcqg-normalized',
  'dvcqg-crawl',
  'bqp',
  'dvcqg-catalog',
  'popularity',
];
const TYPE_PRIORITY: SourceName[] = [
  'dvcqg-crawl',
  'bqp',
  'dvcqg-api',
  'dvcqg-normalized',
  'dvcqg-catalog',
];

type FieldName =
  Exclude<keyof ProcedureFacts, 'agencies'> | `agencies.${keyof Procedure['agencies']}`;

/** Which source gave each field of each record (for the import report). */
export type FieldSources = Partial<Record<FieldName, Partial<Record<SourceName, number>>>>;

function filled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

function rank(order: SourceName[], source: SourceName): number {
  const i = order.indexOf(source);
  return i === -1 ? order.length : i;
}

/** Builds one procedure from its source records (already in priority order), or null without a portal URL. */
function mergeOne(
  code: string,
  records: SourceRecord[],
  fieldSources: FieldSources,
  log: ImportLog,
): Procedure | null {
  const pick = <T>(
    field: FieldName,
    get: (f: ProcedureFacts) => T | undefined,
    order = SOURCE_PRIORITY,
  ): T | undefined => {
    const sorted = [...records].sort((a, b) => rank(order, a.source) - rank(order, b.source));
    for (const record of sorted) {
      const value = get(record.facts);
      if (filled(value)) {
        const counts = (fieldSources[field] ??= {});
        counts[record.source] = (counts[record.source] ?? 0) + 1;
        return value;
      }
    }
    return undefined;
  };
  const sourceUrl = pick('sourceUrl', (f) => f.sourceUrl);
  const name = pick('name', (f) => f.name);
  if (sourceUrl === undefined || name === undefined) {
    log.drop(
      'record dropped: no portal URL (not in the master list and no page of its own)',
      `${code} (${records.map((r) => r.source).join(', ')})`,
    );
    return null;
  }
  let scope = pick('scope', (f) => f.scope);
  if (scope === undefined) {
    // Only page crawls and BQP exports of ministry catalogues lack a type; those are national procedures.
    log.drop('scope: not stated by any source, national assumed (ministry catalogue)', code);
    scope = 'national';
  }
  return {
    code,
    name,
    detail: records.some((r) => r.detailed) ? 'full' : 'listed',
    field: pick('field', (f) => f.field) ?? null,
    levels: pick('levels', (f) => f.levels) ?? [],
    type: pick('type', (f) => f.type, TYPE_PRIORITY) ?? null,
    scope,
    province: scope === 'provincial' ? (pick('province', (f) => f.province) ?? null) : null,
    promulgatedBy: pick('promulgatedBy', (f) => f.promulgatedBy) ?? null,
    decisionNumber: pick('decisionNumber', (f) => f.decisionNumber) ?? null,
    agencies: {
      executing: pick('agencies.executing', (f) => f.agencies?.executing) ?? [],
      competent: pick('agencies.competent', (f) => f.agencies?.competent) ?? [],
      coordinating: pick('agencies.coordinating', (f) => f.agencies?.coordinating) ?? [],
      receivingAddress:
        pick('agencies.receivingAddress', (f) => f.agencies?.receivingAddress) ?? null,
    },
    targetGroups: pick('targetGroups', (f) => f.targetGroups) ?? [],
    steps: pick('steps', (f) => f.steps) ?? [],
    filingMethods: pick('filingMethods', (f) => f.filingMethods) ?? [],
    processingCases: pick('processingCases', (f) => f.processingCases) ?? [],
    documentGroups: pick('documentGroups', (f) => f.documentGroups) ?? [],
    results: pick('results', (f) => f.results) ?? [],
    conditions: pick('conditions', (f) => f.conditions) ?? null,
    legalBases: pick('legalBases', (f) => f.legalBases) ?? [],
    fullyOnline: pick('fullyOnline', (f) => f.fullyOnline) ?? null,
    sourceUrl,
    updatedAt: pick('updatedAt', (f) => f.updatedAt) ?? null,
    popularity: pick('popularity', (f) => f.popularity) ?? null,
    sources: SOURCE_PRIORITY.filter((s) => records.some((r) => r.source === s)),
  };
}

/** Merges all records; returns procedures sorted by code (byte order) and per-field source counts. */
export function mergeRecords(
  all: SourceRecord[],
  log: ImportLog,
): { procedures: Procedure[]; fieldSources: FieldSources } {
  const byCode = new Map<string, SourceRecord[]>();
  for (const record of all) {
    const list = byCode.get(record.code) ?? [];
    if (list.some((r) => r.source === record.source)) {
      log.drop(
        'record: duplicate code within one source, later copy ignored',
        `${record.code} (${record.file})`,
      );
      continue;
    }
    list.push(record);
    byCode.set(record.code, list);
  }
  const fieldSources: FieldSources = {};
  const procedures: Procedure[] = [];
  for (const code of [...byCode.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const records = byCode.get(code) ?? [];
    if (records.every((r) => r.source === 'popularity')) {
      log.drop('popularity: code not in the catalogue', code);
      continue;
    }
    const procedure = mergeOne(code, records, fieldSources, log);
    if (procedure) procedures.push(procedure);
  }
  return { procedures, fieldSources };
}
