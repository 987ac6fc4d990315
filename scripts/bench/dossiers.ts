/*
 * Bench "dossiers": dossier submissions per second through the real API (auth → JSON parse → zod and
 * form validation → attachment written and fsync'd → one transaction with history, attachment row
 * and outbox row → 201), on PGlite and on PostgreSQL. Each submission is a birth registration with one
 * small inline PDF (the form requires the birth certificate). The server runs in a child process;
 * autocannon loads it from another process, each request with its own Idempotency-Key.
 * Reports max throughput (p50/p99 at that load), where the CPU went during it (API processes,
 * PostgreSQL, load generator; from /proc on Linux), and p99 at a fixed 100 requests/s.
 *
 * Alone: `npx tsx scripts/bench/dossiers.ts [seconds] [connections]` prints JSON to stdout.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSessionSigner } from '../../api/auth/session-token.js';
import {
  COMMUNE_X,
  inlineBirthCertificate,
  khaiSinhPayload,
} from '../../tests/support/dossier-fixtures.js';
import { createTestDatabase } from '../../tests/support/test-postgres.js';
import { startFixtureServer } from '../lib/dossier-fixture-child.js';

export interface DossierBenchOptions {
  durationSeconds?: number;
  connections?: number;
  /** Seconds of the fixed-rate (100 req/s) run. */
  fixedRateSeconds?: number;
}

interface LoadResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU seconds the load generator used during the run. */
  loadGeneratorCpuSeconds: number;
}

/** Where the CPU went during the max-rate run (cores = CPU seconds per wall second). */
interface CpuSplit {
  cores: { api: number; postgres: number; loadGenerator: number };
  /** CPU milliseconds per submission. */
  msPerSubmission: { api: number; postgres: number; loadGenerator: number };
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU seconds used so far by the API processes (the server child and its cluster workers) and by all
 * `postgres` processes, read from /proc; null where /proc is not available. Other users of the same
 * PostgreSQL server count too, so run the bench on a quiet machine.
 */
async function processCpuSeconds(
  apiPid: number,
): Promise<{ api: number; postgres: number } | null> {
  let entries: string[];
  try {
    entries = (await readdir('/proc')).filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  let api = 0;
  let postgres = 0;
  for (const e of entries) {
    const stat = await readFile(`/proc/${e}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' '); // fields[0] is field 3 (state)
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const pid = Number(e);
    const ppid = Number(fields[1]);
    if (pid === apiPid || ppid === apiPid) api += ticks;
    else if (comm === 'postgres') postgres += ticks;
  }
  return { api: api / CLOCK_TICKS_PER_SECOND, postgres: postgres / CLOCK_TICKS_PER_SECOND };
}

interface BackendResult {
  backend: 'pglite' | 'postgres';
  /** API processes (node:cluster) sharing the port; always 1 on PGlite. */
  processes: number;
  max: LoadResult & { connections: number; durationSeconds: number; cpu: CpuSplit | null };
  at100PerSecond: LoadResult & { durationSeconds: number };
}

// The load generator, in its own process so it does not share the server's event loop.
const LOAD_SCRIPT = `
import autocannon from 'autocannon';
const [url, tokensJson, body, duration, connections, rate] = process.argv.slice(1);
const tokens = JSON.parse(tokensJson);
let i = 0;
const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url, method: 'POST', duration: Number(duration), connections: Number(connections), pipelining: 1,
  ...(Number(rate) > 0 ? { overallRate: Number(rate) } : {}),
  headers: { 'content-type': 'application/json' },
  body,
  requests: [{ setupRequest: (req) => {
    i += 1;
    req.headers = { ...req.headers, authorization: 'Bearer ' + tokens[i % tokens.length], 'idempotency-key': 'bench-' + process.pid + '-' + i };
    return req;
  } }],
});
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(JSON.stringify({ ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
`;

function runLoad(
  url: string,
  tokens: string[],
  body: string,
  seconds: number,
  connections: number,
  rate: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        LOAD_SCRIPT,
        url,
        JSON.stringify(tokens),
        body,
        String(seconds),
        String(connections),
        String(rate),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p50: number; p90: number; p99: number; max: number };
        non2xx: number;
        errors: number;
        '2xx': number;
        cpuSeconds: number;
      };
      resolve({
        requestsPerSecond: Math.round(r.requests.average),
        latencyMs: {
          p50: r.latency.p50,
          p90: r.latency.p90,
          p99: r.latency.p99,
          max: r.latency.max,
        },
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
        loadGeneratorCpuSeconds: r.cpuSeconds,
      });
    });
  });
}

async function benchBackend(
  backend: 'pglite' | 'postgres',
  processes: number,
  options: Required<DossierBenchOptions>,
): Promise<BackendResult | { backend: string; processes: number; skipped: string }> {
  const database = backend === 'postgres' ? await createTestDatabase() : null;
  if (backend === 'postgres' && !database)
    return { backend, processes, skipped: 'no PostgreSQL server at 127.0.0.1:5432' };
  const dataDir = await mkdtemp(path.join(tmpdir(), `motcua-bench-${backend}-`));
  const secret = randomBytes(32).toString('base64url');
  const server = await startFixtureServer({
    env: {
      DATA_DIR: dataDir,
      SESSION_SECRET: secret,
      DATABASE_URL: database?.url ?? '',
      DATABASE_POOL_SIZE: String(Math.ceil(20 / processes)),
      // The bench measures submissions, not the late-dossier scan.
      LATE_CHECK_INTERVAL_MINUTES: '1440',
    },
    communes: [COMMUNE_X],
    workers: processes,
  });
  try {
    const signer = createSessionSigner(secret);
    const tokens = Array.from(
      { length: 200 },
      (_, i) => signer.sign({ kind: 'resident', sub: `zalo:bench-${i}`, name: null }, 7200).token,
    );
    const body = JSON.stringify({
      ...khaiSinhPayload({ notify: { channel: 'none' } }),
      attachments: [inlineBirthCertificate()],
    });
    const url = `${server.url}/api/dossiers`;
    await runLoad(url, tokens, body, 2, 4, 0); // warm-up: JIT, connection pool, file-system caches
    const cpuBefore = await processCpuSeconds(server.child.pid ?? -1);
    const started = Date.now();
    const max = await runLoad(url, tokens, body, options.durationSeconds, options.connections, 0);
    const wallSeconds = (Date.now() - started) / 1000;
    const cpuAfter = cpuBefore && (await processCpuSeconds(server.child.pid ?? -1));
    const round = (n: number) => Math.round(n * 100) / 100;
    const cpu: CpuSplit | null =
      cpuBefore && cpuAfter && max.requests > 0
        ? {
            cores: {
              api: round((cpuAfter.api - cpuBefore.api) / wallSeconds),
              postgres: round((cpuAfter.postgres - cpuBefore.postgres) / wallSeconds),
              loadGenerator: round(max.loadGeneratorCpuSeconds / wallSeconds),
            },
            msPerSubmission: {
              api: round(((cpuAfter.api - cpuBefore.api) * 1000) / max.requests),
              postgres: round(((cpuAfter.postgres - cpuBefore.postgres) * 1000) / max.requests),
              loadGenerator: round((max.loadGeneratorCpuSeconds * 1000) / max.requests),
            },
          }
        : null;
    const fixed = await runLoad(url, tokens, body, options.fixedRateSeconds, 10, 100);
    return {
      backend,
      processes,
      max: {
        ...max,
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        cpu,
      },
      at100PerSecond: { ...fixed, durationSeconds: options.fixedRateSeconds },
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}

/** Runs the bench on both backends and returns the numbers. */
export async function run(options: DossierBenchOptions = {}): Promise<Record<string, unknown>> {
  const o: Required<DossierBenchOptions> = {
    durationSeconds: options.durationSeconds ?? 10,
    connections: options.connections ?? 32,
    fixedRateSeconds: options.fixedRateSeconds ?? 10,
  };
  const results = [];
  const runs = [
    ['pglite', 1],
    ['postgres', 1],
    ['postgres', 2],
  ] as const;
  for (const [backend, processes] of runs) {
    process.stderr.write(`bench dossiers: ${backend} × ${processes} process(es)…\n`);
    results.push(await benchBackend(backend, processes, o));
  }
  return {
    name: 'dossiers',
    workload:
      'POST /api/dossiers, birth registration + 1 inline PDF (~150 B), unique Idempotency-Key per request',
    targets: { pglitePerSecond: 300, postgresPerSecond: 1000, p99At100PerSecondMs: 50 },
    results,
  };
}

export const bench = { name: 'dossiers', run };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [seconds, connections] = process.argv.slice(2).map(Number);
  run({
    ...(seconds ? { durationSeconds: seconds } : {}),
    ...(connections ? { connections } : {}),
  }).then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench dossiers: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
