/*
 * Platforms cap message length (Telegram 4,096, Zalo 2,000). Long answers are cut at the most natural
 * break that fits: a blank line between paragraphs, else a line break, else the end of a sentence,
 * else a space, and only as a last resort in the middle of a word.
 */

/** Breaks tried in order; each is searched for from the end of the window that fits. */
const BREAKS: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…;:](?=\s)/g, /\s/g];

/** A break that would leave a chunk shorter than this share of the limit is not worth taking. */
const MIN_FILL = 0.3;

function lastBreak(window: string, pattern: RegExp): number {
  let end = -1;
  for (const match of window.matchAll(pattern)) {
    end = match.index + match[0].length;
  }
  return end;
}

/** Largest prefix length whose measure fits `max` (binary search; `measure` grows with length). */
function fittingLength(text: string, max: number, measure: (s: string) => number): number {
  let low = 0;
  let high = Math.min(text.length, max);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid)) <= max) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Never cut between the two halves of a surrogate pair (emoji, rare CJK). */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/**
 * Splits `text` into chunks whose `measure` is at most `max`.
 * @param measure length as the platform counts it (e.g. length after HTML escaping); defaults to UTF-16 length.
 * @example splitText(longAnswer, 2000) // → ['…first part…', '…second part…']
 */
export function splitText(
  text: string,
  max: number,
  measure: (chunk: string) => number = (s) => s.length,
): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (measure(rest) <= max) {
      chunks.push(rest);
      break;
    }
    const fits = Math.max(1, fittingLength(rest, max, measure));
    const window = rest.slice(0, fits);
    let cut = -1;
    for (const pattern of BREAKS) {
      const at = lastBreak(window, pattern);
      if (at >= fits * MIN_FILL) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) cut = safeCut(rest, fits);
    const chunk = rest.slice(0, cut).trim();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(cut).trim();
  }
  return chunks;
}
