/**
 * @module The one chat model of the configured LLM provider (config.knowledge.llm), shared by every
 * optional LLM feature: phrasing answers (answer/phraser.ts) and rewriting letters
 * (retrieval/letter-rewriter.ts). None is built when the provider is `none` (the default).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

/** LLM settings (config.knowledge.llm). */
export interface LlmSettings {
  provider: 'none' | 'openai' | 'ollama';
  model: string | undefined;
  baseUrl: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
}

/** Builds the configured chat model, or undefined when no provider is configured (the default). */
export async function createChatModel(settings: LlmSettings): Promise<BaseChatModel | undefined> {
  if (settings.provider === 'none' || !settings.model) return undefined;
  if (settings.provider === 'openai') {
    const { ChatOpenAI } = await import('@langchain/openai');
    return new ChatOpenAI({
      model: settings.model,
      apiKey: settings.apiKey ?? 'not-needed',
      temperature: 0,
      configuration: settings.baseUrl ? { baseURL: settings.baseUrl } : {},
    });
  }
  const { ChatOllama } = await import('@langchain/ollama');
  return new ChatOllama({ model: settings.model, baseUrl: settings.baseUrl, temperature: 0 });
}
