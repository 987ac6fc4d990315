import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResidentActor } from '../../api/dossiers/context.js';
import { submitDossier } from '../../api/dossiers/submit-dossier.js';
import { transitionDossier } from '../../api/dossiers/transition-dossier.js';
import { findOfficerByUsername } from '../../api/store/officer-repository.js';
import { openStore } from '../../api/store/store.js';
import { SubmitDossierSchema } from '../../common/dossier-schema.js';
import { silentLogger } from '../../common/logger.js';
import { loadCommuneDirectory } from '../../knowledge/index.js';
import { openTemplateStore } from '../support/api-harness.js';
import {
  COMMUNE_X,
  khaiSinhPayload,
  PDF_BYTES,
  testProcedureLookup,
} from '../support/dossier-fixtures.js';

let dataDir: string;

function cli(script: string, args: string[], input = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_SILENT: 'true' },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-cli-'));
  await (await openTemplateStore(dataDir)).close();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

// Each CLI run is a blocking child process (tsx start, scrypt, PGlite): on two shared cores two of them
// can take longer than the default 30 s, so these tests get the children's own limit.
describe('npm run officer:add', { timeout: 120_000 }, () => {
  it('creates an officer with the password from stdin, then updates it', async () => {
    const first = cli(
      'officer-add.ts',
      ['--username', 'nguyen.van.a', '--commune', COMMUNE_X, '--role', 'admin'],
      'mat-khau-rat-dai-1\n',
    );
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      username: 'nguyen.van.a',
      communeCode: COMMUNE_X,
      role: 'admin',
      created: true,
    });
    expect(first.stdout + first.stderr).not.toContain('mat-khau-rat-dai-1');
    const again = cli(
      'officer-add.ts',
      // A commune may also be given by its name, as in the commune directory (15127 is Xã Cẩm Thủy).
      ['--username', 'nguyen.van.a', '--commune', 'xã Cẩm Thủy', '--role', 'officer'],
      'mat-khau-moi-2222\n',
    );
    expect(JSON.parse(again.stdout)).toMatchObject({
      created: false,
      communeCode: '15127',
      role: 'officer',
    });
    const store = await reopenStore(dataDir);
    try {
      const officer = await findOfficerByUsername(store.db, 'nguyen.van.a');
      expect(officer?.password_hash).toMatch(/^scrypt\$/);
    } finally {
      await store.close();
    }
  });

  it('refuses bad input before touching the database', () => {
    expect(
      cli('officer-add.ts', ['--username', 'can.bo', '--commune', '123'], 'mat-khau-rat-dai-1\n')
        .status,
    ).toBe(2);
    // Only codes of the commune directory: a code from before the merger names the new unit.
    const former = cli(
      'officer-add.ts',
      ['--username', 'can.bo', '--commune', '15886'],
      'mat-khau-rat-dai-1\n',
    );
    expect(former.status).toBe(2);
    expect(former.stderr).toMatch(/Xã Hoằng Quỳ .*nay thuộc Xã Hoằng Giang \(mã 15880\)/);
    const short = cli('officer-add.ts', ['--username', 'can.bo', '--commune', COMMUNE_X], 'ngan\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/ít nhất 10 ký tự/);
  });
});

describe('npm run audit:verify', { timeout: 120_000 }, () => {
  it('prints OK for an intact history and names the dossier and entry after tampering', async () => {
    let reference: string;
    const store = await reopenStore(dataDir);
    try {
      await store.db.query(
        "INSERT INTO officers (id, username, password_hash, commune_code, role) VALUES ($1, $2, 'x', $3, 'officer')",
        [randomUUID(), `o_${randomUUID().slice(0, 6)}`, COMMUNE_X],
      );
      const ctx = {
        store,
        catalogue: testProcedureLookup,
        communes: loadCommuneDirectory(),
        logger: silentLogger,
        deskName: 'Bộ phận Một cửa',
        now: () => new Date(),
        notified: () => undefined,
        servedCommunes: new Set<string>(),
      };
      const actor: ResidentActor = { role: 'resident', residentId: 'zalo:cli', name: null };
      const file = await store.attachments.write(
        (async function* () {
          yield PDF_BYTES;
        })(),
        { documentCode: 'giay_chung_sinh', fileName: 'a.pdf' },
      );
      const { dossier } = await submitDossier(ctx, {
        actor,
        idempotencyKey: randomUUID(),
        payload: SubmitDossierSchema.parse(khaiSinhPayload()),
        files: [file],
      });
      reference = dossier.reference;
      await transitionDossier(
        ctx,
        { role: 'officer', officerId: 'o', username: 'o', communeCode: COMMUNE_X },
        reference,
        { to: 'DUOC_TIEP_NHAN', note: 'Đủ hồ sơ' },
      );
    } finally {
      await store.close();
    }
    const ok = cli('audit-verify.ts', ['--files']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /^OK 1 dossiers, 2 history entries, 1 attachments \(files re-hashed\)/,
    );

    const tamper = await reopenStore(dataDir);
    await tamper.db.query("UPDATE dossier_history SET note = 'Thiếu giấy tờ' WHERE seq = 2");
    await tamper.close();
    const bad = cli('audit-verify.ts', []);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe(
      `TAMPERED dossier=${reference} entry=2: entry content does not match its hash (edited)\n`,
    );
  });
});

/** Re-opens the CLI's data folder in this process (no CLI is running, so the lock is free). */
function reopenStore(dir: string) {
  return openStore({ dataDir: dir, maxAttachmentBytes: 1 << 20 });
}
