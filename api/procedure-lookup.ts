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
    };
  };
}
