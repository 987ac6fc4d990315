/**
 * @module
 * The API side of {@link GroupRegistryPort}: what the bots report (joined/left a group, a group moved
 * to a new id, a resident subscribing in a private chat) written to the group registry.
 */
import type { GroupRegistryPort, SubscriptionAnswer } from '../../common/notice-contracts.js';
import type { Logger } from '../../common/logger.js';
import type { Database } from '../store/database.js';
import {
  listVillages,
  markInactive,
  moveChat,
  recordJoined,
  upsertSubscriber,
} from '../store/notice-group-repository.js';
import type { CommuneCheck } from './communes.js';

const SUBSCRIBE_HELP =
  'Để nhận thông báo của thôn/tổ dân phố, gõ /dangky rồi chọn xã và thôn của bạn ' +
  '(hoặc gõ nhanh: /nhantin <mã xã> <tên thôn>, ví dụ: /nhantin 15124 Thôn Đông). Gõ /huy để thôi nhận.';

/** "15124 Thôn Đông" → commune code and village (village optional: then every notice of the commune). */
export function parsePlace(place: string): { communeCode: string; village: string | null } | null {
  const match = /^\s*(\d{5})\s*[,;-]?\s*(.*)$/u.exec(place);
  if (!match) return null;
  const village = match[2]!.trim().replace(/\s+/g, ' ');
  return { communeCode: match[1]!, village: village ? village.slice(0, 100) : null };
}

export function createGroupRegistry(deps: {
  db: Database;
  logger: Logger;
  communes: CommuneCheck;
  now?: () => Date;
}): GroupRegistryPort {
  const now = deps.now ?? (() => new Date());
  return {
    async membership(event) {
      if (event.status === 'member') {
        const group = await recordJoined(deps.db, {
          platform: event.platform,
          chatId: event.chatId,
          title: event.title || 'Nhóm không tên',
          at: now(),
        });
        deps.logger.info('notice group joined', { groupId: group.id, status: group.status });
      } else {
        await markInactive(
          deps.db,
          { platform: event.platform, chatId: event.chatId },
          'Bot đã bị xoá khỏi nhóm.',
          now(),
        );
        deps.logger.info('notice group left', { platform: event.platform });
      }
    },
    async migrated(platform, fromChatId, toChatId) {
      await moveChat(deps.db, platform, fromChatId, toChatId, now());
    },
    async subscribe(request): Promise<SubscriptionAnswer> {
      const place =
        request.communeCode !== undefined
          ? { communeCode: request.communeCode, village: request.village ?? null }
          : parsePlace(request.place ?? '');
      if (!place) return { ok: false, reply: SUBSCRIBE_HELP };
      const commune = deps.communes.nameOf(place.communeCode);
      if (commune === null) {
        return {
          ok: false,
          reply: `Không tìm thấy xã/phường có mã ${place.communeCode}. ${SUBSCRIBE_HELP}`,
        };
      }
      await upsertSubscriber(deps.db, {
        platform: request.platform,
        chatId: request.chatId,
        displayName: request.displayName || 'Người dân',
        communeCode: place.communeCode,
        village: place.village,
        at: now(),
      });
      const where = place.village ? `${place.village}, ${commune}` : commune;
      return {
        ok: true,
        reply: `Đã đăng ký nhận thông báo của ${where} qua tin nhắn này. Gõ /huy khi muốn thôi nhận.`,
      };
    },
    async unsubscribe(platform, chatId): Promise<SubscriptionAnswer> {
      const rows = await deps.db.query(
        `UPDATE notice_groups SET status = 'inactive', inactive_reason = 'Người dân huỷ nhận tin.', updated_at = $3
          WHERE platform = $1 AND chat_id = $2 AND kind = 'subscriber' AND status <> 'inactive' RETURNING id`,
        [platform, chatId, now()],
      );
      return rows.length > 0
        ? { ok: true, reply: 'Đã thôi nhận thông báo. Gõ /dangky để đăng ký lại.' }
        : { ok: false, reply: `Bạn chưa đăng ký nhận thông báo. ${SUBSCRIBE_HELP}` };
    },
    villages: (communeCode) => listVillages(deps.db, communeCode),
    async syncConfigured(platform, groups) {
      await deps.db.transaction(async (tx) => {
        for (const g of groups) {
          await recordJoined(tx, { platform, chatId: g.chatId, title: g.title, at: now() });
        }
        await tx.query(
          `UPDATE notice_groups SET status = 'inactive', inactive_reason = $3, updated_at = $4
            WHERE platform = $1 AND kind = 'group' AND status <> 'inactive'
              AND NOT (chat_id = ANY($2::text[]))`,
          [platform, groups.map((g) => g.chatId), 'Nhóm không còn trong cấu hình.', now()],
        );
      });
      deps.logger.info('configured notice groups synced', { platform, groups: groups.length });
    },
  };
}
