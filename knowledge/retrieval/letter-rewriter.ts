/**
 * @module Optional: a configured LLM rewrites a long letter into a one-sentence request before
 * retrieval ("Bố tôi mất năm ngoái… Vậy gia đình tôi phải làm gì?" → "Bố tôi mất không để lại di chúc,
 * gia đình muốn để mẹ đứng tên mảnh đất thì làm thủ tục gì?"). Only messages the letter reader treats
 * as letters are sent; short questions never are. The rewrite only steers retrieval: it is appended to
 * the letter as one more request sentence, and the answer still comes from the catalogue record found;
 * when the rewrite leads elsewhere than the letter alone, the letter's own first procedure stays among
 * the choices offered.
 * Any error, timeout, empty, over-long or suspicious output falls back to the plain offline search.
 * Personal data: the letter and its rewrite are never logged, only why a rewrite was dropped.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Logger } from '../../common/logger.js';
import { LetterReader } from './letter-reader.js';
import {
  OFFERED_CHOICES,
  offeredHits,
  type RetrievalHit,
  type RetrievalResult,
  type Retriever,
  type SearchOptions,
} from './retriever.js';
import { DEFAULT_RETRIEVER_SETTINGS } from './settings.js';

/** Turns a letter into a short request, or undefined when it cannot (the caller then searches as is). */
export interface LetterRewriter {
  rewrite(letter: string): Promise<string | undefined>;
}

export interface LetterRewriterOptions {
  /** The whole call, model and network included, must answer within this (LLM_REWRITE_TIMEOUT_MS). */
  timeoutMs: number;
  /** Longer outputs are not a one-sentence request: dropped. */
  maxChars?: number;
  logger?: Logger;
}

/** A one-sentence request is rarely longer than this (about 40 syllables). */
export const DEFAULT_REWRITE_MAX_CHARS = 240;

export const REWRITE_PROMPT = [
  'Bạn giúp bộ phận Một cửa đọc thư người dân hỏi về thủ tục hành chính.',
  'Hãy viết lại thư thành MỘT câu hỏi ngắn bằng tiếng Việt, kết thúc bằng dấu hỏi, giữ lại: sự việc (ví dụ: người thân mất, chuyển nơi ở, sinh con, ly hôn, mất giấy tờ), người liên quan (người viết, bố mẹ, con, người có công…) và điều người viết muốn hỏi hoặc muốn làm.',
  'Bỏ tên người, địa danh, năm tháng và chi tiết không cần thiết.',
  'Không ghi mã thủ tục, không thêm thông tin, số tiền, thời hạn hay điều kiện mà thư không nói. Chỉ trả về đúng câu hỏi đó, không giải thích.',
].join(' ');

const CODE = /\b\d\.\d{6}\b/;
const URL = /https?:\/\//;

/** Why a rewrite was dropped (logged instead of the text). */
type Dropped = 'timeout' | 'error' | 'empty' | 'too-long' | 'code-or-link';

class Timeout extends Error {}

/** Wraps a langchain chat model; returns undefined on any error, timeout or unusable output. */
export function createLlmLetterRewriter(
  model: BaseChatModel,
  options: LetterRewriterOptions,
): LetterRewriter {
  const maxChars = options.maxChars ?? DEFAULT_REWRITE_MAX_CHARS;
  const drop = (reason: Dropped, fields: Record<string, unknown> = {}) => {
    // Never the letter nor the output: only the reason and sizes.
    options.logger?.warn('letter rewrite dropped', { reason, ...fields });
    return undefined;
  };
  return {
    async rewrite(letter) {
      const started = Date.now();
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      try {
        const response = await Promise.race([
          model.invoke(
            [
              ['system', REWRITE_PROMPT],
              ['human', `Thư:\n${letter}`],
            ],
            { signal: controller.signal },
          ),
          new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => {
              controller.abort();
              reject(new Timeout());
            }, options.timeoutMs);
          }),
        ]);
        const raw = typeof response.content === 'string' ? response.content : '';
        const output = raw
          .replace(/\s+/gu, ' ')
          .trim()
          .replace(/^["“'«]+|["”'»]+$/gu, '')
          .trim();
        if (!output) return drop('empty');
        if (output.length > maxChars) return drop('too-long', { chars: output.length });
        if (CODE.test(output) || URL.test(output)) return drop('code-or-link');
        return output;
      } catch (error) {
        if (error instanceof Timeout) return drop('timeout', { ms: Date.now() - started });
        // The error's message may quote the request: only its kind is logged.
        return drop('error', { kind: error instanceof Error ? error.name : typeof error });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * A retriever that, for letters only, searches the letter with its rewrite appended as one more
 * request sentence (the letter reader reads request sentences first, last first), and keeps the
 * letter's own first procedure among the offered choices when the rewrite leads elsewhere
 * ({@link steer}). Questions the letter reader does not treat as letters go straight to `retriever`,
 * without calling the model; so does every letter whose rewrite is dropped.
 */
export function withLetterRewriter(
  retriever: Retriever,
  rewriter: LetterRewriter,
  letters: LetterReader = new LetterReader(undefined, DEFAULT_RETRIEVER_SETTINGS.letter),
): Retriever {
  return {
    async search(question: string, options?: SearchOptions): Promise<RetrievalResult> {
      if (letters.readAll(question) === null) return retriever.search(question, options);
      const rewrite = await rewriter.rewrite(question);
      if (rewrite === undefined) return retriever.search(question, options);
      const own = await retriever.search(question, options);
      const steered = await retriever.search(
        appendRequest(question, rewrite, letters.settings.maxChars),
        options,
      );
      return steer(own, steered);
    },
  };
}

const same = (a: RetrievalHit, b: RetrievalHit) => a.code === b.code || a.name === b.name;

/**
 * The search steered by a rewrite, guarded by the letter's own search: when both put the same
 * procedure first, the steered result as is; when they disagree, the resident is offered choices that
 * include the letter's own first procedure, so a misleading rewrite costs a choice, not the answer.
 */
export function steer(own: RetrievalResult, steered: RetrievalResult): RetrievalResult {
  const mine = own.hits[0];
  const first = steered.hits[0];
  if (!own.answered || !mine || !first || same(mine, first)) return steered;
  const offered = offeredHits({ ...steered, answered: true, unsure: true });
  const choices = offered.some((h) => same(h, mine))
    ? offered
    : [...offered.slice(0, OFFERED_CHOICES - 1), mine];
  return { ...steered, answered: true, unsure: true, choices };
}

/** The letter with `request` as its last sentence, within the `maxChars` the letter reader reads. */
export function appendRequest(letter: string, request: string, maxChars: number): string {
  const asked = /[?？]\s*$/u.test(request) ? request : `${request.replace(/[.!…\s]+$/u, '')}?`;
  const room = Math.max(0, maxChars - asked.length - 1);
  return `${letter.slice(0, room).trimEnd()}\n${asked}`;
}
