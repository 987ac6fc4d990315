/**
 * @module
 * A notice as each platform will show it: Telegram HTML (≤ 4,096 visible characters a message, photo
 * captions ≤ 1,024), Zalo plain text (≤ 2,000 characters; a photo goes as its link, since a Zalo image
 * must be uploaded first and a share kit is pasted by hand). Long notices are split at paragraph, line,
 * sentence or word breaks. The same function renders the preview and what the worker sends, so the
 * preview is exactly what goes out.
 */
import type { GroupPlatform, NoticePart } from '../../common/notice-contracts.js';
import { splitText } from '../../common/split-text.js';

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;
export const ZALO_TEXT_LIMIT = 2000;

/** The parts of a notice that rendering needs. */
export interface NoticeContent {
  title: string;
  body: string;
  imageUrl: string | null;
  linkUrl: string | null;
  /** Public page of the notice (`<base>/n/<id>`), when the server's public address is known. */
  publicUrl: string | null;
}

/** Where a rendering goes: a bot platform, or the share kit pasted into villagers' own groups. */
export type RenderTarget = GroupPlatform | 'share-kit';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plainLines(n: NoticeContent, withImageLink: boolean): string {
  const lines = [n.title.toUpperCase(), '', n.body.trim()];
  if (n.linkUrl) lines.push('', `Liên kết: ${n.linkUrl}`);
  if (withImageLink && n.imageUrl) lines.push('', `Hình ảnh: ${n.imageUrl}`);
  if (n.publicUrl) lines.push('', `Xem thông báo: ${n.publicUrl}`);
  return lines.join('\n');
}

function telegramParts(n: NoticeContent): NoticePart[] {
  // Split the visible text, then mark up each chunk: Telegram counts characters after parsing.
  const tail: string[] = [];
  if (n.linkUrl) tail.push(`Liên kết: ${n.linkUrl}`);
  if (n.publicUrl) tail.push(`Xem thông báo: ${n.publicUrl}`);
  const visible = [n.title, '', n.body.trim(), ...(tail.length ? ['', ...tail] : [])].join('\n');
  const toHtml = (chunk: string, first: boolean) => {
    const html = escapeHtml(chunk);
    const title = escapeHtml(n.title);
    return first && html.startsWith(title) ? `<b>${title}</b>${html.slice(title.length)}` : html;
  };
  if (n.imageUrl) {
    if (visible.length <= TELEGRAM_CAPTION_LIMIT) {
      return [{ text: toHtml(visible, true), photoUrl: n.imageUrl }];
    }
    const rest = splitText(visible, TELEGRAM_TEXT_LIMIT);
    return [
      {
        text: `<b>${escapeHtml(n.title.slice(0, TELEGRAM_CAPTION_LIMIT))}</b>`,
        photoUrl: n.imageUrl,
      },
      ...rest.map((chunk, i) => ({ text: toHtml(chunk, i === 0) })),
    ];
  }
  return splitText(visible, TELEGRAM_TEXT_LIMIT).map((chunk, i) => ({
    text: toHtml(chunk, i === 0),
  }));
}

/** The messages one group on `target` receives for this notice, in order. */
export function renderNotice(n: NoticeContent, target: RenderTarget): NoticePart[] {
  switch (target) {
    case 'telegram':
      return telegramParts(n);
    case 'share-kit':
      // Pasted by a person into a personal Zalo group: one block, whatever its length.
      return [{ text: plainLines(n, true) }];
    default:
      return splitText(plainLines(n, true), ZALO_TEXT_LIMIT).map((text) => ({ text }));
  }
}

/** What the preview shows per platform. */
export interface PlatformPreview {
  target: RenderTarget;
  limit: number | null;
  parts: NoticePart[];
  /** Characters the reader sees, per part. */
  lengths: number[];
  notes: string[];
}

const visibleLength = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&lt;|&gt;|&amp;/g, 'x').length;

/** The preview of a notice on every target, with Vietnamese notes on splitting and limits. */
export function previewNotice(
  n: NoticeContent,
  targets: readonly RenderTarget[],
): PlatformPreview[] {
  return targets.map((target) => {
    const parts = renderNotice(n, target);
    const lengths = parts.map((p) =>
      target === 'telegram' ? visibleLength(p.text) : p.text.length,
    );
    const notes: string[] = [];
    if (parts.length > 1)
      notes.push(`Nội dung dài: sẽ gửi thành ${parts.length} tin nhắn liên tiếp.`);
    if (target === 'telegram' && n.imageUrl && parts.length > 1) {
      notes.push(
        'Chú thích ảnh trên Telegram tối đa 1.024 ký tự: ảnh gửi kèm tiêu đề, nội dung gửi tin riêng.',
      );
    }
    if (target !== 'telegram' && n.imageUrl)
      notes.push('Trên Zalo, ảnh được gửi dưới dạng đường liên kết.');
    if (!n.publicUrl)
      notes.push('Chưa cấu hình PUBLIC_BASE_URL: tin nhắn chưa kèm đường dẫn trang thông báo.');
    const limit =
      target === 'telegram' ? TELEGRAM_TEXT_LIMIT : target === 'share-kit' ? null : ZALO_TEXT_LIMIT;
    return { target, limit, parts, lengths, notes };
  });
}
