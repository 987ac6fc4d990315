import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  copyFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { META_FILE, PROCEDURES_FILE } from '../load-catalogue.js';
import type { CatalogueMeta, Procedure } from '../procedure-schema.js';

export const REPORT_FILE = 'import-report.json';

/** The catalogue files as text, exactly as they are written (stable key order, trailing newline). */
export interface CatalogueFiles {
  procedures: string;
  meta: CatalogueMeta;
  report: unknown;
}

/** One JSON line per procedure, in the given order, ending with a newline. */
export function serializeProcedures(procedures: Procedure[]): string {
  return procedures.map((p) => JSON.stringify(p)).join('\n') + '\n';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Writes the catalogue into a temporary folder next to `outDir`, then swaps the folders, so readers see either
 * the old catalogue or the new one, never a mix. Files in `outDir` that the import does not produce are kept.
 */
export function writeCatalogueAtomically(outDir: string, files: CatalogueFiles): void {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(path.resolve(outDir));
  const tmp = path.join(parent, `.${base}.tmp-${process.pid}`);
  const old = path.join(parent, `.${base}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    writeFileSync(path.join(tmp, PROCEDURES_FILE), files.procedures);
    writeFileSync(path.join(tmp, META_FILE), JSON.stringify(files.meta, null, 2) + '\n');
    writeFileSync(path.join(tmp, REPORT_FILE), JSON.stringify(files.report, null, 2) + '\n');
    const ours = new Set([PROCEDURES_FILE, META_FILE, REPORT_FILE]);
    if (existsSync(outDir)) {
      for (const entry of readdirSync(outDir, { withFileTypes: true })) {
        if (entry.isFile() && !ours.has(entry.name))
          copyFileSync(path.join(outDir, entry.name), path.join(tmp, entry.name));
      }
      renameSync(outDir, old);
    }
    renameSync(tmp, outDir);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(outDir)) renameSync(old, outDir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
