import { Catalogue } from '../../knowledge/index.js';
import { createRetriever } from '../../knowledge/index.js';
import { startHarness, type Harness, type HarnessOptions } from './api-harness.js';
import { testConfig } from './assistant.js';

/**
 * The real API with /api/procedures backed by the bundled catalogue and the shared prebuilt search
 * index (the same retrieval as the chat), as `npm start` wires it for the mini-app.
 */
export async function startMiniappHarness(options: HarnessOptions = {}): Promise<Harness> {
  const config = testConfig();
  const catalogue = Catalogue.load();
  const retriever = await createRetriever(config.knowledge);
  return startHarness({
    ...options,
    procedures: {
      catalogue: () => Promise.resolve(catalogue),
      retriever: () => Promise.resolve(retriever),
    },
  });
}
