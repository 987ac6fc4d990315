/**
 * @module
 * The dossier store: the database (PGlite by default, PostgreSQL when a URL is given), migrated, plus
 * the attachment folder it references and the audit key its history chain is signed with.
 * Repositories are the `*-repository.ts` modules beside this one.
 */
import path from 'node:path';
import type { Config } from '../../common/config.js';
import { AttachmentStorage } from '../attachments/attachment-storage.js';
import { loadAuditKey, type AuditKey, type AuditKeySource } from '../audit/audit-key.js';
import type { LegacyRekeyed } from '../audit/audit-marks.js';
import { rekeyLegacyChains } from '../audit/rekey-legacy.js';
import { openPglite, openPostgres, type Database } from './database.js';
import { referencedStorageKeys } from './dossier-repository.js';
import { migrate } from './migrations.js';

export interface Store {
  readonly db: Database;
  readonly attachments: AttachmentStorage;
  /** Signs the dossier history chain (kept outside the database). */
  readonly audit: AuditKey;
  /** What opening this store re-keyed (legacy chains from before the audit key), if anything. */
  readonly rekeyed: LegacyRekeyed | null;
  /** Removes attachment files no committed row references (older than `olderThanMs`). */
  sweepOrphans(olderThanMs?: number): Promise<number>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** DATA_DIR: PGlite files go to `<dataDir>/pglite`, attachments to `<dataDir>/attachments`. */
  dataDir: string;
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string | undefined;
  maxAttachmentBytes: number;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** Where the audit key comes from; default: `<dataDir>/audit-key`, generated on first use. */
  audit?: AuditKeySource;
}

/** The store as configured (DATA_DIR, DATABASE_URL, pool size, attachment limit). */
export function storeOptionsFrom(config: Config): StoreOptions {
  return {
    dataDir: config.storage.dataDir,
    databaseUrl: config.storage.databaseUrl,
    poolSize: config.storage.poolSize,
    maxAttachmentBytes: config.dossiers.maxAttachmentBytes,
    audit: config.audit,
  };
}

/** Default age before an unreferenced file counts as orphaned: in-flight uploads are younger. */
export const ORPHAN_AGE_MS = 5 * 60_000;

/**
 * Loads the audit key, opens the database, applies migrations, re-keys legacy history chains (once)
 * and returns the store.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  // The key first: a missing key file must stop us before anything is written.
  const audit = await loadAuditKey(
    options.audit ?? { keyFile: path.join(options.dataDir, 'audit-key'), generate: true },
  );
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { max: options.poolSize ?? 10 })
    : await openPglite(path.join(options.dataDir, 'pglite'));
  let rekeyed: LegacyRekeyed | null;
  try {
    await migrate(db);
    rekeyed = await rekeyLegacyChains(db, audit);
  } catch (error) {
    await db.close();
    throw error;
  }
  const attachments = new AttachmentStorage(path.join(options.dataDir, 'attachments'), {
    maxBytes: options.maxAttachmentBytes,
  });
  return {
    db,
    attachments,
    audit,
    rekeyed,
    sweepOrphans: (olderThanMs = ORPHAN_AGE_MS) =>
      attachments.sweep((keys) => referencedStorageKeys(db, keys), olderThanMs),
    close: () => db.close(),
  };
}
