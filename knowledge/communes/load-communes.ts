/**
 * @module
 * Reads and validates the committed commune directory data (written by `npm run import:communes`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommuneDataSchema, type CommuneData } from './commune-schema.js';

/** Folder of the committed, normalized commune data. */
export const BUNDLED_COMMUNES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
export const COMMUNES_FILE = 'communes.json';
export const IMPORT_REPORT_FILE = 'import-report.json';

/** Thrown when the commune data file is missing or does not match its schema. */
export class CommuneDataInvalidError extends Error {
  constructor(message: string) {
    super(`Commune directory data is invalid: ${message}`);
    this.name = 'CommuneDataInvalidError';
  }
}

/** Reads `communes.json` from `dir` (default: the bundled data) and checks it against the schema. */
export function loadCommuneData(dir: string = BUNDLED_COMMUNES_DIR): CommuneData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dir, COMMUNES_FILE), 'utf8'));
  } catch (error) {
    throw new CommuneDataInvalidError(
      `cannot read ${COMMUNES_FILE} in ${dir}: ${(error as Error).message}`,
    );
  }
  const parsed = CommuneDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommuneDataInvalidError(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
