import type { Level, Procedure } from './procedure-schema.js';
import { loadCatalogue, type LoadedCatalogue } from './load-catalogue.js';
import { procedureNameKey } from './procedure-name.js';

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
  private byNameKey: Map<string, Procedure[]> | undefined;

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

  /**
   * The commune-level (cấp xã) variant of a procedure: the procedure itself when it is done at commune level,
   * else another procedure with the same name (ignoring case, spacing, diacritics and a leading "Thủ tục")
   * that is. A province-specific variant only counts for its own province: `options.province` (the
   * promulgating UBND, e.g. "UBND tỉnh Thanh Hóa") or, by default, the procedure's own province. Among several,
   * a national one wins, then one with full detail, then the lowest code. Undefined if there is none.
   */
  communeVariant(code: string, options: { province?: string } = {}): Procedure | undefined {
    const procedure = this.get(code);
    if (!procedure) return undefined;
    if (procedure.levels.includes('xa')) return procedure;
    const province = options.province ?? procedure.province;
    const candidates = (this.nameIndex().get(procedureNameKey(procedure.name)) ?? []).filter(
      (p) =>
        p.code !== procedure.code &&
        p.levels.includes('xa') &&
        (p.scope !== 'provincial' || (province !== null && p.province === province)),
    );
    const score = (p: Procedure) =>
      (p.scope === 'national' ? 0 : 2) + (p.detail === 'full' ? 0 : 1);
    return [...candidates].sort((a, b) => score(a) - score(b) || (a.code < b.code ? -1 : 1))[0];
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

  /** Name key → procedures, built on first use so loading stays fast. */
  private nameIndex(): Map<string, Procedure[]> {
    if (!this.byNameKey) {
      this.byNameKey = new Map();
      for (const p of this.procedures) {
        const key = procedureNameKey(p.name);
        this.byNameKey.set(key, [...(this.byNameKey.get(key) ?? []), p]);
      }
    }
    return this.byNameKey;
  }
}
