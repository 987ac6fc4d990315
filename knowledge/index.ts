/**
 * @module The public surface of knowledge/: catalogue → retrieval → answers. bot/, api/ and scripts/
 * import knowledge only through this file (lint-enforced); tests may reach inside.
 */
export { Catalogue, type CatalogueStats } from './catalogue/catalogue.js';
export { loadCatalogue, BUNDLED_CATALOGUE_DIR } from './catalogue/load-catalogue.js';
export type {
  Procedure,
  Level,
  Channel,
  FilingMethod,
  Duration,
  Fee,
  CatalogueMeta,
} from './catalogue/procedure-schema.js';
export { isThanhHoaCopy, sameProcedure } from './catalogue/copies.js';
export { CatalogueInvalidError, IndexUnavailableError } from './errors.js';

export {
  createRetriever,
  hasCurrentIndex,
  openRetriever,
  rebuildIndex,
} from './retrieval/open-retriever.js';
export type { Retriever, RetrievalResult, RetrievalHit } from './retrieval/retriever.js';
export { offeredHits } from './retrieval/retriever.js';
export { cutLetter } from './retrieval/letter-reader.js';
export type { BuildProgress } from './retrieval/build-index.js';

export { createAnswerer, type Answerer, type FindOutcome } from './answer/answerer.js';
export { detectAttributes, foldForMatching, type Attribute } from './answer/attributes.js';
export {
  foldPhrase,
  foldedPhrases,
  phraseAlternation,
  readPhraseFile,
  type PhraseEntry,
  type PhraseList,
} from './text/phrase-lists.js';
export { deskLine, type DeskContact } from './answer/compose-answer.js';
export {
  classifySmallTalk,
  detectSmallTalk,
  stripGreeting,
  type SmallTalk,
} from './retrieval/chit-chat.js';
export { createLlmPhraser, type Phraser } from './answer/phraser.js';
export { createChatModel, type LlmSettings } from './llm/chat-model.js';
export {
  createLlmLetterRewriter,
  withLetterRewriter,
  type LetterRewriter,
} from './retrieval/letter-rewriter.js';

export { createMemoryGapLog, type GapLog } from './gaps/gap-log.js';

export {
  loadCommuneDirectory,
  createCommuneDirectory,
  type CommuneDirectory,
  type Commune,
  type FormerCommune,
  type FormerCommuneRef,
  type FindOptions,
} from './communes/directory.js';
export type { CommuneType, FormerCommuneType } from './communes/commune-schema.js';
export { CommuneDataInvalidError } from './communes/load-communes.js';
export {
  communeInSentence,
  communeDeskName,
  unknownCommuneMessage,
  describeFormerCommunes,
} from './communes/commune-texts.js';
export {
  residentSummary,
  type ResidentSummary,
  type SummaryCommune,
} from './answer/resident-summary.js';
export { residentViewOf } from './catalogue/resident-view.js';
export type {
  ResidentView,
  ResidentItem,
  ProcessingCase,
  FormRef,
} from './catalogue/procedure-schema.js';
export { getForm } from './forms/registry.js';
