import type { Procedure, SourceName } from '../procedure-schema.js';

/**
 * What one source knows about one procedure. Every field is optional: `undefined` means "this source says
 * nothing", and the merge then asks the next source. Values are already cleaned and in our schema's shape.
 */
export type ProcedureFacts = Partial<
  Omit<Procedure, 'code' | 'detail' | 'agencies' | 'sources'> & {
    agencies: Partial<Procedure['agencies']>;
  }
>;

/** One parsed source record, keyed by procedure code. */
export interface SourceRecord {
  source: SourceName;
  code: string;
  /** File (relative to the source folder) the record came from, for the report. */
  file: string;
  /** True when the record carries procedure content (not only a listing or a usage weight). */
  detailed: boolean;
  facts: ProcedureFacts;
}

/** Result of parsing one source folder. */
export interface ParsedSource {
  records: SourceRecord[];
  /** Newest date the source's own metadata states (ISO date), if any. */
  snapshotDate: string | null;
}
