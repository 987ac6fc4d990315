/**
 * `npm run officer:add -- --username <name> --commune <5-digit code or name> --role officer|admin [--name "Họ tên"]`
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
// The commune modules directly, not knowledge/index.ts: that would load retrieval and the LLM clients.
import { unknownCommuneMessage } from '../knowledge/communes/commune-texts.js';
import { loadCommuneDirectory } from '../knowledge/communes/directory.js';
import { exitWithHelpIfAsked } from './lib/help.js';

const USAGE =
  'Cách dùng: npm run officer:add -- --username <tên> --commune <mã xã/phường 5 số hoặc tên> --role officer|admin [--name "Họ tên"]';
exitWithHelpIfAsked(process.argv.slice(2), USAGE);

/**
 * The official code for `--commune`: a code of the commune directory, or a name that fits exactly one
 * current commune ("Hoằng Giang", "xã Hoằng Giang"). Anything else stops with the reason.
 */
function communeCodeOf(input: string): string {
  const directory = loadCommuneDirectory();
  if (/^\d+$/.test(input)) {
    if (directory.has(input)) return input;
    fail(`--commune: ${unknownCommuneMessage(input, directory)}\n${USAGE}`);
  }
  const found = directory.find(input);
  if (found.length === 1) return found[0]!.code;
  if (found.length > 1) {
    const list = found.map((c) => `${c.displayName} (${c.code})`).join(', ');
    fail(`--commune: "${input}" khớp nhiều xã/phường: ${list}. Vui lòng dùng mã 5 số.\n${USAGE}`);
  }
  fail(
    `--commune: không tìm thấy xã/phường "${input}" trong danh mục của tỉnh Thanh Hóa.\n${USAGE}`,
  );
}
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
  if (commune === '') fail(`--commune: thiếu mã xã/phường.\n${USAGE}`);
  const communeCode = communeCodeOf(commune);
  if (role !== 'officer' && role !== 'admin') fail(`--role: officer hoặc admin.\n${USAGE}`);
  const password = await readPassword();
  if (password.length < MIN_PASSWORD) fail(`Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự.`);

  const config = loadConfig();
  const store = await openStore(storeOptionsFrom(config));
  try {
    const { officer, created } = await upsertOfficer(store.db, {
      username,
      passwordHash: await hashPassword(password),
      communeCode,
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
