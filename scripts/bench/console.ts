/*
 * Bench "console": what the officer console costs.
 * 1. Initial JS and CSS of /officer/, gzipped: the entry script and the modules it preloads, as built
 *    by Vite from the current source (target: initial JS ≤ 250 KB gz). Pages are loaded on demand and
 *    reported separately.
 * 2. Server time of every request a console page makes, with 10,000 dossiers in the officer's commune
 *    (seeded straight into the database, statuses and dates spread like a busy year), measured on
 *    loopback from this process (so it includes HTTP overhead: an upper bound). Target ≤ 200 ms each.
 *
 * Alone: `npx tsx scripts/bench/console.ts` prints JSON to stdout.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { hashPassword } from '../../api/auth/password.js';
import { upsertOfficer } from '../../api/store/officer-repository.js';
import { startHarness, type Harness } from '../../tests/support/api-harness.js';
import { COMMUNE_X } from '../../tests/support/dossier-fixtures.js';

const DOSSIERS = 10_000;
const RUNS = 15;
const TARGET_MS = 200;
const TARGET_INITIAL_JS_KB = 250;

async function bundleSizes() {
  const out = await mkdtemp(path.join(tmpdir(), 'motcua-console-bench-'));
  try {
    await build({
      configFile: path.resolve('console/vite.config.ts'),
      build: { outDir: out, emptyOutDir: true },
      logLevel: 'silent',
    });
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    const initial = [
      ...html.matchAll(/<script[^>]+src="\/officer\/([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/officer\/([^"]+\.js)"/g),
    ].map((m) => m[1]!);
    const css = [
      ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/officer\/([^"]+\.css)"/g),
    ].map((m) => m[1]!);
    const gz = async (file: string) => gzipSync(await readFile(path.join(out, file))).length;
    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    let initialJs = 0;
    for (const f of new Set(initial)) initialJs += await gz(f);
    let initialCss = 0;
    for (const f of css) initialCss += await gz(f);
    const pages: Record<string, number> = {};
    for (const f of await readdir(path.join(out, 'assets'))) {
      const name = `assets/${f}`;
      if (f.endsWith('.js') && !initial.includes(name))
        pages[f.replace(/-[\w-]+\.js$/, '')] = kb(await gz(name));
    }
    return {
      initialJsKbGz: kb(initialJs),
      initialCssKbGz: kb(initialCss),
      lazyPagesKbGz: pages,
      targetInitialJsKbGz: TARGET_INITIAL_JS_KB,
      initialJsOk: kb(initialJs) <= TARGET_INITIAL_JS_KB,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** 10,000 dossiers in one commune: one INSERT … SELECT, plus a history entry for each finished one. */
async function seed(h: Harness): Promise<string> {
  const db = h.runtime.store.db;
  await db.query(
    `INSERT INTO dossiers (id, reference, procedure_code, procedure_name, processing_days, commune_code, desk,
       resident_id, applicant_name, applicant_phone, phone_last4, form_data, status, result_delivery,
       notify_channel, submitted_at, received_at, appointment_date, updated_at, idempotency_key, request_hash,
       history_count, history_head)
     SELECT 'bench-' || i,
       substr('ABCDEFGHJKLMNPRSTUVWXY', 1 + i % 22, 1) || substr('ABCDEFGHJKLMNPRSTUVWXY', 1 + (i / 22) % 22, 1)
         || substr('23456789', 1 + i % 8, 1) || substr('ABCDEFGHJKLMNPRSTUVWXY', 1 + (i / 484) % 22, 1)
         || substr('ABCDEFGHJKLMNPRSTUVWXY', 1 + (i / 10648) % 22, 1) || substr('23456789', 1 + (i / 8) % 8, 1)
         || 'BB',
       (ARRAY['1.001193','1.000894','1.004873','2.000815'])[1 + i % 4],
       (ARRAY['Thủ tục đăng ký khai sinh','Thủ tục đăng ký kết hôn','Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
              'Chứng thực bản sao từ bản chính giấy tờ, văn bản'])[1 + i % 4],
       CASE WHEN i % 4 = 3 THEN NULL ELSE 1 + i % 3 END,
       $1, 'mot_cua', 'zalo:bench-' || (i % 3000),
       (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ'])[1 + i % 6] || ' Văn ' || (ARRAY['An','Bình','Cường','Dũng','Hà','Lan','Minh'])[1 + i % 7] || ' ' || i,
       '09' || lpad(i::text, 8, '0'), lpad((i % 10000)::text, 4, '0'),
       '{"requesterName":"Người dân"}'::jsonb,
       (ARRAY['MOI_DANG_KY','DUOC_TIEP_NHAN','DANG_XU_LY','YEU_CAU_BO_SUNG','DA_XU_LY_XONG','DA_TRA_KET_QUA',
              'DA_TRA_KET_QUA','DA_TRA_KET_QUA'])[1 + i % 8],
       'tai_quay', 'none',
       now() - make_interval(hours => i % 8760), now() - make_interval(hours => i % 8760),
       (now() - make_interval(hours => i % 8760) + make_interval(days => 1 + i % 9))::date,
       now(), 'bench-' || i, 'x', 1, 'x'
     FROM generate_series(1, $2::int) AS i`,
    [COMMUNE_X, DOSSIERS],
  );
  await db.query(
    `INSERT INTO dossier_history (dossier_id, seq, action, from_status, to_status, actor_kind, actor_id, actor_name,
       note, details, at, prev_hash, hash)
     SELECT id, 2, 'CHUYEN_DA_XU_LY_XONG', 'DANG_XU_LY', 'DA_XU_LY_XONG', 'officer', 'o', 'o', NULL, '{}'::jsonb,
       submitted_at + make_interval(days => (abs(hashtext(id)) % 12)), 'x', 'x'
     FROM dossiers WHERE status IN ('DA_XU_LY_XONG', 'DA_TRA_KET_QUA')`,
  );
  const rows = await db.query<{ reference: string }>(
    `SELECT reference FROM dossiers WHERE commune_code = $1 AND status = 'DANG_XU_LY' LIMIT 1`,
    [COMMUNE_X],
  );
  return rows[0]!.reference;
}

async function signIn(h: Harness, role: 'officer' | 'admin'): Promise<string> {
  const username = `bench_${role}`;
  await upsertOfficer(h.runtime.store.db, {
    username,
    passwordHash: await hashPassword('mat-khau-bench-1'),
    communeCode: COMMUNE_X,
    role,
    displayName: 'Cán bộ đo',
  });
  const res = await h.request('POST', '/api/officer/login', {
    json: { username, password: 'mat-khau-bench-1' },
  });
  return res.body.token as string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function serverTimes() {
  const h = await startHarness();
  try {
    const t0 = performance.now();
    const reference = await seed(h);
    const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const admin = await signIn(h, 'admin');
    const pages: Record<string, string> = {
      'inbox (mới nộp)': '/api/officer/inbox?view=moi',
      'inbox (đang xử lý)': '/api/officer/inbox?view=dang_xu_ly',
      'inbox (quá hạn)': '/api/officer/inbox?view=qua_han',
      'inbox (đến hạn hôm nay)': '/api/officer/inbox?view=den_han',
      'inbox (tất cả, trang 200)': '/api/officer/inbox?view=tat_ca&page=200&sort=moi_nhat',
      'search name': `/api/officer/inbox?view=tat_ca&q=${encodeURIComponent('Văn Lan')}`,
      'search phone digits': '/api/officer/inbox?view=tat_ca&q=4321',
      'search reference': `/api/officer/inbox?view=tat_ca&q=${reference}`,
      'search procedure': '/api/officer/inbox?view=tat_ca&q=1.001193',
      dossier: `/api/officer/dossiers/${reference}`,
      reports: '/api/officer/reports',
      gaps: '/api/officer/gaps',
      accounts: '/api/officer/accounts',
      audit: '/api/officer/audit',
      session: '/api/officer/session',
      'CSV export (all 10,000)': '/api/officer/inbox.csv?view=tat_ca',
    };
    const results: Record<string, { p50: number; p95: number; max: number }> = {};
    for (const [name, url] of Object.entries(pages)) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const start = performance.now();
        const res = await h.request('GET', url, { token: admin });
        const ms = performance.now() - start;
        if (res.status !== 200) throw new Error(`${name}: ${res.status} ${res.text.slice(0, 200)}`);
        if (i >= 2) times.push(ms); // the first two warm the prepared statements and caches
      }
      times.sort((a, b) => a - b);
      const r = (x: number) => Math.round(x * 10) / 10;
      results[name] = {
        p50: r(percentile(times, 50)),
        p95: r(percentile(times, 95)),
        max: r(times.at(-1)!),
      };
    }
    const pagesOnly = Object.entries(results).filter(([n]) => !n.startsWith('CSV'));
    return {
      dossiers: DOSSIERS,
      seedSeconds,
      runsPerRequest: RUNS,
      msPerRequest: results,
      worstPageP95Ms: Math.max(...pagesOnly.map(([, v]) => v.p95)),
      targetMs: TARGET_MS,
      pagesOk: pagesOnly.every(([, v]) => v.p95 <= TARGET_MS),
      note: 'Loopback HTTP from the same process (upper bound of server time); PGlite; shared 2-core machine.',
    };
  } finally {
    await h.close();
  }
}

export const bench = {
  name: 'console',
  async run() {
    return { bundle: await bundleSizes(), server: await serverTimes() };
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await bench.run(), null, 2)}\n`);
}
