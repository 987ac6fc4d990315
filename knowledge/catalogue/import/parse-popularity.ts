import { z } from 'zod';
import type { ImportLog } from './import-report.js';
import type { ParsedSource, SourceRecord } from './partial.js';
import { listFiles, readJsonFile, sourceMdDate } from './source-files.js';

/*
 * Parser for the portal's online-service lists with usage weights (dvcqg-popularity-songgio/*.json). WEIGHT is
 * joined on TTHC_MA; a code in several lists keeps its highest weight.
 */

export const POPULARITY_DIR = 'dvcqg-popularity-songgio';

const Row = z.strictObject({
  TTHC_MA: z.string(),
  TYPE: z.string(),
  NAME: z.string(),
  ISNGANHDOC: z.string(),
  WEIGHT: z.string(),
  TOTAL_RECORDS: z.string(),
});

/** One record per code with its highest weight across all list files. */
export function parsePopularity(root: string, log: ImportLog): ParsedSource {
  const best = new Map<string, { weight: number; file: string }>();
  for (const file of listFiles(root, POPULARITY_DIR, '.json')) {
    const rows = readJsonFile(root, file, z.array(Row), 'popularity', log);
    for (const row of rows ?? []) {
      const code = row.TTHC_MA.trim();
      if (code === '') {
        log.drop('popularity: row without a code', `${file}: ${row.NAME}`);
        continue;
      }
      const weight = Number(row.WEIGHT);
      if (!/^\d+(?:\.\d+)?$/.test(row.WEIGHT.trim())) {
        log.drop('popularity: weight is not a number', `${code}: ${row.WEIGHT}`);
        continue;
      }
      const current = best.get(code);
      if (!current || weight > current.weight) best.set(code, { weight, file });
    }
  }
  const records: SourceRecord[] = [...best.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, { weight, file }]) => ({
      source: 'popularity',
      code,
      file,
      detailed: false,
      facts: { popularity: weight },
    }));
  return { records, snapshotDate: sourceMdDate(root, POPULARITY_DIR) };
}
