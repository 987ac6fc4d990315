/**
 * @module
 * What the dossier API needs to know about a procedure: its name and processing time in working days.
 * The entry point passes one backed by the real catalogue ({@link procedureLookupFromCatalogue});
 * tests pass a tiny fixed one ({@link staticProcedureLookup}).
 */
import type { Catalogue, Procedure } from '../knowledge/index.js';

export interface ProcedureFacts {
  code: string;
  name: string;
  /** Processing time in working days; null when the catalogue does not state one as working days. */
  processingWorkingDays: number | null;
  /**
   * The agency that executes the procedure at commune level as the record states it (e.g. "Công an cấp
   * Xã", "UBND cấp xã"); decides which desk of the commune receives the dossier. Absent: UBND one-stop.
   */
  agency?: string | null;
  /** The record's facts an officer checks on the dossier page (text as the record has it). */
  details?: ProcedureDetails;
}

/** Facts from the catalogue record, verbatim, for the officer console. */
export interface ProcedureDetails {
  field: string | null;
  sourceUrl: string;
  receivingAddress: string | null;
  /** Every document of the record, with its group ("Trường hợp …") when the record has one. */
  documents: Array<{ group: string | null; name: string }>;
  /** Processing time and fees per way of filing, as the record states them. */
  filingMethods: Array<{ channel: string; time: string | null; fees: string[] }>;
  legalBases: string[];
}

const CHANNEL_LABELS: Record<string, string> = {
  online: 'Trực tuyến',
  in_person: 'Trực tiếp',
  postal: 'Bưu chính',
};
const UNIT_LABELS: Record<string, string> = {
  working_day: 'ngày làm việc',
  day: 'ngày',
  hour: 'giờ',
  month: 'tháng',
  year: 'năm',
};

/** The officer-facing facts of a record (no rewording: names and texts are the record's own). */
export function procedureDetails(procedure: Procedure): ProcedureDetails {
  return {
    field: procedure.field,
    sourceUrl: procedure.sourceUrl,
    receivingAddress: procedure.agencies.receivingAddress,
    documents: procedure.documentGroups.flatMap((g) =>
      g.documents.map((d) => ({ group: g.name, name: d.name })),
    ),
    filingMethods: procedure.filingMethods.map((m) => {
      const t = m.processingTime;
      const unit = t ? UNIT_LABELS[t.unit] : undefined;
      const time = !t
        ? null
        : t.text
          ? t.text
          : t.quantity !== null
            ? `${t.quantity} ${unit ?? '(không ghi đơn vị)'}`
            : null;
      return {
        channel: CHANNEL_LABELS[m.channel] ?? m.channel,
        time,
        fees: m.fees.map((f) => f.text),
      };
    }),
    legalBases: procedure.legalBases.map((l) => l.title),
  };
}

/** Finds a procedure by code (may be async, e.g. while the catalogue is still loading at start-up). */
export type ProcedureLookup = (
  code: string,
) => ProcedureFacts | undefined | Promise<ProcedureFacts | undefined>;

/** A lookup over a fixed list (tests, benchmarks). */
export function staticProcedureLookup(facts: readonly ProcedureFacts[]): ProcedureLookup {
  const byCode = new Map(facts.map((f) => [f.code, f]));
  return (code) => byCode.get(code);
}

/**
 * Processing time of the online filing method (else in person, else any) when the catalogue states it
 * in working days. Calendar-day and free-text times give null: we never promise a date we had to guess.
 */
export function workingDaysOf(procedure: Procedure): number | null {
  const order = ['online', 'in_person', 'postal'] as const;
  const methods = [...procedure.filingMethods].sort(
    (a, b) => order.indexOf(a.channel) - order.indexOf(b.channel),
  );
  for (const method of methods) {
    const time = method.processingTime;
    if (time?.unit === 'working_day' && time.quantity !== null) return Math.ceil(time.quantity);
  }
  return null;
}

/**
 * A lookup backed by the procedure catalogue, given directly or as a function resolving to it (so the
 * server can start before the catalogue is loaded).
 * @example procedureLookupFromCatalogue(async () => (await assistantReady).catalogue)
 */
export function procedureLookupFromCatalogue(
  catalogue: Pick<Catalogue, 'get'> | (() => Promise<Pick<Catalogue, 'get'>>),
): ProcedureLookup {
  return async (code) => {
    const source = typeof catalogue === 'function' ? await catalogue() : catalogue;
    const procedure = source.get(code);
    if (!procedure) return undefined;
    return {
      code: procedure.code,
      name: procedure.name,
      processingWorkingDays: workingDaysOf(procedure),
      agency: procedure.agencies.executing.join('; ') || null,
      details: procedureDetails(procedure),
    };
  };
}
