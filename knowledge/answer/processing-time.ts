import type { Procedure } from '../catalogue/procedure-schema.js';
import { cutWords } from '../catalogue/resident-view.js';
import { channelLabel, formatDuration } from './format.js';

/*
 * Processing time as residents read it: the per-case times with their units when the record has them
 * (one value when all cases agree, else each), otherwise one line per way of filing.
 */

/** Lines of the time section (one line when everything agrees); empty when the record has none. */
export function timeLines(p: Procedure): string[] {
  const cases = p.processingCases ?? [];
  if (cases.length > 0) {
    const unique = [...new Set(cases.map((c) => formatDuration(c.time)))];
    if (unique.length === 1) return [unique[0]!];
    return [`${unique.join('; ')} (tùy trường hợp)`];
  }
  const methods = p.filingMethods.filter((m) => m.processingTime !== null);
  if (methods.length === 0) return [];
  const texts = methods.map((m) => cutWords(formatDuration(m.processingTime!), 260));
  const unique = [...new Set(texts)];
  if (unique.length === 1 && methods.length === p.filingMethods.length) return [unique[0]!];
  return methods.map((m, i) => `${channelLabel(m.channel)}: ${texts[i]!}`);
}
