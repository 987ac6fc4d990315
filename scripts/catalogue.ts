import { parseArgs } from 'node:util';
import { loadConfig } from '../common/config.js';
import { Catalogue } from '../knowledge/catalogue/catalogue.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage:
  npm run --silent catalogue -- --stats       the catalogue's counts as one JSON object
  npm run --silent catalogue -- --get CODE    one procedure as JSON (exit 1 if the code is unknown)`,
);

/*
 * npm run --silent catalogue -- --stats      one JSON object with the catalogue's counts
 * npm run --silent catalogue -- --get CODE   one procedure as JSON (exit 1 and a Vietnamese message if unknown)
 * Only the JSON goes to stdout; messages go to stderr.
 */

function fail(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(1);
}

const { values } = parseArgs({ options: { stats: { type: 'boolean' }, get: { type: 'string' } } });
if (!values.stats && values.get === undefined)
  fail('Cách dùng: npm run --silent catalogue -- --stats | --get <mã thủ tục>');

let catalogue: Catalogue;
try {
  catalogue = Catalogue.load({ dir: loadConfig().knowledge.catalogueDir });
} catch (error) {
  fail(`Không đọc được danh mục thủ tục: ${(error as Error).message}`);
}

if (values.stats) {
  process.stdout.write(JSON.stringify(catalogue.stats()) + '\n');
} else {
  const code = values.get ?? '';
  const procedure = catalogue.get(code);
  if (!procedure) fail(`Không tìm thấy thủ tục có mã "${code}" trong danh mục.`);
  process.stdout.write(JSON.stringify(procedure, null, 2) + '\n');
}
