import type { Level, Procedure } from './procedure-schema.js';
import { loadCatalogue, type LoadedCatalogue } from './load-catalogue.js';

/** Counts printed by `npm run catalogue -- --stats`. */
export interface CatalogueStats {
  listed: number;
  detailed: number;
  withDocuments: number;
  withProcessingTime: number;
  withLegalBasis: number;
  withFees: number;
  commune: number;
  snapshotDate: string;
  byLevel: Record<string, number>;
  byField: Record<string, number>;
}

/** Read-only access to the procedure catalogue. */
export class Catalogue {
  readonly snapshotDate: string;
  readonly procedures: readonly Procedure[];
  private readonly byCode: Map<string, Procedure>;

  constructor(loaded: LoadedCatalogue) {
    this.snapshotDate = loaded.meta.snapshotDate;
    this.procedures = loaded.procedures;
    this.byCode = new Map(loaded.procedures.map((p) => [p.code, p]));
  }

  /** Loads the bundled catalogue (or the one in `dir`). */
  static load(options: { dir?: string; validate?: boolean } = {}): Catalogue {
    return new Catalogue(loadCatalogue(options));
  }

  get(code: string): Procedure | undefined {
    return this.byCode.get(code.trim());
  }

  /** Procedures of a field (lĩnh vực, case-insensitive) and/or level. */
  list(filter: { field?: string; level?: Level } = {}): Procedure[] {
    const field = filter.field?.toLocaleLowerCase('vi');
    return this.procedures.filter(
      (p) =>
        (field === undefined || p.field?.toLocaleLowerCase('vi') === field) &&
        (filter.level === undefined || p.levels.includes(filter.level)),
    );
  }

  stats(): CatalogueStats {
    const count = (pred: (p: Procedure) => boolean) => this.procedures.filter(pred).length;
    const tally = (keys: (p: Procedure) => string[]) => {
      const out: Record<string, number> = {};
      for (const p of this.procedures) for (const k of keys(p)) out[k] = (out[k] ?? 0) + 1;
      return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
    };
    return {
      listed: this.procedures.length,
      detailed: count((p) => p.detail === 'full'),
      withDocuments: count((p) => p.documentGroups.some((g) => g.documents.length > 0)),
      withProcessingTime: count((p) => p.filingMethods.some((m) => m.processingTime !== null)),
      withLegalBasis: count((p) => p.legalBases.length > 0),
      withFees: count((p) => p.filingMethods.some((m) => m.fees.length > 0)),
      commune: count((p) => p.levels.includes('xa')),
      snapshotDate: this.snapshotDate,
      byLevel: tally((p) => (p.levels.length > 0 ? p.levels : ['unknown'])),
      byField: tally((p) => [p.field ?? 'unknown']),
    };
  }
}
