/**
 * @module
 * The public side of a notice, no login: the notice page `/n/<id>` (readable on a phone; the id is 128
 * random bits, so pages cannot be enumerated), its QR code, and the share-kit page a village team lead
 * opens from their own link to copy the text and mark it "đã chia sẻ".
 */
import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import type { CommuneCheck } from '../notices/communes.js';
import { noticeContent, publicNoticeUrl } from '../notices/delivery-worker.js';
import { renderNotice } from '../notices/render-notice.js';
import type { Database } from '../store/database.js';
import {
  findNoticeByPublicId,
  markShared,
  type NoticeRow,
} from '../store/group-notice-repository.js';

const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/;
const TOKEN = /^[A-Za-z0-9_-]{24}$/;

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body{margin:0;font:18px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f6f8}
main{max-width:640px;margin:0 auto;padding:16px;background:#fff;min-height:100vh;box-sizing:border-box}
.from{color:#555;font-size:15px;margin:0 0 8px}
h1{font-size:24px;line-height:1.3;margin:0 0 12px;color:#8a1c1c}
.body{white-space:pre-wrap;overflow-wrap:anywhere}
img{max-width:100%;height:auto;border-radius:6px;margin:12px 0}
a{color:#0b5cad;overflow-wrap:anywhere}
.meta{color:#555;font-size:15px;border-top:1px solid #ddd;margin-top:20px;padding-top:10px}
textarea{width:100%;min-height:220px;field-sizing:content;font:16px/1.5 system-ui,sans-serif;box-sizing:border-box}
button{font-size:18px;padding:12px 18px;margin-top:12px;border-radius:6px;border:0;background:#0b5cad;color:#fff}
.ok{background:#e7f6ea;padding:10px;border-radius:6px}
`;

function page(title: string, inner: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${inner}</main></body></html>`;
}

const TZ = 'Asia/Ho_Chi_Minh';
/** "13:34 ngày 07/12/2026", in Vietnam's time zone. */
const dateTime = (d: Date) =>
  `${d.toLocaleTimeString('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit' })} ngày ${d.toLocaleDateString('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' })}`;

/**
 * Rows for the share-kit text box, so the team lead sees the whole text on a phone without
 * scrolling inside the box (about 28 characters fit a 360-px line at 16 px).
 */
function shareKitRows(text: string): number {
  const lines = text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 28)), 0);
  return Math.min(60, lines + 1);
}

export function createPublicNoticeRouter(deps: {
  db: Database;
  communes: CommuneCheck;
  publicBaseUrl: string | undefined;
  now: () => Date;
}): Router {
  const router = Router();

  async function visible(publicId: string, res: Response): Promise<NoticeRow | undefined> {
    const notice = PUBLIC_ID.test(publicId)
      ? await findNoticeByPublicId(deps.db, publicId)
      : undefined;
    // A cancelled notice, or one scheduled for later, is not public yet.
    if (
      !notice ||
      notice.status === 'cancelled' ||
      notice.send_at.getTime() > deps.now().getTime()
    ) {
      res
        .status(404)
        .type('html')
        .send(
          page(
            'Không tìm thấy thông báo',
            '<h1>Không tìm thấy thông báo</h1><p>Đường dẫn không đúng, hoặc thông báo đã được thu hồi.</p>',
          ),
        );
      return undefined;
    }
    return notice;
  }

  router.get('/n/:publicId', async (req, res) => {
    const notice = await visible(String(req.params.publicId), res);
    if (!notice) return;
    const commune = deps.communes.nameOf(notice.commune_code) ?? notice.commune_code;
    const inner = [
      `<p class="from">UBND ${esc(commune)} thông báo</p>`,
      `<h1>${esc(notice.title)}</h1>`,
      notice.image_url ? `<img src="${esc(notice.image_url)}" alt="Hình ảnh kèm thông báo">` : '',
      `<div class="body">${esc(notice.body)}</div>`,
      notice.link_url
        ? `<p>Xem thêm: <a href="${esc(notice.link_url)}" rel="noopener noreferrer">${esc(notice.link_url)}</a></p>`
        : '',
      `<p class="meta">Đăng lúc ${esc(dateTime(notice.send_at))}, bởi ${esc(notice.created_by_name)}.</p>`,
    ].join('');
    res.set('cache-control', 'public, max-age=60').type('html').send(page(notice.title, inner));
  });

  router.get('/n/:publicId/qr.png', async (req, res) => {
    const notice = await visible(String(req.params.publicId), res);
    if (!notice) return;
    const target =
      publicNoticeUrl(deps.publicBaseUrl, notice.public_id) ??
      `${req.protocol}://${req.get('host')}/n/${notice.public_id}`;
    const png = await QRCode.toBuffer(target, {
      type: 'png',
      width: 512,
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    res.set('cache-control', 'public, max-age=3600').type('png').send(png);
  });

  async function shareKit(req: Request, res: Response, done: boolean) {
    const notice = await visible(String(req.params.publicId), res);
    if (!notice) return;
    const token = String(req.params.token);
    const rows = TOKEN.test(token)
      ? await deps.db.query<{
          id: number;
          state: string;
          title: string;
          admin_name: string | null;
        }>(
          `SELECT d.id, d.state, g.title, g.admin_name FROM notice_deliveries d JOIN notice_groups g ON g.id = d.group_id
            WHERE d.notice_id = $1 AND d.share_token = $2`,
          [notice.id, token],
        )
      : [];
    const row = rows[0];
    if (!row) {
      res
        .status(404)
        .type('html')
        .send(page('Không tìm thấy', '<h1>Liên kết chia sẻ không đúng</h1>'));
      return;
    }
    let state = row.state;
    if (done) {
      await markShared(deps.db, { token }, row.admin_name ?? 'Trưởng nhóm', deps.now());
      state = 'shared';
    }
    const text = renderNotice(
      noticeContent(notice, deps.publicBaseUrl ?? `${req.protocol}://${req.get('host')}`),
      'share-kit',
    )[0]!.text;
    const inner = [
      `<p class="from">Bộ chia sẻ cho nhóm “${esc(row.title)}”${row.admin_name ? ` (${esc(row.admin_name)})` : ''}</p>`,
      `<h1>${esc(notice.title)}</h1>`,
      '<p>Chép nội dung dưới đây và dán vào nhóm Zalo của thôn, kèm ảnh mã QR nếu cần.</p>',
      `<textarea readonly rows="${shareKitRows(text)}" aria-label="Nội dung để dán vào nhóm">${esc(text)}</textarea>`,
      `<p><img src="/n/${esc(notice.public_id)}/qr.png" alt="Mã QR mở trang thông báo" width="220" height="220"></p>`,
      state === 'shared'
        ? '<p class="ok">✅ Đã ghi nhận: thông báo đã được chia sẻ vào nhóm. Cảm ơn anh/chị!</p>'
        : `<form method="post"><button type="submit">Tôi đã chia sẻ vào nhóm</button></form>`,
    ].join('');
    res
      .type('html')
      .set('cache-control', 'no-store')
      .send(page(`Chia sẻ: ${notice.title}`, inner));
  }

  router.get('/n/:publicId/chia-se/:token', (req, res) => shareKit(req, res, false));
  router.post('/n/:publicId/chia-se/:token', (req, res) => shareKit(req, res, true));
  return router;
}
