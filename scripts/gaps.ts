import { loadConfig } from '../common/config.js';
import { topGaps } from '../knowledge/index.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run gaps [-- --limit N] [--json]
  The questions the assistant most often could not answer, most frequent first (default 20).`,
);

// `npm run gaps [-- --limit N] [-- --json]`: the questions the assistant most often could not answer.
const args = process.argv.slice(2);
const limitArg = args.indexOf('--limit');
const limit = limitArg >= 0 ? Number(args[limitArg + 1]) || 20 : 20;
const config = loadConfig();
const gaps = topGaps(config.storage.dataDir, limit);

if (args.includes('--json')) {
  process.stdout.write(JSON.stringify(gaps) + '\n');
} else if (gaps.length === 0) {
  process.stdout.write('Chưa có câu hỏi nào bị bỏ ngỏ.\n');
} else {
  process.stdout.write('Câu hỏi trợ lý chưa trả lời được (nhiều nhất trước):\n');
  for (const g of gaps) {
    process.stdout.write(
      `${String(g.count).padStart(5)}  ${g.question}  (lần cuối ${g.lastAt.slice(0, 10)})\n`,
    );
  }
}
