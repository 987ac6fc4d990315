import type { ChatReply } from '../../common/chat.js';
import type { Config } from '../../common/config.js';
import { silentLogger } from '../../common/logger.js';
import { createMemoryGapLog, type BuildProgress } from '../../knowledge/index.js';
import { createAssistant } from './create-assistant.js';

/** The `ask --json` contract: exactly these keys. */
export function toAskJson(reply: ChatReply) {
  return {
    answered: reply.answered,
    text: reply.text,
    procedure: reply.procedure,
    choices: reply.choices,
    sources: reply.sources,
  };
}

/** How a resident would read a reply in a plain terminal. */
export function toReadable(reply: ChatReply): string {
  const lines = [reply.text];
  if (reply.choices.length > 0) {
    // The conversation core numbers its labels itself ("1. Đăng ký khai sinh"): never twice.
    lines.push(
      '',
      ...reply.choices.map(
        (c, i) =>
          `  ${c.label.startsWith(`${i + 1}. `) ? c.label : `${i + 1}. ${c.label}`} (mã ${c.code})`,
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/** Answers one question through the full conversation core (a fresh session, gaps kept in memory). */
export async function answerOnce(
  config: Config,
  question: string,
  onProgress?: (p: BuildProgress) => void,
): Promise<ChatReply> {
  const { conversation } = await createAssistant(config, silentLogger, {
    gapLog: createMemoryGapLog(),
    ...(onProgress ? { onProgress } : {}),
  });
  return conversation.handle({ channel: 'cli', userId: 'cli', text: question });
}
