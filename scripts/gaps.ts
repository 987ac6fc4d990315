/**
 * `npm run gaps [-- --limit N] [--all] [--json]`: the questions the assistant most often could not
 * answer (redacted, de-duplicated, most frequent first), from the database the server writes them to.
 * `--all` includes the ones already marked handled. Uses DATA_DIR / DATABASE_URL like the server
 * (stop a PGlite server first).
 */
import { parseArgs } from 'node:util';
import { listGaps } from '../api/gaps/gap-store.js';
import { openStore, storeOptionsFrom } from '../api/store/store.js';
import { loadConfig } from '../common/config.js';
import { isAppError } from '../common/errors.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run gaps [-- --limit N] [--all] [--json]
  The questions the assistant most often could not answer, most frequent first (default 20), from
  the database; --all includes those already marked handled.`,
);

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '20' },
    all: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  strict: true,
});
const config = loadConfig();
const store = await openStore(storeOptionsFrom(config)).catch((error: unknown) => {
  if (isAppError(error) && error.userMessage) {
    process.stderr.write(`${error.userMessage}\n`);
    process.exit(1);
  }
  throw error;
});
try {
  const gaps = await listGaps(store.db, {
    limit: Number(values.limit) || 20,
    includeHandled: values.all === true,
  });
  if (values.json) {
    process.stdout.write(JSON.stringify(gaps) + '\n');
  } else if (gaps.length === 0) {
    process.stdout.write('Chưa có câu hỏi nào bị bỏ ngỏ.\n');
  } else {
    process.stdout.write('Câu hỏi trợ lý chưa trả lời được (nhiều nhất trước):\n');
    for (const g of gaps) {
      process.stdout.write(
        `${String(g.count).padStart(5)}  ${g.question}  (lần cuối ${g.lastAt.slice(0, 10)}${g.handledAt ? ', đã xử lý' : ''})\n`,
      );
    }
  }
} finally {
  await store.close();
}
