import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogueInvalidError } from '../errors.js';
import {
  CatalogueMetaSchema,
  ProcedureSchema,
  type CatalogueMeta,
  type Procedure,
} from './procedure-schema.js';

/** Folder of the committed, normalized catalogue (written by `npm run import`). */
export const BUNDLED_CATALOGUE_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'data',
);

export const PROCEDURES_FILE = 'procedures.jsonl';
export const META_FILE = 'meta.json';

/** Catalogue as loaded from disk: its header and all records, in code order. */
export interface LoadedCatalogue {
  meta: CatalogueMeta;
  procedures: Procedure[];
}

/**
 * Reads the catalogue folder. With `validate` every record is checked against the schema and all
 * problems are reported together; without it (the default at run time, for a fast start) records are
 * trusted because the importer and the test suite validate them.
 */
export function loadCatalogue(options: { dir?: string; validate?: boolean } = {}): LoadedCatalogue {
  const dir = options.dir ?? BUNDLED_CATALOGUE_DIR;
  let metaRaw: unknown;
  let lines: string[];
  try {
    metaRaw = JSON.parse(readFileSync(path.join(dir, META_FILE), 'utf8'));
    lines = readFileSync(path.join(dir, PROCEDURES_FILE), 'utf8').split('\n').filter(Boolean);
  } catch (error) {
    throw new CatalogueInvalidError([
      `cannot read catalogue in ${dir}: ${(error as Error).message}`,
    ]);
  }
  const problems: string[] = [];
  const meta = CatalogueMetaSchema.safeParse(metaRaw);
  if (!meta.success) problems.push(`${META_FILE}: ${meta.error.issues[0]?.message ?? 'invalid'}`);
  const procedures: Procedure[] = [];
  lines.forEach((line, i) => {
    try {
      const value: unknown = JSON.parse(line);
      if (options.validate) {
        const parsed = ProcedureSchema.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          problems.push(`${PROCEDURES_FILE}:${i + 1}: ${issue?.path.join('.')} ${issue?.message}`);
          return;
        }
        procedures.push(parsed.data);
      } else {
        procedures.push(value as Procedure);
      }
    } catch (error) {
      problems.push(`${PROCEDURES_FILE}:${i + 1}: ${(error as Error).message}`);
    }
  });
  if (problems.length > 0 || !meta.success) throw new CatalogueInvalidError(problems);
  return { meta: meta.data, procedures };
}
