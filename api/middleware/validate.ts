/**
 * @module
 * Parses a value with a zod schema and Vietnamese messages, or throws a 400 listing every field.
 * Handlers call it on `req.body`, `req.query` or `req.params` and read only what it returns.
 */
import type { z } from 'zod';
import { issuesToFields, viErrorMap } from '../../common/zod-vi.js';
import { invalid } from '../errors.js';

/** The parsed value; throws HttpError 400 `VALIDATION_FAILED` with `fields` on failure. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string[] = [],
): z.output<S> {
  const result = schema.safeParse(value ?? {}, { error: viErrorMap });
  if (!result.success) throw invalid(issuesToFields(result.error.issues, prefix));
  return result.data;
}
