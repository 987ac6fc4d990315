/**
 * `npm run notice -- <command> …`: notices to village groups from the command line, acting as one
 * officer account (`--as <username>`, whose commune is used). Run with --help for the commands.
 *
 * It writes to the store only: `npm start` (or `npm run notice:worker`) delivers. With the embedded
 * database (no DATABASE_URL) stop the server first: PGlite is single-process.
 * Prints JSON on stdout; errors go to stderr in Vietnamese with exit code 2.
 */
import { parseArgs } from 'node:util';
import { HttpError } from '../api/errors.js';
import { communeCheckOf } from '../api/notices/communes.js';
import { loadCommuneDirectory } from '../knowledge/communes/directory.js';
import {
  cancelOwnNotice,
  CreateNoticeSchema,
  createNotice,
  ledgerOf,
  NoticeDraftSchema,
  noticeView,
  ownNotice,
  previewDraft,
  type NoticeDeps,
} from '../api/notices/notice-service.js';
import { fillTemplate, noticeTemplates } from '../api/notices/templates.js';
import { parseOr400 } from '../api/middleware/validate.js';
import {
  addShareKitGroup,
  approveGroup,
  findGroup,
  listGroups,
} from '../api/store/notice-group-repository.js';
import { findOfficerByUsername } from '../api/store/officer-repository.js';
import { openStore, storeOptionsFrom } from '../api/store/store.js';
import { loadConfig } from '../common/config.js';
import { silentLogger } from '../common/logger.js';

const HELP = `Cách dùng: npm run notice -- <lệnh> --as <tên đăng nhập cán bộ> [tuỳ chọn]

Lệnh:
  groups [--status pending|approved|inactive]   Danh sách nhóm (chờ duyệt, đã duyệt, ngừng)
  approve <mã nhóm> [--village "Thôn Đông"] [--tag ten-nhan …]
                                                Duyệt nhóm vào xã của cán bộ, gán thôn và nhãn
  share-kit --title "Nhóm Zalo thôn Đông" --admin "Họ tên trưởng nhóm" [--village …] [--tag …]
                                                Đăng ký nhóm Zalo của bà con (gửi bằng bộ chia sẻ)
  templates                                     Các mẫu thông báo thường dùng
  preview  <nội dung thông báo>                 Xem trước trên từng nền tảng (không gửi)
  send     <nội dung thông báo> [--at 2026-12-08T07:00:00+07:00]
                                                Gửi ngay, hoặc hẹn giờ gửi
  cancel <mã thông báo>                         Huỷ thông báo chưa gửi
  ledger <mã thông báo>                         Sổ giao nhận: đã gửi / lỗi / chờ / chia sẻ tay

Nội dung thông báo (preview, send):
  --title "Tiêu đề" --text "Nội dung"  hoặc  --template hop-thon --set thon="Thôn Đông" --set gio=19h30 …
  [--image https://…] [--link https://…]
  Nơi nhận: --commune-wide  |  --village "Thôn Đông" (lặp lại được)  |  --tag ten-nhan (lặp lại được)

Lệnh này chỉ ghi vào cơ sở dữ liệu; máy chủ (npm start) hoặc npm run notice:worker sẽ gửi đi.
Với cơ sở dữ liệu nhúng (không đặt DATABASE_URL), hãy dừng máy chủ trước.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        as: { type: 'string' },
        status: { type: 'string' },
        village: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        title: { type: 'string' },
        text: { type: 'string' },
        admin: { type: 'string' },
        template: { type: 'string' },
        set: { type: 'string', multiple: true },
        image: { type: 'string' },
        link: { type: 'string' },
        'commune-wide': { type: 'boolean' },
        at: { type: 'string' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
})();

const [command, target] = positionals;
if (values.help || !command) {
  process.stdout.write(`${HELP}\n`);
  process.exit(command || values.help ? 0 : 2);
}
if (command === 'templates') {
  process.stdout.write(`${JSON.stringify(noticeTemplates(), null, 2)}\n`);
  process.exit(0);
}
const KNOWN = ['groups', 'approve', 'share-kit', 'preview', 'send', 'cancel', 'ledger'];
if (!KNOWN.includes(command)) fail(`Không có lệnh "${command}".\n\n${HELP}`);
if (!values.as) fail('Thiếu --as <tên đăng nhập cán bộ>: thông báo được gửi dưới tên một cán bộ.');

/** Title and body from --title/--text, or from a template filled with --set key=value. */
function draftInput(): Record<string, unknown> {
  let title = values.title;
  let body = values.text;
  if (values.template) {
    const template = noticeTemplates().find((t) => t.id === values.template);
    if (!template)
      fail(`Không có mẫu thông báo "${values.template}" (xem: npm run notice -- templates).`);
    const pairs = Object.fromEntries(
      (values.set ?? []).map((kv) => {
        const at = kv.indexOf('=');
        if (at <= 0) fail(`--set cần dạng khoa=gia_tri, nhận được "${kv}".`);
        return [kv.slice(0, at), kv.slice(at + 1)];
      }),
    );
    const filled = fillTemplate(template, pairs);
    if (command === 'send' && filled.missing.length > 0) {
      fail(
        `Mẫu "${template.id}" còn thiếu: ${filled.missing.map((f) => `--set ${f}=…`).join(' ')}`,
      );
    }
    title ??= filled.title;
    body ??= filled.body;
  }
  return {
    title: title ?? '',
    body: body ?? '',
    ...(values.image ? { imageUrl: values.image } : {}),
    ...(values.link ? { linkUrl: values.link } : {}),
    targets: {
      wholeCommune: values['commune-wide'] ?? false,
      villages: values.village ?? [],
      tags: values.tag ?? [],
    },
    ...(values.at ? { sendAt: values.at } : {}),
  };
}

const config = loadConfig();
const store = await openStore(storeOptionsFrom(config));
const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
try {
  const officer = await findOfficerByUsername(store.db, values.as);
  if (!officer || officer.disabled)
    fail(`Không có tài khoản cán bộ "${values.as}" (hoặc đã bị khoá).`);
  const author = {
    officerId: officer.id,
    name: officer.display_name || officer.username,
    communeCode: officer.commune_code,
  };
  const deps: NoticeDeps = {
    db: store.db,
    logger: silentLogger,
    communes: communeCheckOf(loadCommuneDirectory()),
    publicBaseUrl: config.server.publicBaseUrl,
    now: () => new Date(),
    poke: () => undefined,
  };
  switch (command) {
    case 'groups': {
      const status = values.status as 'pending' | 'approved' | 'inactive' | undefined;
      if (status && !['pending', 'approved', 'inactive'].includes(status)) {
        fail('--status chỉ nhận pending, approved hoặc inactive.');
      }
      out(await listGroups(store.db, author.communeCode, status ? { status } : {}));
      break;
    }
    case 'approve': {
      const group = target ? await findGroup(store.db, target).catch(() => undefined) : undefined;
      if (!group || (group.commune_code !== null && group.commune_code !== author.communeCode)) {
        fail(`Không tìm thấy nhóm "${target ?? ''}" (xem: npm run notice -- groups --as …).`);
      }
      out(
        await approveGroup(store.db, group.id, {
          communeCode: author.communeCode,
          village: values.village?.[0] ?? null,
          tags: values.tag ?? [],
          by: officer.username,
          at: new Date(),
        }),
      );
      break;
    }
    case 'share-kit': {
      if (!values.title || !values.admin)
        fail('Cần --title (tên nhóm Zalo) và --admin (tên trưởng nhóm).');
      out(
        await addShareKitGroup(store.db, {
          title: values.title,
          adminName: values.admin,
          communeCode: author.communeCode,
          village: values.village?.[0] ?? null,
          tags: values.tag ?? [],
          by: officer.username,
          at: new Date(),
        }),
      );
      break;
    }
    case 'preview':
      out(
        await previewDraft(deps, author.communeCode, parseOr400(NoticeDraftSchema, draftInput())),
      );
      break;
    case 'send': {
      const { notice } = await createNotice(
        deps,
        author,
        parseOr400(CreateNoticeSchema, draftInput()),
      );
      out(noticeView(notice, config.server.publicBaseUrl));
      break;
    }
    case 'cancel':
      out(
        noticeView(await cancelOwnNotice(deps, author, target ?? ''), config.server.publicBaseUrl),
      );
      break;
    case 'ledger':
      out(await ledgerOf(deps, await ownNotice(store.db, author.communeCode, target ?? '')));
      break;
  }
} catch (error) {
  if (error instanceof HttpError) {
    const fields = error.fields
      ? Object.entries(error.fields).map(([k, v]) => `  - ${k}: ${v}`)
      : [];
    await store.close();
    fail([error.message, ...fields].join('\n'));
  }
  throw error;
} finally {
  await store.close().catch(() => undefined);
}
