/**
 * @module
 * The dossier store: the database (PGlite by default, PostgreSQL when a URL is given), migrated, plus
 * the attachment folder it references. Repositories are the `*-repository.ts` modules beside this one.
 */
import path from 'node:path';
import type { Config } from '../../common/config.js';
import { AttachmentStorage } from '../attachments/attachment-storage.js';
import { openPglite, openPostgres, type Database } from './database.js';
import { referencedStorageKeys } from './dossier-repository.js';
import { migrate } from './migrations.js';

export interface Store {
  readonly db: Database;
  readonly attachments: AttachmentStorage;
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
}

/** The store as configured (DATA_DIR, DATABASE_URL, pool size, attachment limit). */
export function storeOptionsFrom(config: Config): StoreOptions {
  return {
    dataDir: config.storage.dataDir,
    databaseUrl: config.storage.databaseUrl,
    poolSize: config.storage.poolSize,
    maxAttachmentBytes: config.dossiers.maxAttachmentBytes,
  };
}

/** Default age before an unreferenced file counts as orphaned: in-flight uploads are younger. */
export const ORPHAN_AGE_MS = 5 * 60_000;

/** Opens the database, applies migrations and returns the store. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { max: options.poolSize ?? 10 })
    : await openPglite(path.join(options.dataDir, 'pglite'));
  try {
    await migrate(db);
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
    sweepOrphans: (olderThanMs = ORPHAN_AGE_MS) =>
      attachments.sweep((keys) => referencedStorageKeys(db, keys), olderThanMs),
    close: () => db.close(),
  };
}
