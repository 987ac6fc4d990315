import { cutLetter, foldForMatching, stripGreeting } from '../knowledge/index.js';
import type { Session } from './session-store.js';
import type { IncomingMessage } from './types.js';

/**
 * Longest message we read, a whole Telegram message (4,096): residents send their letters as they
 * would write to a Q&A column, story first and the request last. Longer input keeps its opening and
 * its end (where the request is), and the resident is told.
 */
export const MAX_QUESTION_CHARS = 4000;
/** Of a cut message, about this many characters of the opening are kept (the rest is its end). */
const KEPT_OPENING = 1000;

/**
 * One incoming message, read once: cleaned, cut, accent-folded and split into words. Every intent
 * handler receives the same Turn, so the question is normalised once per turn, not once per rule.
 */
export interface Turn {
  readonly message: IncomingMessage;
  /** Session key: `${channel}:${userId}`. */
  readonly key: string;
  readonly session: Session;
  /**
   * The text with control characters removed, spaces collapsed, cut to {@link MAX_QUESTION_CHARS}
   * (opening and end kept).
   */
  readonly text: string;
  /** `text` accent-folded and lower-cased, words joined by single spaces ("dang ky ket hon"). */
  readonly folded: string;
  /** The words of `folded`. */
  readonly words: readonly string[];
  /** The question with a leading greeting removed ("chào bạn, cho hỏi …" → "cho hỏi …"). */
  readonly question: string;
  /** True when the input was longer than we read. */
  readonly truncated: boolean;
  /** True when the input had no letter or digit at all (binary junk, only emoji). */
  readonly unreadable: boolean;
}

function sanitize(raw: string): { text: string; truncated: boolean; unreadable: boolean } {
  // Drop control characters and replacement chars from binary junk; keep letters, digits, punctuation.
  const cleaned = raw
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const truncated = cleaned.length > MAX_QUESTION_CHARS;
  const text = truncated ? cutLetter(cleaned, MAX_QUESTION_CHARS, KEPT_OPENING) : cleaned;
  const unreadable = cleaned.length > 0 && !/[\p{L}\p{N}]/u.test(cleaned);
  return { text, truncated, unreadable };
}

/** Reads a message into a {@link Turn}. */
export function readTurn(message: IncomingMessage, key: string, session: Session): Turn {
  const { text, truncated, unreadable } = sanitize(message.text ?? '');
  const folded = foldForMatching(text);
  return {
    message,
    key,
    session,
    text,
    folded,
    words: folded.split(' ').filter(Boolean),
    question: stripGreeting(text),
    truncated,
    unreadable,
  };
}
