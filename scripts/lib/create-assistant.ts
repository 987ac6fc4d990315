import type { Config } from '../../common/config.js';
import type { PublicStatusLookup } from '../../common/dossier-contracts.js';
import type { Logger } from '../../common/logger.js';
import { createConversation } from '../../conversation/create-conversation.js';
import type { Conversation } from '../../conversation/types.js';
import {
  type BuildProgress,
  Catalogue,
  createAnswerer,
  createMemoryGapLog,
  createChatModel,
  createLlmLetterRewriter,
  createLlmPhraser,
  createRetriever,
  communeInSentence,
  loadCommuneDirectory,
  type Answerer,
  type GapLog,
  type Retriever,
  withLetterRewriter,
} from '../../knowledge/index.js';

/** Everything a channel needs to answer residents. */
export interface Assistant {
  catalogue: Catalogue;
  retriever: Retriever;
  answerer: Answerer;
  conversation: Conversation;
}

/** The catalogue from `CATALOGUE_DIR`, or the bundled one. Fast (no schema validation at run time). */
export function loadBundledOrConfiguredCatalogue(config: Config): Catalogue {
  return Catalogue.load(
    config.knowledge.catalogueDir ? { dir: config.knowledge.catalogueDir } : {},
  );
}

/**
 * Composes catalogue → retriever → answerer → conversation from configuration. Builds the search index
 * on first use (progress goes to `onProgress`).
 */
export async function createAssistant(
  config: Config,
  logger: Logger,
  options: {
    catalogue?: Catalogue;
    gapLog?: GapLog;
    statusLookup?: PublicStatusLookup;
    onProgress?: (p: BuildProgress) => void;
  } = {},
): Promise<Assistant> {
  const catalogue = options.catalogue ?? loadBundledOrConfiguredCatalogue(config);
  const { llm } = config.knowledge;
  const indexRetriever = await createRetriever(
    config.knowledge,
    options.onProgress ? { onProgress: options.onProgress } : {},
  );
  // One chat model for every optional LLM feature; none unless LLM_PROVIDER is set (the default).
  const chatModel = await createChatModel(llm);
  const phraser = chatModel
    ? createLlmPhraser(chatModel, { timeoutMs: llm.timeoutMs, logger })
    : undefined;
  const retriever =
    chatModel && llm.rewriteLetters
      ? withLetterRewriter(
          indexRetriever,
          createLlmLetterRewriter(chatModel, { timeoutMs: llm.rewriteTimeoutMs, logger }),
        )
      : indexRetriever;
  // The commune directory (166 current units, 547 former ones): a few hundred KB, loads in milliseconds.
  const communes = loadCommuneDirectory();
  const answerer = createAnswerer({
    catalogue,
    retriever,
    desk: config.desk,
    communeOffice: (code) => {
      const c = communes.byCode(code);
      return c ? { name: communeInSentence(c), address: c.officeAddress } : undefined;
    },
    ...(phraser ? { phraser } : {}),
  });
  const conversation = createConversation({
    answerer,
    catalogue,
    desk: config.desk,
    gapLog: options.gapLog ?? createMemoryGapLog(),
    sessionTtlMinutes: config.conversation.sessionTtlMinutes,
    communes,
    ...(options.statusLookup ? { statusLookup: options.statusLookup } : {}),
  });
  return { catalogue, retriever, answerer, conversation };
}
