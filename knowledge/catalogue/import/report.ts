import type { Procedure } from '../procedure-schema.js';
import type { DropEntry, ImportLog, SkippedFile } from './import-report.js';
import type { FidelityCounts } from './fidelity.js';
import type { FieldSources } from './merge.js';

/** The import report written to import-report.json (no run timestamps: re-runs stay byte-identical). */
export interface ImportReport {
  snapshotDate: string;
  sourceSnapshotDates: Record<string, string | null>;
  sources: Record<string, { records: number; skippedFiles: number }>;
  output: { records: number; detailed: number; listed: number };
  byLevel: Record<string, number>;
  fieldsFilled: { all: Record<string, number>; detailed: Record<string, number> };
  fieldSources: FieldSources;
  /** Unit-less times, fee validity, form titles and resident views before and after the clean-up steps. */
  fidelity: { before: FidelityCounts; after: FidelityCounts };
  skippedFiles: SkippedFile[];
  drops: Record<string, DropEntry>;
}

const FIELD_CHECKS: Record<string, (p: Procedure) => boolean> = {
  field: (p) => p.field !== null,
  levels: (p) => p.levels.length > 0,
  type: (p) => p.type !== null,
  province: (p) => p.province !== null,
  promulgatedBy: (p) => p.promulgatedBy !== null,
  decisionNumber: (p) => p.decisionNumber !== null,
  'agencies.executing': (p) => p.agencies.executing.length > 0,
  'agencies.competent': (p) => p.agencies.competent.length > 0,
  'agencies.coordinating': (p) => p.agencies.coordinating.length > 0,
  'agencies.receivingAddress': (p) => p.agencies.receivingAddress !== null,
  targetGroups: (p) => p.targetGroups.length > 0,
  steps: (p) => p.steps.length > 0,
  filingMethods: (p) => p.filingMethods.length > 0,
  processingTime: (p) => p.filingMethods.some((m) => m.processingTime !== null),
  processingTimeWithUnit: (p) =>
    p.filingMethods.some((m) => m.processingTime !== null && m.processingTime.unit !== 'other'),
  fees: (p) => p.filingMethods.some((m) => m.fees.length > 0),
  feeAmount: (p) => p.filingMethods.some((m) => m.fees.some((f) => f.amountVnd !== null)),
  documents: (p) => p.documentGroups.some((g) => g.documents.length > 0),
  forms: (p) => p.documentGroups.some((g) => g.documents.some((d) => d.forms.length > 0)),
  results: (p) => p.results.length > 0,
  conditions: (p) => p.conditions !== null,
  legalBases: (p) => p.legalBases.length > 0,
  fullyOnline: (p) => p.fullyOnline !== null,
  updatedAt: (p) => p.updatedAt !== null,
  popularity: (p) => p.popularity !== null,
};

function countFields(procedures: Procedure[]): Record<string, number> {
  return Object.fromEntries(
    Object.entries(FIELD_CHECKS).map(([name, check]) => [name, procedures.filter(check).length]),
  );
}

export function buildReport(input: {
  procedures: Procedure[];
  parsed: Array<{ name: string; records: number }>;
  snapshotDates: Record<string, string | null>;
  snapshotDate: string;
  fieldSources: FieldSources;
  log: ImportLog;
  fidelity: { before: FidelityCounts; after: FidelityCounts };
}): ImportReport {
  const { procedures, log } = input;
  const detailed = procedures.filter((p) => p.detail === 'full');
  const byLevel: Record<string, number> = { bo: 0, tinh: 0, xa: 0, none: 0 };
  for (const p of procedures) {
    if (p.levels.length === 0) byLevel.none = (byLevel.none ?? 0) + 1;
    for (const level of p.levels) byLevel[level] = (byLevel[level] ?? 0) + 1;
  }
  return {
    snapshotDate: input.snapshotDate,
    sourceSnapshotDates: input.snapshotDates,
    sources: Object.fromEntries(
      input.parsed.map((p) => [
        p.name,
        { records: p.records, skippedFiles: log.skipped.filter((s) => s.source === p.name).length },
      ]),
    ),
    output: {
      records: procedures.length,
      detailed: detailed.length,
      listed: procedures.length - detailed.length,
    },
    byLevel,
    fieldsFilled: { all: countFields(procedures), detailed: countFields(detailed) },
    fieldSources: input.fieldSources,
    fidelity: input.fidelity,
    skippedFiles: log.skipped,
    drops: log.dropsAsObject(),
  };
}

/** A short, readable summary of the report for stderr. */
export function formatReportSummary(report: ImportReport): string {
  const pct = (n: number, of: number) => (of === 0 ? '0' : ((100 * n) / of).toFixed(1));
  const d = report.output.detailed;
  const lines = [
    `Catalogue import — snapshot ${report.snapshotDate}`,
    `  records: ${report.output.records} (detailed ${d}, listed only ${report.output.listed})`,
    `  by level: ${Object.entries(report.byLevel)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '  sources:',
    ...Object.entries(report.sources).map(
      ([name, s]) =>
        `    ${name.padEnd(17)} ${String(s.records).padStart(5)} records, ${s.skippedFiles} skipped (snapshot ${report.sourceSnapshotDates[name] ?? '—'})`,
    ),
    '  detailed records with:',
    ...Object.entries(report.fieldsFilled.detailed).map(
      ([k, v]) => `    ${k.padEnd(26)} ${String(v).padStart(5)}  ${pct(v, d)} %`,
    ),
    '  fidelity (before → after clean-up):',
    ...Object.keys(report.fidelity.before).map((k) => {
      const key = k as keyof FidelityCounts;
      return `    ${k.padEnd(30)} ${String(report.fidelity.before[key]).padStart(6)} → ${report.fidelity.after[key]}`;
    }),
    `  skipped files: ${report.skippedFiles.length}`,
    ...report.skippedFiles.slice(0, 25).map((s) => `    [${s.source}] ${s.file}: ${s.reason}`),
    '  dropped or uncertain values:',
    ...Object.entries(report.drops).map(
      ([reason, e]) => `    ${String(e.count).padStart(6)}  ${reason}`,
    ),
  ];
  return lines.join('\n');
}
