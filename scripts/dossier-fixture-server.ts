/**
 * Internal: the dossier API alone, with the tiny fixed procedure lookup of the tests and an officer
 * for each `--commune`, so submissions are accepted. It is the server child of `scripts/crash-test.ts`
 * and of the dossier benchmark; it is not the production entry point (that is scripts/start.ts).
 *
 * `npx tsx scripts/dossier-fixture-server.ts --commune 15124 [--commune …]` with the usual environment
 * (DATA_DIR, DATABASE_URL, SESSION_SECRET, PORT — 0 picks a free port). Prints `{"port":N}` on stdout
 * once listening; SIGTERM/SIGINT shut it down gracefully.
 */
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

const { values } = parseArgs({ options: { commune: { type: 'string', multiple: true } }, strict: true });
const config = loadConfig();
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
const server = await listen(runtime.app, config.server.port, '127.0.0.1', { onClose: () => runtime.close() });
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, pid: process.pid })}\n`);
