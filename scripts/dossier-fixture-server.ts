/**
 * Internal: the dossier API alone, with the tiny fixed procedure lookup of the tests and an officer
 * for each `--commune`, so submissions are accepted. It is the server child of `scripts/crash-test.ts`
 * and of the dossier benchmark; it is not the production entry point (that is scripts/start.ts).
 *
 * `npx tsx scripts/dossier-fixture-server.ts --commune 15124 [--commune …] [--workers N]` with the usual
 * environment (DATA_DIR, DATABASE_URL, SESSION_SECRET, PORT — 0 picks a free port). Prints
 * `{"port":N}` on stdout once listening; SIGTERM/SIGINT shut it down gracefully. `--workers N` runs N
 * API processes sharing the port (node:cluster) — PostgreSQL only, since PGlite is single-process.
 */
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { hashPassword } from '../api/auth/password.js';
import { createApiRuntime } from '../api/runtime.js';
import { listen } from '../api/server.js';
import { upsertOfficer } from '../api/store/officer-repository.js';
import { loadConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import { testProcedureLookup } from '../tests/support/dossier-fixtures.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npx tsx scripts/dossier-fixture-server.ts --commune 15124 [--commune …] [--workers N]
  Internal (crash test, dossier benchmark): the dossier API alone with test procedures and an officer per
  commune. Prints {"port":N} once listening. --workers needs DATABASE_URL.`,
);

const { values } = parseArgs({
  options: {
    commune: { type: 'string', multiple: true },
    workers: { type: 'string', default: '1' },
  },
  strict: true,
});
const config = loadConfig();
const workers = Number(values.workers);
if (workers > 1 && !config.storage.databaseUrl) {
  process.stderr.write('--workers needs DATABASE_URL: the embedded database is single-process.\n');
  process.exit(2);
}

async function serve(): Promise<number> {
  const logger = createLogger({ silent: config.server.logSilent });
  const runtime = await createApiRuntime(config, { logger, catalogue: testProcedureLookup });
  for (const commune of values.commune ?? []) {
    await upsertOfficer(runtime.store.db, {
      username: `fixture_${commune}`,
      passwordHash: await hashPassword(randomBytes(16).toString('hex')),
      communeCode: commune,
      role: 'officer',
    });
  }
  const server = await listen(runtime.app, config.server.port, '127.0.0.1', {
    onClose: () => runtime.close(),
  });
  return (server.address() as AddressInfo).port;
}

if (workers > 1 && cluster.isPrimary) {
  let announced = false;
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', (message: { port?: number }) => {
      if (message.port === undefined || ++ready < workers || announced) return;
      announced = true;
      process.stdout.write(
        `${JSON.stringify({ port: message.port, pid: process.pid, workers })}\n`,
      );
    });
  }
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
} else if (cluster.isWorker) {
  const port = await serve();
  process.send?.({ port });
} else {
  const port = await serve();
  process.stdout.write(`${JSON.stringify({ port, pid: process.pid })}\n`);
}
