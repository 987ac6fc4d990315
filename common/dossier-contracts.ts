/*
 * Small contracts between the dossier API and the channel adapters, so that neither imports the other:
 * the entry point wires bots' senders into the API's notification dispatcher, and the API's public
 * status lookup into the bots' /hoso command.
 */

/**
 * Channels a resident can be notified on. `app` is the in-app notice list of the mini-app: every
 * status change is queued on it too, so nothing is lost when no bot is configured.
 */
export type NotifyChannel = 'telegram' | 'zalo' | 'zalo-oa' | 'app';

/** One message to one resident. `idempotencyKey` is unique per notice and target. */
export interface OutgoingNotification {
  channel: NotifyChannel;
  /** Chat id / user id on that channel. */
  recipient: string;
  text: string;
  idempotencyKey: string;
}

/** Implemented by each bot adapter. Throws {@link DeliveryError} on failure. */
export interface NotificationSender {
  readonly channel: NotifyChannel;
  send(notification: OutgoingNotification): Promise<{ messageId?: string }>;
}

/** A failed delivery; `retryable` false means retrying cannot help (blocked bot, unknown chat). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * Remembers platform delivery ids (Telegram update_id, Zalo message ids, signed Zalo OA events) for a
 * replay window. The API's implementation keeps them in the database, so a delivery replayed after a
 * restart, or to another process, is still recognised.
 */
export interface ReplayGuard {
  /** True the first time `key` is seen within `ttlMs`; false for a replay. */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
}

/** What the public status lookup reveals: status and dates only, never personal data. */
export interface PublicDossierStatus {
  reference: string;
  procedureCode: string;
  procedureName: string;
  /** Status code from the national vocabulary (e.g. "DANG_XU_LY"). */
  status: string;
  /** Vietnamese label of the status (e.g. "Đang xử lý"). */
  statusLabel: string;
  submittedAt: string;
  appointmentDate: string | null;
  updatedAt: string;
}

/**
 * Looks up a dossier by its full reference plus the last 4 digits of the resident's phone. `client`
 * names who asks (e.g. "ip:203.0.113.7", "telegram:42") for the per-client limit; the guarded lookup
 * throws {@link StatusLookupRefused} when a limit or a reference lock applies.
 */
export type PublicStatusLookup = (
  reference: string,
  phoneLast4: string,
  client?: string,
) => Promise<PublicDossierStatus | null>;

/**
 * A lookup refused before it ran: this client asked too often (`client`), or the reference has had
 * too many wrong tries and is locked for everyone for a while (`reference`). `message` is Vietnamese,
 * safe to show.
 */
export class StatusLookupRefused extends Error {
  constructor(
    readonly reason: 'client' | 'reference',
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      reason === 'reference'
        ? `Mã hồ sơ này đã bị nhập sai 4 số cuối điện thoại quá nhiều lần nên tạm khóa tra cứu. Vui lòng thử lại sau khoảng ${minutes} phút, hoặc liên hệ Bộ phận Một cửa.`
        : `Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau khoảng ${minutes} phút.`,
    );
    this.name = 'StatusLookupRefused';
  }
}
