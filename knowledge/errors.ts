import { AppError } from '../common/errors.js';

/** The bundled catalogue is missing or has invalid records (lists them). */
export class CatalogueInvalidError extends AppError {
  constructor(readonly problems: string[]) {
    super('CATALOGUE_INVALID', `Catalogue invalid:\n  - ${problems.slice(0, 20).join('\n  - ')}`);
  }
}

/** The search index on disk is missing, stale or unreadable; it must be (re)built. */
export class IndexUnavailableError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('INDEX_UNAVAILABLE', message, { cause });
  }
}
