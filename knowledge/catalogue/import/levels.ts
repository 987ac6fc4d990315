import type { Level } from '../procedure-schema.js';
import type { ImportLog } from './import-report.js';
import { cleanInline } from './text.js';

const ORDER: Level[] = ['bo', 'tinh', 'xa'];

const WORDS: Record<string, Level> = { 'cấp bộ': 'bo', 'cấp tỉnh': 'tinh', 'cấp xã': 'xa' };

/** Sorts and de-duplicates levels in the fixed order bo, tinh, xa (stable output). */
export function orderLevels(levels: Iterable<Level>): Level[] {
  const set = new Set(levels);
  return ORDER.filter((level) => set.has(level));
}

/**
 * Levels from the printed "Cấp thực hiện" text ("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác"). "Cơ quan khác" (other
 * agency) is not a level and is reported. "Cấp huyện" (district level, abolished on 01/07/2025) is reported and
 * not mapped: its procedures moved to commune or province level case by case, so guessing would invent a fact.
 */
export function levelsFromText(
  text: string | null | undefined,
  code: string,
  log: ImportLog,
): Level[] {
  const out: Level[] = [];
  for (const part of cleanInline(text).split(',')) {
    const word = part.trim().toLocaleLowerCase('vi');
    if (word === '') continue;
    const level = WORDS[word];
    if (level) out.push(level);
    else if (word === 'cấp huyện') log.drop('level: obsolete "Cấp huyện" not mapped', code);
    else if (word === 'cơ quan khác')
      log.drop('level: "Cơ quan khác" (other agency) is not a level', code);
    else log.drop('level: unknown level text', `${code}: ${part.trim()}`);
  }
  return orderLevels(out);
}

/** Levels from the API flags isMinistry / isProvince / isWard. */
export function levelsFromFlags(flags: {
  isMinistry: boolean;
  isProvince: boolean;
  isWard: boolean;
}): Level[] {
  const out: Level[] = [];
  if (flags.isMinistry) out.push('bo');
  if (flags.isProvince) out.push('tinh');
  if (flags.isWard) out.push('xa');
  return out;
}
