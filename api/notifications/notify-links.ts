/**
 * @module
 * Proving that a chat belongs to a resident before any dossier notice goes there (security probe,
 * defect 10: a typed `notify.recipient` let anyone make the bot message any chat).
 *
 * The resident, signed in, asks for a one-time code for a channel ({@link issueLinkCode}); the code is
 * random (60 bits), short-lived, single use, and only its hash is stored. It comes back from the chat
 * itself: Telegram opens `https://t.me/<bot>?start=<code>` (the bot receives `/start <code>`), and any
 * bot accepts `/lienket <code>`. The {@link ChatLinkPort} then binds that chat to the resident, and a
 * submission's notices go only to the chat so proved ({@link provenNotifyTarget}).
 */
import { createHash, randomInt } from 'node:crypto';
import type { NotifyPreference } from '../../common/dossier-schema.js';
import type {
  ChatLinkPort,
  ChatLinkRequest,
  LinkableChannel,
} from '../../common/notify-link-contracts.js';
import type { Logger } from '../../common/logger.js';
import { HttpError } from '../errors.js';
import type { Counters } from '../guard/counters.js';
import type { Queryable } from '../store/database.js';
import {
  consumeLinkCode,
  findResidentChannel,
  insertLinkCode,
  upsertResidentChannel,
  type LinkCodeRefusal,
} from '../store/notify-link-repository.js';

/** Codes read aloud or typed on a phone: no 0/O, 1/I/L. 32 symbols × 12 = 60 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;
/** Long enough to switch apps and open the bot, short enough that a leaked code soon dies. */
export const LINK_CODE_TTL_MS = 15 * 60_000;
/** Wrong codes one sender may try per hour before the bot stops checking (guessing 60 bits anyway). */
const FAILURES_PER_SENDER_PER_HOUR = 10;
const HOUR = 3_600_000;

/** Vietnamese names of the channels, as residents know them. */
export const CHANNEL_LABELS: Record<LinkableChannel, string> = {
  telegram: 'Telegram',
  zalo: 'Zalo (bot Một cửa)',
  'zalo-oa': 'Zalo (Official Account)',
};

/** Upper-cases and drops spaces and dashes, so "abcd-efgh jkmn" is read as the code it is. */
export function normaliseLinkCode(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}

const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

function hashCode(code: string): string {
  return createHash('sha256').update(`notify-link:${code}`).digest('hex');
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Issues a one-time code that links the chat it is sent from to `residentId` on `channel`. */
export async function issueLinkCode(
  db: Queryable,
  residentId: string,
  channel: LinkableChannel,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newCode();
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
  await insertLinkCode(db, { codeHash: hashCode(code), residentId, channel, at: now, expiresAt });
  return { code, expiresAt };
}

const REFUSALS: Record<LinkCodeRefusal, (channel: LinkableChannel) => string> = {
  unknown: () =>
    'Mã liên kết không đúng. Bạn mở Mini App Một cửa, chọn "Nhận thông báo" và bấm "Liên kết" để lấy mã mới nhé.',
  used: () =>
    'Mã liên kết này đã được dùng. Mỗi mã chỉ dùng được một lần; bạn lấy mã mới trong Mini App Một cửa nhé.',
  expired: () =>
    `Mã liên kết đã hết hạn (mỗi mã có hiệu lực ${LINK_CODE_TTL_MS / 60_000} phút). Bạn lấy mã mới trong Mini App Một cửa nhé.`,
  'other-channel': (channel) =>
    `Mã này dùng để liên kết một kênh khác. Bạn lấy mã cho ${CHANNEL_LABELS[channel]} trong Mini App Một cửa nhé.`,
};

/** The API side of the bots' `/start <code>` and `/lienket <code>`. */
export function createChatLinker(deps: {
  db: Queryable;
  counters: Counters;
  now: () => Date;
  logger: Logger;
}): ChatLinkPort {
  async function failed(request: ChatLinkRequest, reply: string) {
    await deps.counters.hit(`link:fail:${request.channel}:${request.senderKey}`, HOUR);
    return { ok: false, reply };
  }

  return {
    async link(request) {
      const failures = await deps.counters.peek(
        `link:fail:${request.channel}:${request.senderKey}`,
      );
      if (failures && failures.count >= FAILURES_PER_SENDER_PER_HOUR) {
        const minutes = Math.max(1, Math.ceil(failures.resetInMs / 60_000));
        return {
          ok: false,
          reply: `Bạn đã nhập sai mã liên kết nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
        };
      }
      // Dossier notices carry personal data, so only a private chat can be linked: there the chat is
      // the person who sent the code (Telegram and Zalo Bot private chat id = sender id; OA chats are
      // always one person). In a group the chat id is the group's, not the sender's.
      if (request.chatId !== request.senderKey) {
        return {
          ok: false,
          reply:
            'Thông báo hồ sơ có thông tin cá nhân, nên bạn vui lòng liên kết trong cuộc trò chuyện riêng với bot, không liên kết trong nhóm.',
        };
      }
      const code = normaliseLinkCode(request.code);
      if (!CODE_PATTERN.test(code)) return failed(request, REFUSALS.unknown(request.channel));
      const at = deps.now();
      const result = await consumeLinkCode(
        deps.db,
        hashCode(code),
        request.channel,
        request.chatId,
        at,
      );
      if ('refused' in result) return failed(request, REFUSALS[result.refused](request.channel));
      await upsertResidentChannel(deps.db, {
        residentId: result.residentId,
        channel: request.channel,
        recipient: request.chatId,
        proof: 'link-code',
        at,
      });
      deps.logger.info('notification chat linked', { channel: request.channel });
      return {
        ok: true,
        reply:
          'Đã liên kết cuộc trò chuyện này với tài khoản của bạn trên Mini App Một cửa. Khi nộp hồ sơ, nếu bạn chọn nhận thông báo qua kênh này, biên nhận và các thông báo về hồ sơ sẽ được gửi vào đây.',
      };
    },
  };
}

/** A 400 naming what is wrong with the notification choice. */
function notProven(field: 'notify.channel' | 'notify.recipient', message: string): HttpError {
  return new HttpError(400, 'NOTIFY_NOT_PROVEN', message, { fields: { [field]: message } });
}

/**
 * Where a submission's notices go: nowhere but the in-app list for `none`, else the chat the resident
 * proved on that channel. A recipient in the request is never used: it must be absent or the proved
 * chat itself (older clients echo it), otherwise the request is refused.
 */
export async function provenNotifyTarget(
  db: Queryable,
  residentId: string,
  notify: NotifyPreference,
): Promise<{ channel: NotifyPreference['channel']; recipient: string | null }> {
  if (notify.channel === 'none') {
    if (notify.recipient !== undefined)
      throw notProven('notify.recipient', 'Không cần mã người nhận khi không chọn kênh nhận tin.');
    return { channel: 'none', recipient: null };
  }
  const label = CHANNEL_LABELS[notify.channel];
  const proven = await findResidentChannel(db, residentId, notify.channel);
  if (notify.recipient !== undefined && notify.recipient !== proven?.recipient) {
    throw notProven(
      'notify.recipient',
      `Không gửi thông báo tới mã người nhận nhập tay. Thông báo chỉ được gửi vào cuộc trò chuyện ${label} bạn đã liên kết với tài khoản: vui lòng bấm "Liên kết ${label}" trong mục "Nhận thông báo" rồi nộp lại.`,
    );
  }
  if (!proven) {
    throw notProven(
      'notify.channel',
      `Bạn chưa liên kết ${label} với tài khoản. Vui lòng bấm "Liên kết ${label}" trong mục "Nhận thông báo" rồi nộp lại, hoặc chọn chỉ nhận thông báo trong ứng dụng.`,
    );
  }
  return { channel: notify.channel, recipient: proven.recipient };
}
