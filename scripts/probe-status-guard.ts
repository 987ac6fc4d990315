/**
 * @module
 * `npm run probe:status`: a bounded, local brute force of the 4-digit phone factor of a status lookup
 * through all three doors at once — the web chat (`POST /api/chat`), the Telegram bot's `/hoso` (over
 * its webhook) and `GET /api/status` — from several simulated clients (each its own IP and Telegram
 * user, a fresh chat session per try). It starts the whole server in this process on a temp embedded
 * database with the local Telegram-shaped fake, files one dossier, guesses, and prints JSON:
 * `{reference, tries, evaluatedGuesses, allowedPerHour, found, byPath, holds}` where
 * `evaluatedGuesses` is how many guesses the server really compared with the phone digits (counted
 * inside the lookup) and `holds` says it stayed within the configured number per reference per hour.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { tgUpdates, visibleText } from '../tests/support/fake-telegram-server.js';
import { exitWithHelpIfAsked } from './lib/help.js';
import { LOCAL_TELEGRAM_SECRET, startLocalStack, type LocalStack } from './lib/local-stack.js';

exitWithHelpIfAsked(
  process.argv.slice(2),
  `Cách dùng / usage: npm run probe:status [-- --max-tries 2000] [--max-seconds 60] [--clients 6]
                                         [--index-dir DIR]
  Bounded local brute force of the status lookup's 4-digit phone factor through the web chat, the
  Telegram bot's /hoso and GET /api/status together, from several simulated clients, against the whole
  server started in this process (temp PGlite, local Telegram fake, no network). Prints JSON
  {reference, tries, evaluatedGuesses, allowedPerHour, found, seconds, byPath, holds}; exits 1 when the
  server compared more guesses for the reference than STATUS_GUESSES_PER_REFERENCE_PER_HOUR allows.
  --max-tries    stop after this many tries in all (default 2000)
  --max-seconds  stop after this long (default 60)
  --clients      simulated clients guessing in parallel (default 6)
  --index-dir    search index to use (default: the one built at install)`,
);

type Path = 'chat' | 'bot' | 'status';
type Outcome = 'wrong' | 'found' | 'refused' | 'other';
const PATHS: readonly Path[] = ['chat', 'bot', 'status'];
const PHONE = '0912345678';

const { values } = parseArgs({
  options: {
    'max-tries': { type: 'string', default: '2000' },
    'max-seconds': { type: 'string', default: '60' },
    clients: { type: 'string', default: '6' },
    'index-dir': { type: 'string' },
  },
});
const maxTries = Number(values['max-tries']);
const maxMs = Number(values['max-seconds']) * 1000;
const clients = Number(values.clients);
if (![maxTries, maxMs, clients].every((n) => Number.isFinite(n) && n > 0)) {
  process.stderr.write('probe:status: --max-tries, --max-seconds and --clients must be positive\n');
  process.exit(2);
}

/** Reads a chat or bot reply: a wrong guess, the dossier itself, or a refusal. */
function classify(text: string): Outcome {
  if (/Không tìm thấy/.test(text)) return 'wrong';
  if (/Mới đăng ký/.test(text)) return 'found';
  if (/quá nhiều lần|nhiều lần|tạm khóa|nhanh quá/.test(text)) return 'refused';
  return 'other';
}

async function guess(
  stack: LocalStack,
  path: Path,
  client: number,
  reference: string,
  digits: string,
): Promise<Outcome> {
  const ip = `198.51.100.${client + 1}`;
  if (path === 'status') {
    const url = new URL('/api/status', stack.baseUrl);
    url.searchParams.set('reference', reference);
    url.searchParams.set('phone4', digits);
    const res = await fetch(url, { headers: { 'x-forwarded-for': ip } });
    await res.arrayBuffer();
    return res.status === 200
      ? 'found'
      : res.status === 404
        ? 'wrong'
        : res.status === 429
          ? 'refused'
          : 'other';
  }
  if (path === 'chat') {
    const res = await fetch(`${stack.baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      // A fresh session per try, as the original probe did.
      body: JSON.stringify({
        sessionId: `probe-${randomUUID()}`,
        text: `tra cứu hồ sơ ${reference} ${digits}`,
      }),
    });
    const body = (await res.json()) as { text?: string };
    return res.status === 429 ? 'refused' : classify(body.text ?? '');
  }
  const userId = 900_000 + client;
  const before = stack.telegram.deliveredTo(userId).length;
  const res = await fetch(`${stack.baseUrl}${stack.config.telegram.webhookPath}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-telegram-bot-api-secret-token': LOCAL_TELEGRAM_SECRET,
    },
    body: JSON.stringify(tgUpdates.privateText(userId, `/hoso ${reference} ${digits}`)),
  });
  await res.arrayBuffer();
  // The webhook answers after the update is handled: the reply (if any) is already delivered.
  const replies = stack.telegram.deliveredTo(userId).slice(before);
  if (replies.length === 0) return 'refused'; // the bot's flood limit stays silent
  return classify(replies.map((m) => visibleText(m.text)).join('\n'));
}

async function main(): Promise<void> {
  const stack = await startLocalStack(
    values['index-dir'] ? { INDEX_DIR: values['index-dir'] } : {},
  );
  try {
    const reference = await stack.fileDossier(PHONE);
    // Every 4-digit value once, in random order (the right one somewhere among them).
    const candidates = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const byPath = Object.fromEntries(
      PATHS.map((p) => [p, { tries: 0, wrong: 0, found: 0, refused: 0, other: 0 }]),
    ) as Record<Path, Record<'tries' | Outcome, number>>;
    let tries = 0;
    let found = false;
    const started = performance.now();
    const deadline = started + maxMs;
    process.stderr.write(`probe:status: guessing ${reference} with ${clients} clients…\n`);

    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = 0; ; n++) {
          if (found || tries >= maxTries || performance.now() > deadline) return;
          const digits = candidates[tries % candidates.length]!;
          tries += 1;
          const path = PATHS[(n + client) % PATHS.length]!;
          const outcome = await guess(stack, path, client, reference, digits);
          byPath[path].tries += 1;
          byPath[path][outcome] += 1;
          if (outcome === 'found') found = true;
        }
      }),
    );

    const evaluatedGuesses = stack.evaluated.get(reference) ?? 0;
    const allowedPerHour = stack.config.security.statusGuessesPerReferencePerHour;
    const holds = evaluatedGuesses <= allowedPerHour + (found ? 1 : 0);
    process.stdout.write(
      `${JSON.stringify({
        reference,
        tries,
        evaluatedGuesses,
        allowedPerHour,
        found,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        clients,
        byPath,
        holds,
      })}\n`,
    );
    if (!holds) process.exitCode = 1;
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`probe:status: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
