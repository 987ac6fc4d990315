import { Situations } from '../../../../knowledge/retrieval/situations.js';
import { tokenize } from '../../../../knowledge/text/normalize.js';

/** The bundled situations, loaded once per test file that reads them. */
export const situations = Situations.load();

/** Ids of the situations a message tells. */
export const ids = (text: string) => situations.match(tokenize(text)).map((s) => s.id);

/** Procedures, in order, of the situations a message tells. */
export const codes = (text: string) =>
  situations.match(tokenize(text)).flatMap((s) => s.procedures);
