import {
  ProcedureSchema,
  type CatalogueMeta,
  type Procedure,
  type SourceName,
} from '../procedure-schema.js';
import { applyOverlay, deriveResidentView } from '../resident-view.js';
import { loadResidentOverlay, type ResidentOverlay } from '../resident-overlay.js';
import { cleanFees } from './fee-items.js';
import { countFidelity } from './fidelity.js';
import { cleanFormTitles } from './form-titles.js';
import { ImportLog } from './import-report.js';
import { unitsFromCases } from './processing-cases.js';
import { mergeRecords } from './merge.js';
import { parseBqp } from './parse-bqp.js';
import { parseDvcqgApi } from './parse-dvcqg-api.js';
import { parseDvcqgCatalog } from './parse-dvcqg-catalog.js';
import { parseDvcqgCrawl } from './parse-dvcqg-crawl.js';
import { parseDvcqgNormalized } from './parse-dvcqg-normalized.js';
import { parsePopularity } from './parse-popularity.js';
import type { ParsedSource } from './partial.js';
import { buildReport, type ImportReport } from './report.js';
import { describeIssue } from './source-files.js';
import { serializeProcedures, sha256, writeCatalogueAtomically } from './write-catalogue.js';

/** Where to read the raw sources and where to write the catalogue. */
export interface ImportOptions {
  sourceDir: string;
  outDir: string;
  /** Build everything but do not write (tests, dry runs). */
  dryRun?: boolean;
  /** Reviewed resident-view overlay; defaults to the committed resident-overlay.json. */
  overlay?: ResidentOverlay;
}

/**
 * The clean-up steps after the merge, in order: units for bare-number times from the per-case times, fee
 * items, form titles, then the resident view (with the reviewed overlay where there is one).
 */
function finish(p: Procedure, overlay: ResidentOverlay, log: ImportLog): Procedure {
  const cleaned = cleanFormTitles(cleanFees(unitsFromCases(p, log), log), log);
  if (cleaned.detail !== 'full' || cleaned.documentGroups.length === 0) return cleaned;
  const derived = deriveResidentView(cleaned);
  const entry = overlay[cleaned.code];
  return { ...cleaned, resident: entry ? applyOverlay(cleaned, derived, entry) : derived };
}

/** What an import produced. */
export interface ImportResult {
  procedures: Procedure[];
  meta: CatalogueMeta;
  report: ImportReport;
}

const PARSERS: Array<[SourceName, (root: string, log: ImportLog) => ParsedSource]> = [
  ['dvcqg-api', parseDvcqgApi],
  ['dvcqg-normalized', parseDvcqgNormalized],
  ['dvcqg-crawl', parseDvcqgCrawl],
  ['bqp', parseBqp],
  ['dvcqg-catalog', parseDvcqgCatalog],
  ['popularity', parsePopularity],
];

/**
 * Reads every source under `sourceDir`, merges by code, validates each record with the schema and writes
 * procedures.jsonl, meta.json and import-report.json atomically into `outDir`. Output depends only on the
 * input files, so a re-run on the same input is byte-identical.
 */
export function runImport(options: ImportOptions): ImportResult {
  const log = new ImportLog();
  const parsed = PARSERS.map(([name, parse]) => ({ name, result: parse(options.sourceDir, log) }));
  const { procedures: merged, fieldSources } = mergeRecords(
    parsed.flatMap((p) => p.result.records),
    log,
  );
  const snapshotDates = Object.fromEntries(parsed.map((p) => [p.name, p.result.snapshotDate]));
  const snapshotDate =
    Object.values(snapshotDates)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? '';
  const overlay = options.overlay ?? loadResidentOverlay();
  const before = countFidelity(merged, snapshotDate);
  const finished = merged.map((p) => finish(p, overlay, log));
  const procedures: Procedure[] = [];
  for (const candidate of finished) {
    const checked = ProcedureSchema.safeParse(candidate);
    if (checked.success) procedures.push(checked.data);
    else
      log.skip('merge', candidate.code, `record fails the schema: ${describeIssue(checked.error)}`);
  }
  const text = serializeProcedures(procedures);
  const meta: CatalogueMeta = {
    schemaVersion: 1,
    snapshotDate,
    count: procedures.length,
    sha256: sha256(text),
  };
  const report = buildReport({
    procedures,
    parsed: parsed.map((p) => ({ name: p.name, records: p.result.records.length })),
    snapshotDates,
    snapshotDate,
    fieldSources,
    log,
    fidelity: { before, after: countFidelity(procedures, snapshotDate) },
  });
  if (!options.dryRun) writeCatalogueAtomically(options.outDir, { procedures: text, meta, report });
  return { procedures, meta, report };
}
