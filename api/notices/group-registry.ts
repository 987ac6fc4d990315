/**
 * @module
 * The API side of {@link GroupRegistryPort}: what the bots report (joined/left a group, a group moved
 * to a new id, a resident subscribing in a private chat) written to the group registry.
 */
import type { GroupRegistryPort, SubscriptionAnswer } from '../../common/notice-contracts.js';
import type { Logger } from '../../common/logger.js';
import type { Database } from '../store/database.js';
import {
  markInactive,
  moveChat,
  recordJoined,
  upsertSubscriber,
} from '../store/notice-group-repository.js';
import type { CommuneCheck } from './communes.js';

const SUBSCRIBE_HELP =
  'Để nhận thông báo của thôn/tổ dân phố, gõ: /nhantin <mã xã> <tên thôn>, ví dụ: /nhantin 15124 Thôn Đông. ' +
  'Mã xã do cán bộ xã hoặc tổ công nghệ số cung cấp. Gõ /huynhantin để thôi nhận.';

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
      const place = parsePlace(request.place);
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
        reply: `Đã đăng ký nhận thông báo của ${where}. Gõ /huynhantin khi muốn thôi nhận.`,
      };
    },
    async unsubscribe(platform, chatId): Promise<SubscriptionAnswer> {
      const rows = await deps.db.query(
        `UPDATE notice_groups SET status = 'inactive', inactive_reason = 'Người dân huỷ nhận tin.', updated_at = $3
          WHERE platform = $1 AND chat_id = $2 AND kind = 'subscriber' AND status <> 'inactive' RETURNING id`,
        [platform, chatId, now()],
      );
      return rows.length > 0
        ? { ok: true, reply: 'Đã thôi nhận thông báo. Gõ /nhantin để đăng ký lại.' }
        : { ok: false, reply: `Bạn chưa đăng ký nhận thông báo. ${SUBSCRIBE_HELP}` };
    },
  };
}
