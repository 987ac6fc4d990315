import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Logger } from '../../common/logger.js';
import type { Procedure } from '../catalogue/procedure-schema.js';
import { foldForMatching } from './attributes.js';

/** Optionally rewrites a grounded answer in friendlier words. Must never add facts. */
export interface Phraser {
  rephrase(groundedText: string, procedure: Procedure): Promise<string>;
}

const SYSTEM_PROMPT = [
  'Bạn là trợ lý hành chính công, viết lại câu trả lời cho người dân bằng tiếng Việt tự nhiên, lịch sự, ngắn gọn.',
  'CHỈ dùng thông tin có trong câu trả lời gốc. Không thêm giấy tờ, số tiền, thời hạn, mã thủ tục hay đường link nào khác.',
  'Giữ nguyên mọi con số, mã thủ tục, tên giấy tờ và đường link. Không dùng định dạng Markdown.',
].join(' ');

const CODE = /\b\d\.\d{6}\b/g;
const URL = /https?:\/\/\S+/g;
const NUMBER = /\d[\d.,]*/g;

function numbersOf(text: string): Set<string> {
  return new Set(
    (text.replace(URL, ' ').replace(CODE, ' ').match(NUMBER) ?? []).map((n) =>
      n.replace(/[.,]/g, ''),
    ),
  );
}

function tokens(text: string): Set<string> {
  return new Set(
    foldForMatching(text)
      .split(' ')
      .filter((t) => t.length > 1),
  );
}

/**
 * Checks that `output` states nothing the grounded answer does not: procedure codes, amounts and other
 * numbers, links, and listed documents (each bullet must largely overlap a line of the grounded text).
 */
export function checkGrounded(
  output: string,
  groundedText: string,
  procedure: Procedure,
): string[] {
  const problems: string[] = [];
  for (const code of output.match(CODE) ?? []) {
    if (code !== procedure.code) problems.push(`mã thủ tục lạ: ${code}`);
  }
  const allowedUrls = new Set(groundedText.match(URL) ?? []);
  for (const url of output.match(URL) ?? []) {
    if (!allowedUrls.has(url)) problems.push(`đường link lạ: ${url}`);
  }
  const allowedNumbers = numbersOf(groundedText);
  for (const n of numbersOf(output)) if (!allowedNumbers.has(n)) problems.push(`con số lạ: ${n}`);
  const groundedLines = groundedText.split('\n').map(tokens);
  for (const line of output.split('\n')) {
    if (!/^\s*[-•*+]\s+/.test(line)) continue;
    const t = tokens(line);
    if (t.size === 0) continue;
    const best = Math.max(
      0,
      ...groundedLines.map((g) => [...t].filter((w) => g.has(w)).length / t.size),
    );
    if (best < 0.6) problems.push(`mục không có trong hồ sơ thủ tục: ${line.trim().slice(0, 80)}`);
  }
  return problems;
}

/** Wraps a langchain chat model; falls back to the grounded text on any doubt, error or timeout. */
export function createLlmPhraser(
  model: BaseChatModel,
  options: { timeoutMs: number; logger?: Logger },
): Phraser {
  return {
    async rephrase(groundedText, procedure) {
      try {
        const response = await model.invoke(
          [
            ['system', SYSTEM_PROMPT],
            ['human', `Câu trả lời gốc:\n${groundedText}`],
          ],
          { signal: AbortSignal.timeout(options.timeoutMs) },
        );
        const output = typeof response.content === 'string' ? response.content.trim() : '';
        if (!output) return groundedText;
        const problems = checkGrounded(output, groundedText, procedure);
        if (problems.length > 0) {
          options.logger?.warn('llm output rejected', { code: procedure.code, problems });
          return groundedText;
        }
        return output;
      } catch (error) {
        options.logger?.warn('llm phrasing failed', { error });
        return groundedText;
      }
    },
  };
}
