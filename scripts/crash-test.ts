/**
 * `npx tsx scripts/crash-test.ts [--seconds 4] [--kill-after 2] [--workers 6] [--data-dir DIR] [--database-url URL]`
 *
 * Does the API lose a dossier when the process dies? Submits dossiers (each with two attachments)
 * concurrently to a server child process, kills it with SIGKILL mid-stream, restarts it on the same
 * data, then checks that:
 * - every reference acknowledged with 201 exists, with both attachments byte-identical (SHA-256);
 * - no half dossier exists (every stored dossier has its history entry and both attachments);
 * - submissions whose outcome was unknown (connection cut) can be retried with the same
 *   Idempotency-Key and end up stored exactly once;
 * - the history chains verify and every attachment file matches its digest;
 * - files written for submissions that never committed are removed by the orphan sweep.
 * Prints a JSON summary on stdout; exits 1 if anything was lost or inconsistent.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSessionSigner } from '../api/auth/session-token.js';
import { verifyHistory } from '../api/audit/verify-history.js';
import { openStore } from '../api/store/store.js';
import {
  COMMUNE_X,
  khaiSinhPayload,
  PDF_BYTES,
  PNG_BYTES,
} from '../tests/support/dossier-fixtures.js';
import { startFixtureServer, type FixtureServer } from './lib/dossier-fixture-child.js';
import { exitWithHelpIfAsked } from './lib/help.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npx tsx scripts/crash-test.ts [--seconds 4] [--kill-after 2] [--workers 6] [--data-dir DIR] [--database-url URL]
  Submits dossiers to a server child, kills it with SIGKILL mid-stream, restarts it and checks that
  nothing acknowledged was lost and nothing half-written remains. JSON summary on stdout; exit 1 on loss.`,
);

interface Attempt {
  token: string;
  key: string;
  files: { part: string; name: string; bytes: Buffer; sha256: string }[];
}
interface Acknowledged extends Attempt {
  reference: string;
}

const log = (message: string) => process.stderr.write(`crash-test: ${message}\n`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function newAttempt(token: string): Attempt {
  const pdf = Buffer.concat([PDF_BYTES, randomBytes(4096 + Math.floor(Math.random() * 24_000))]);
  const png = Buffer.concat([PNG_BYTES, randomBytes(2048 + Math.floor(Math.random() * 8_000))]);
  return {
    token,
    key: `crash-${randomUUID()}`,
    files: [
      { part: 'giay_chung_sinh', name: 'giay-chung-sinh.pdf', bytes: pdf, sha256: sha256(pdf) },
      { part: 'giay_to_tuy_than', name: 'cccd.png', bytes: png, sha256: sha256(png) },
    ],
  };
}

async function send(url: string, a: Attempt): Promise<Response> {
  const form = new FormData();
  form.append('payload', JSON.stringify(khaiSinhPayload({ notify: { channel: 'none' } })));
  for (const f of a.files) form.append(f.part, new Blob([new Uint8Array(f.bytes)]), f.name);
  return fetch(`${url}/api/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${a.token}`, 'idempotency-key': a.key },
    body: form,
    signal: AbortSignal.timeout(15_000),
  });
}

interface DossierJson {
  attachments: { id: string; sha256: string }[];
  history: unknown[];
  items: { reference: string }[];
  nextCursor: string | null;
}

async function getJson(url: string, token: string): Promise<{ status: number; body: DossierJson }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json().catch(() => null)) as DossierJson };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '4' },
      'kill-after': { type: 'string', default: '2' },
      workers: { type: 'string', default: '6' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
    },
    strict: true,
  });
  const workers = Number(values.workers);
  const killAfterMs = Number(values['kill-after']) * 1000;
  const ownDir = values['data-dir'] === undefined;
  const dataDir = values['data-dir'] ?? (await mkdtemp(path.join(tmpdir(), 'motcua-crash-')));
  const secret = randomBytes(32).toString('base64url');
  const env = {
    DATA_DIR: dataDir,
    SESSION_SECRET: secret,
    DATABASE_URL: values['database-url'] ?? '',
  };
  const signer = createSessionSigner(secret);
  const tokens = Array.from(
    { length: workers },
    (_, i) =>
      signer.sign(
        { kind: 'resident', sub: `zalo:crash-${i}-${randomUUID().slice(0, 8)}`, name: null },
        3600,
      ).token,
  );
  const problems: string[] = [];

  log(`starting server (data in ${dataDir})`);
  let server: FixtureServer = await startFixtureServer({ env, communes: [COMMUNE_X] });
  const acknowledged: Acknowledged[] = [];
  const unknown: Attempt[] = [];
  const refused: number[] = [];
  let stop = false;

  const worker = async (token: string) => {
    while (!stop) {
      const attempt = newAttempt(token);
      try {
        const res = await send(server.url, attempt);
        const body = (await res.json().catch(() => null)) as {
          dossier?: { reference: string };
        } | null;
        if (res.status === 201 && body?.dossier)
          acknowledged.push({ ...attempt, reference: body.dossier.reference });
        else refused.push(res.status);
      } catch {
        unknown.push(attempt); // connection cut: the server may or may not have committed it
      }
    }
  };
  const load = Promise.all(tokens.map(worker));
  await new Promise((r) => setTimeout(r, killAfterMs));
  log(`SIGKILL after ${acknowledged.length} acknowledged submissions`);
  stop = true; // no new submission starts; the ones in flight are cut
  server.child.kill('SIGKILL');
  await server.exited;
  await load;
  const killedAt = { acknowledged: acknowledged.length, unknownOutcome: unknown.length };

  log('restarting server on the same data');
  server = await startFixtureServer({ env, communes: [COMMUNE_X] });
  try {
    // 1. Every acknowledged dossier is there, with byte-identical attachments.
    for (const a of acknowledged) {
      const read = await getJson(`${server.url}/api/dossiers/${a.reference}`, a.token);
      if (read.status !== 200) {
        problems.push(`acknowledged ${a.reference} missing after restart (HTTP ${read.status})`);
        continue;
      }
      const stored = read.body.attachments;
      const want = a.files.map((f) => f.sha256).sort();
      if (JSON.stringify(stored.map((s) => s.sha256).sort()) !== JSON.stringify(want)) {
        problems.push(`${a.reference}: attachment digests differ from what was sent`);
      }
      for (const s of stored) {
        const res = await fetch(`${server.url}/api/dossiers/${a.reference}/attachments/${s.id}`, {
          headers: { authorization: `Bearer ${a.token}` },
        });
        const bytes = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200 || sha256(bytes) !== s.sha256)
          problems.push(`${a.reference}: attachment ${s.id} unreadable or corrupted`);
      }
    }
    // 2. Unknown outcomes: a retry with the same key stores the dossier exactly once.
    for (const u of unknown) {
      const res = await send(server.url, u);
      const body = (await res.json().catch(() => null)) as {
        dossier?: { reference: string };
      } | null;
      if ((res.status === 200 || res.status === 201) && body?.dossier) {
        acknowledged.push({ ...u, reference: body.dossier.reference });
      } else {
        problems.push(`retry of an interrupted submission answered HTTP ${res.status}`);
      }
    }
    // 3. No half dossier, and nothing stored that nobody acknowledged.
    const known = new Set(acknowledged.map((a) => a.reference));
    let stored = 0;
    for (const token of tokens) {
      let cursor: string | null = null;
      do {
        const page = await getJson(
          `${server.url}/api/dossiers?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          token,
        );
        for (const item of page.body.items) {
          stored++;
          if (!known.has(item.reference))
            problems.push(`${item.reference} stored but never acknowledged`);
          const full = await getJson(`${server.url}/api/dossiers/${item.reference}`, token);
          if (full.body.attachments.length !== 2 || full.body.history.length !== 1) {
            problems.push(
              `${item.reference} is incomplete (${full.body.attachments.length} attachments, ${full.body.history.length} history entries)`,
            );
          }
        }
        cursor = page.body.nextCursor;
      } while (cursor);
    }
    if (stored !== known.size)
      problems.push(`${stored} dossiers stored for ${known.size} acknowledged`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }

  // 4. History chains and files verify; orphans of uncommitted submissions are swept.
  const store = await openStore({
    dataDir,
    databaseUrl: values['database-url'],
    maxAttachmentBytes: 1 << 20,
  });
  let orphansSwept: number;
  let filesLeft = 0;
  try {
    const audit = await verifyHistory(store.db, store.audit, { files: store.attachments });
    for (const p of audit.problems)
      problems.push(`audit: ${p.reference} entry ${p.seq}: ${p.problem}`);
    orphansSwept = await store.sweepOrphans(0);
    const shards = await readdir(store.attachments.dir).catch(() => [] as string[]);
    for (const shard of shards)
      filesLeft += (await readdir(path.join(store.attachments.dir, shard))).length;
    const rows = await store.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dossier_attachments',
    );
    if (filesLeft !== rows[0]!.n)
      problems.push(`${filesLeft} files on disk for ${rows[0]!.n} attachment rows after the sweep`);
  } finally {
    await store.close();
  }
  if (ownDir) await rm(dataDir, { recursive: true, force: true });

  const summary = {
    ok: problems.length === 0 && killedAt.acknowledged > 0,
    acknowledgedBeforeKill: killedAt.acknowledged,
    unknownOutcomeAtKill: killedAt.unknownOutcome,
    refusedBeforeKill: refused.length,
    verifiedAfterRestart: acknowledged.length,
    orphanFilesSwept: orphansSwept,
    problems,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  if (killedAt.acknowledged === 0)
    log('no submission was acknowledged before the kill: nothing was tested');
  return summary.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`crash-test: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
