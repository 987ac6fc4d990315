import { z } from 'zod';
import type { FilingMethod } from '../procedure-schema.js';
import { makeDuration, parseQuantity, textDuration, unitFromApi } from './durations.js';
import { feeKindFromApi, makeFee } from './fees.js';
import type { ImportLog } from './import-report.js';
import { processingCases } from './processing-cases.js';
import type { ParsedSource, SourceRecord } from './partial.js';
import { channelFromApi, cleanLegalNumber, uniqueLegalBases, vietnamDate } from './portal.js';
import { listFiles, readJsonFile } from './source-files.js';
import { blockOrNull, cleanInline, inlineOrNull, lines, uniqueStrings } from './text.js';

/*
 * Parser for the normalized records beside the API responses (dvcqg-opengov/data/procedures/<code>.json). They
 * are derived from the same API data, so they mostly confirm it; they fill a field only where the API is empty.
 */

export const NORMALIZED_DIR = 'dvcqg-opengov/data/procedures';

const Attachment = z.strictObject({
  id: z.string(),
  fileName: z.string(),
  bucketName: z.string(),
  filePath: z.string(),
});
const Record = z.strictObject({
  code: z.string(),
  source_id: z.string(),
  name: z.string(),
  category: z.strictObject({ code: z.string(), name: z.string() }).nullable(),
  promulgating_agency: z.string().nullable(),
  executing_agency: z.string().nullable(),
  subject_types: z.array(z.string()),
  results: z.array(z.string()),
  requirements: z.string().nullable(),
  channels: z.array(
    z.strictObject({
      method: z.string(),
      fees: z.array(
        z.strictObject({ type: z.string(), value_vnd: z.number().nullable(), text: z.string() }),
      ),
      processing: z.strictObject({
        qty: z.union([z.number(), z.string()]).nullable(),
        unit: z.string(),
      }),
      note: z.string(),
    }),
  ),
  processing_cases: z.array(
    z.strictObject({ case_code: z.string(), qty: z.number(), unit: z.string() }),
  ),
  legal_basis: z.array(z.strictObject({ code: z.string(), name: z.string() })),
  steps_raw: z.array(z.strictObject({ name: z.string(), text: z.string() })),
  checklist_raw: z.array(
    z.strictObject({
      group: z.string(),
      items: z.array(
        z.strictObject({
          name: z.string(),
          original_qty: z.number().int().nonnegative(),
          copy_qty: z.number().int().nonnegative(),
          code: z.string(),
          has_electronic_form: z.boolean(),
          is_processing_result: z.boolean().optional(),
          attachments: z.array(Attachment),
        }),
      ),
    }),
  ),
  state: z.string(),
  source: z.strictObject({
    url: z.string(),
    updated_at: z.string(),
    created_at: z.string(),
    crawled_at: z.string(),
  }),
});
type Normalized = z.infer<typeof Record>;

function method(
  c: Normalized['channels'][number],
  code: string,
  log: ImportLog,
): FilingMethod | null {
  const channel = channelFromApi(c.method);
  if (!channel) return null;
  let description = blockOrNull(c.note);
  const unit = unitFromApi(c.processing.unit) ?? 'other';
  const qty =
    typeof c.processing.qty === 'number' ? c.processing.qty : parseQuantity(c.processing.qty ?? '');
  const time =
    qty !== undefined
      ? makeDuration(qty, unit, unit === 'other' ? description : null, code, log)
      : textDuration(String(c.processing.qty ?? ''), description, code, log);
  if (time.usedDescription) description = null;
  // value_vnd is null when the API amount was not in VND; the text then carries the amount.
  const fees = c.fees.flatMap(
    (f) =>
      makeFee(
        feeKindFromApi(f.type),
        f.value_vnd,
        f.value_vnd === null ? 'other' : 'VND',
        f.text,
        code,
        log,
      ) ?? [],
  );
  return { channel, processingTime: time.duration, fees, description };
}

function toRecord(file: string, r: Normalized, log: ImportLog): SourceRecord {
  const code = r.code.trim();
  return {
    source: 'dvcqg-normalized',
    code,
    file,
    detailed: true,
    facts: {
      name: cleanInline(r.name),
      field: inlineOrNull(r.category?.name),
      promulgatedBy: inlineOrNull(r.promulgating_agency),
      agencies: { executing: uniqueStrings([r.executing_agency]) },
      targetGroups: uniqueStrings(r.subject_types),
      steps: r.steps_raw.flatMap((s) => lines(s.text)),
      filingMethods: r.channels.flatMap((c) => method(c, code, log) ?? []),
      processingCases: processingCases(
        r.processing_cases.map((c) => ({ code: c.case_code, qty: c.qty, unit: c.unit })),
        code,
        log,
      ),
      documentGroups: r.checklist_raw
        .map((g) => ({
          name: inlineOrNull(g.group),
          documents: g.items.map((i) => ({
            name: cleanInline(i.name),
            originals: i.original_qty,
            copies: i.copy_qty,
            forms: i.attachments.map((a) => ({
              fileName: cleanInline(a.fileName),
              title: null,
              url: null,
            })),
          })),
        }))
        .filter((g) => g.documents.length > 0),
      results: uniqueStrings(r.results),
      conditions: blockOrNull(r.requirements),
      legalBases: uniqueLegalBases(
        r.legal_basis.flatMap((l) => {
          const title = inlineOrNull(l.name) ?? inlineOrNull(l.code);
          return title === null ? [] : [{ number: cleanLegalNumber(l.code), title }];
        }),
      ),
      sourceUrl: r.source.url.trim(),
      updatedAt: vietnamDate(r.source.updated_at),
    },
  };
}

/** Parses every normalized record under {@link NORMALIZED_DIR}; bad files are logged and skipped. */
export function parseDvcqgNormalized(root: string, log: ImportLog): ParsedSource {
  const records: SourceRecord[] = [];
  let crawled: string | null = null;
  for (const file of listFiles(root, NORMALIZED_DIR, '.json')) {
    const record = readJsonFile(root, file, Record, 'dvcqg-normalized', log);
    if (!record) continue;
    if (record.code.trim() === '') {
      log.skip('dvcqg-normalized', file, 'record has no code');
      continue;
    }
    const date = vietnamDate(record.source.crawled_at);
    if (date && (crawled === null || date > crawled)) crawled = date;
    records.push(toRecord(file, record, log));
  }
  return { records, snapshotDate: crawled };
}
