/**
 * `npm run officer:add -- --username <name> --commune <5-digit code> --role officer|admin [--name "Họ tên"]`
 *
 * Creates an officer account (or resets its password, commune and role when the username exists).
 * The password is read from stdin when piped (first line), or asked for on the terminal without echo;
 * it is never taken from the command line, where it would land in the shell history.
 * Prints one JSON line on stdout: `{ "username", "communeCode", "role", "created" }`.
 *
 * With the embedded database (no DATABASE_URL) stop the server first: PGlite is single-process.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from '../api/auth/password.js';
import { upsertOfficer } from '../api/store/officer-repository.js';
import { openStore, storeOptionsFrom } from '../api/store/store.js';
import { loadConfig } from '../common/config.js';
import { exitWithHelpIfAsked } from './lib/help.js';

const USAGE =
  'Cách dùng: npm run officer:add -- --username <tên> --commune <mã xã 5 số> --role officer|admin [--name "Họ tên"]';
exitWithHelpIfAsked(process.argv.slice(2), USAGE);

const MIN_PASSWORD = 10;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    return input.split(/\r?\n/)[0] ?? '';
  }
  const first = await promptHidden('Mật khẩu: ');
  const second = await promptHidden('Nhập lại mật khẩu: ');
  if (first !== second) fail('Hai lần nhập mật khẩu không khớp.');
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      commune: { type: 'string' },
      role: { type: 'string', default: 'officer' },
      name: { type: 'string' },
    },
    strict: true,
  });
  const username = values.username?.trim() ?? '';
  const commune = values.commune?.trim() ?? '';
  const role = values.role;
  if (!/^[a-z0-9._-]{3,64}$/i.test(username))
    fail(`--username: 3–64 ký tự chữ, số, ".", "_", "-".\n${USAGE}`);
  if (!/^\d{5}$/.test(commune)) fail(`--commune: mã xã/phường gồm 5 chữ số.\n${USAGE}`);
  if (role !== 'officer' && role !== 'admin') fail(`--role: officer hoặc admin.\n${USAGE}`);
  const password = await readPassword();
  if (password.length < MIN_PASSWORD) fail(`Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự.`);

  const config = loadConfig();
  const store = await openStore(storeOptionsFrom(config));
  try {
    const { officer, created } = await upsertOfficer(store.db, {
      username,
      passwordHash: await hashPassword(password),
      communeCode: commune,
      role,
      displayName: values.name ?? null,
    });
    process.stderr.write(
      `${created ? 'Đã tạo' : 'Đã cập nhật'} tài khoản cán bộ ${officer.username} (xã ${officer.commune_code}, ${officer.role}).\n`,
    );
    process.stdout.write(
      `${JSON.stringify({ username: officer.username, communeCode: officer.commune_code, role: officer.role, created })}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`officer:add: ${(error as Error).message}\n`);
  process.exit(1);
});
