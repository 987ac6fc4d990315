/**
 * @module
 * The notice delivery worker. Each tick it fans due notices out into delivery rows, then keeps up to
 * `batchSize` deliveries per platform in flight: claimed with a short lease (renewed while in flight,
 * so a killed worker's rows come back within one lease), paced by a per-platform limiter (Telegram:
 * ≤ 30 messages/s overall, started at least 34 ms apart), posted part by part with a write-ahead mark
 * before each part and the platform message id recorded after it.
 *
 * Failures, as the channel adapters classify them: 429 → the group waits `retry_after` (the row is not
 * charged an attempt); 403 → the group becomes inactive and its pending rows fail; supergroup
 * migration → the new chat id is stored and the part resent there at once; timeouts and network errors
 * → retried with exponential backoff and flagged as a possible duplicate (the platform may have got
 * it); a refused message → failed with the platform's reason.
 *
 * Telegram and Zalo cannot de-duplicate a repeated send, so one window is unavoidable: between a
 * part reaching the platform and its id being committed here. What happens to a part caught in it is
 * reviewed data (delivery-policy.json): by default a row whose claim expired with its write-ahead mark
 * still set (the worker died mid-send) is NOT resent but held as `unknown` for an officer to check the
 * group (no duplicate; at-most-once for these few), while a timeout in a live worker is retried and
 * flagged `possible_duplicate`. `notice_messages.started_at → sent_at` measures the window.
 */
import { randomBytes } from 'node:crypto';
import Bottleneck from 'bottleneck';
import {
  GroupSendError,
  type GroupPlatform,
  type GroupSender,
} from '../../common/notice-contracts.js';
import type { Logger } from '../../common/logger.js';
import type { Database } from '../store/database.js';
import { markInactive, moveChat } from '../store/notice-group-repository.js';
import {
  claimDeliveries,
  claimDueNotice,
  failDelivery,
  failPendingForGroup,
  findNotice,
  holdGroup,
  holdInDoubt,
  insertDeliveries,
  markPartStarted,
  matchingGroups,
  recordPart,
  retryDelivery,
  settleNotices,
  type ClaimedDelivery,
  type NoticeRow,
} from '../store/group-notice-repository.js';
import { deliveryPolicy, type InDoubtAction } from './delivery-policy.js';
import { renderNotice, type NoticeContent } from './render-notice.js';

export interface DeliveryWorkerOptions {
  db: Database;
  senders: readonly GroupSender[];
  logger: Logger;
  /** Public address of the server, for the notice page link in every message. */
  publicBaseUrl?: string | undefined;
  now?: () => Date;
  pollIntervalMs?: number;
  /** Deliveries in flight per platform. */
  batchSize?: number;
  /** Claim lease; renewed every third of it while the delivery is in flight. */
  leaseMs?: number;
  /** Longest one send may take before it counts as uncertain. */
  sendTimeoutMs?: number;
  /** Parallel requests per platform (pacing still applies between their starts). */
  maxConcurrent?: number;
  perSecond?: Partial<Record<GroupPlatform, number>>;
  /** Overrides the policy's per-group limit (Telegram: 20 messages a minute into one group). */
  perGroupPerMinute?: number;
  /** Overrides delivery-policy.json's choices for parts in doubt. */
  afterCrash?: InDoubtAction;
  afterTimeout?: InDoubtAction;
  maxAttempts?: number;
  backoffMs?: (attempts: number) => number;
}

export interface DeliveryWorker {
  start(): void;
  /** Asks for a tick soon (a notice was created or is due). */
  poke(): void;
  /** One pass: fan out due notices and fill every platform's pipeline; resolves when it is idle. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** 1 s, 2 s, 4 s … capped at 5 minutes. */
export const noticeBackoff = (attempts: number) =>
  Math.min(1000 * 2 ** Math.max(0, attempts - 1), 300_000);

/** The public page of a notice, when the server's address is known. */
export function publicNoticeUrl(base: string | undefined, publicId: string): string | null {
  return base ? new URL(`/n/${publicId}`, base).toString() : null;
}

export function noticeContent(n: NoticeRow, publicBaseUrl: string | undefined): NoticeContent {
  return {
    title: n.title,
    body: n.body,
    imageUrl: n.image_url,
    linkUrl: n.link_url,
    publicUrl: publicNoticeUrl(publicBaseUrl, n.public_id),
  };
}

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { db, logger: log } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 30;
  const leaseMs = options.leaseMs ?? 6000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 10_000;
  const policy = deliveryPolicy();
  const perGroupPerMinute = (platform: GroupPlatform) =>
    options.perGroupPerMinute ?? policy.pace[platform].perGroupPerMinute;
  const afterCrash = options.afterCrash ?? policy.afterCrash;
  const afterTimeout = options.afterTimeout ?? policy.afterTimeout;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoffMs ?? noticeBackoff;
  const senders = new Map(options.senders.map((s) => [s.platform, s]));
  /** A platform where a part in doubt is held for a person rather than resent. */
  const holdsDoubt = (platform: GroupPlatform, action: InDoubtAction) =>
    action === 'hold' && !senders.get(platform)?.deduplicates;
  const limiters = new Map(
    [...senders.keys()].map((platform) => {
      const perSecond = options.perSecond?.[platform] ?? policy.pace[platform].perSecond;
      return [
        platform,
        new Bottleneck({
          minTime: Math.ceil(1000 / perSecond),
          maxConcurrent: options.maxConcurrent ?? 4,
        }),
      ] as const;
    }),
  );
  const inFlight = new Map<GroupPlatform, Map<number, ClaimedDelivery>>(
    [...senders.keys()].map((p) => [p, new Map()]),
  );
  const tasks = new Set<Promise<void>>();
  const notices = new Map<string, NoticeRow>();
  let timer: NodeJS.Timeout | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function noticeOf(id: string): Promise<NoticeRow> {
    let n = notices.get(id);
    if (!n) {
      n = await findNotice(db, id);
      if (!n) throw new Error(`notice ${id} vanished`);
      if (notices.size > 100) notices.clear();
      notices.set(id, n);
    }
    return n;
  }

  /** Writes the delivery rows of every due notice, one notice per transaction. */
  async function fanOutDue(): Promise<void> {
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const notice = await claimDueNotice(tx, now());
        if (!notice) return true;
        const groups = await matchingGroups(tx, notice.commune_code, notice.targets);
        const content = noticeContent(notice, options.publicBaseUrl);
        const parts = new Map<string, number>();
        const partsFor = (target: GroupPlatform | 'share-kit') => {
          let n = parts.get(target);
          if (n === undefined) parts.set(target, (n = renderNotice(content, target).length));
          return n;
        };
        await insertDeliveries(
          tx,
          notice.id,
          groups.map((g) =>
            g.kind === 'share-kit'
              ? {
                  groupId: g.id,
                  platform: g.platform,
                  partsTotal: 1,
                  shareToken: randomBytes(18).toString('base64url'),
                }
              : {
                  groupId: g.id,
                  platform: g.platform,
                  partsTotal: partsFor(g.platform as GroupPlatform),
                  shareToken: null,
                },
          ),
          now(),
        );
        log.info('notice fanned out', { noticeId: notice.id, deliveries: groups.length });
        return false;
      });
      if (done) return;
    }
  }

  async function handleFailure(row: ClaimedDelivery, error: unknown, startedPart: boolean) {
    const e =
      error instanceof GroupSendError
        ? error
        : new GroupSendError('transient', error instanceof Error ? error.message : String(error));
    const at = now();
    switch (e.kind) {
      case 'rate-limited': {
        const until = new Date(at.getTime() + (e.details.retryAfterMs ?? 1000));
        await db.transaction(async (tx) => {
          await holdGroup(tx, row.group_id, until);
          await retryDelivery(tx, row.id, {
            error: e.message,
            nextAttemptAt: until,
            countAttempt: false,
          });
        });
        log.warn('notice delivery rate limited', {
          deliveryId: row.id,
          waitMs: e.details.retryAfterMs,
        });
        return;
      }
      case 'gone': {
        const reason = 'Bot không còn trong nhóm (bị xoá hoặc bị chặn).';
        await db.transaction(async (tx) => {
          await markInactive(tx, { id: row.group_id }, reason, at);
          await failDelivery(tx, row.id, reason);
          await failPendingForGroup(tx, row.group_id, reason);
        });
        log.warn('notice group gone: marked inactive', {
          deliveryId: row.id,
          groupId: row.group_id,
        });
        return;
      }
      case 'rejected':
        await failDelivery(db, row.id, `Nền tảng từ chối tin nhắn: ${e.message}`);
        log.error('notice delivery rejected', { deliveryId: row.id, error: e.message });
        return;
      default: {
        const uncertain = e.kind === 'uncertain' && startedPart;
        if (uncertain && holdsDoubt(row.platform as GroupPlatform, afterTimeout)) {
          await holdInDoubt(db, { platforms: [row.platform], now: at, ids: [row.id] });
          log.warn('notice delivery timed out: held as unknown', { deliveryId: row.id });
          return;
        }
        if (row.attempts >= maxAttempts) {
          await failDelivery(
            db,
            row.id,
            `Gửi không thành công sau ${row.attempts} lần: ${e.message}`,
          );
          log.error('notice delivery failed permanently', { deliveryId: row.id, error: e.message });
          return;
        }
        await retryDelivery(db, row.id, {
          error: e.message,
          nextAttemptAt: new Date(at.getTime() + backoff(row.attempts)),
          countAttempt: true,
          keepDoubt: uncertain,
        });
        log.warn('notice delivery will retry', {
          deliveryId: row.id,
          attempts: row.attempts,
          error: e.message,
        });
      }
    }
  }

  async function deliver(platform: GroupPlatform, row: ClaimedDelivery): Promise<void> {
    const sender = senders.get(platform)!;
    const limiter = limiters.get(platform)!;
    let startedPart = false;
    try {
      const notice = await noticeOf(row.notice_id);
      const parts = renderNotice(noticeContent(notice, options.publicBaseUrl), platform);
      let chatId = row.chat_id;
      for (let part = row.parts_sent; part < row.parts_total; part++) {
        const body = parts[part];
        if (!body)
          throw new GroupSendError('rejected', 'nội dung thông báo đã thay đổi sau khi gửi');
        for (let hop = 0; ; hop++) {
          try {
            const result = await limiter.schedule(async () => {
              const startedAt = now();
              if (!(await markPartStarted(db, row.id, row.attempts, startedAt))) return undefined;
              startedPart = true;
              const signal = AbortSignal.timeout(sendTimeoutMs);
              const sent = await sender.send(
                {
                  platform,
                  target: row.group_kind === 'subscriber' ? 'subscriber' : 'group',
                  chatId,
                  part: body,
                  idempotencyKey: `notice:${row.notice_id}:${row.group_id}:${part}`,
                },
                signal,
              );
              return { ...sent, startedAt };
            });
            if (!result) {
              log.warn('notice delivery claim lost before sending', { deliveryId: row.id });
              return;
            }
            // One statement, committed on its own: every round trip here widens the in-doubt window.
            await recordPart(db, {
              id: row.id,
              groupId: row.group_id,
              chatId,
              part,
              messageId: result.messageId,
              startedAt: result.startedAt,
              at: now(),
              last: part === row.parts_total - 1,
            });
            startedPart = false;
            break;
          } catch (error) {
            if (
              error instanceof GroupSendError &&
              error.kind === 'migrated' &&
              error.details.newChatId &&
              hop < 2
            ) {
              await moveChat(db, platform, chatId, error.details.newChatId, now());
              log.info('notice group migrated to a new chat id', { groupId: row.group_id });
              chatId = error.details.newChatId;
              startedPart = false;
              continue;
            }
            throw error;
          }
        }
      }
    } catch (error) {
      await handleFailure(row, error, startedPart).catch((e: unknown) =>
        log.error('notice delivery: could not record a failure', { deliveryId: row.id, error: e }),
      );
    }
  }

  async function fill(platform: GroupPlatform): Promise<number> {
    const flying = inFlight.get(platform)!;
    const room = batchSize - flying.size;
    if (room <= 0 || stopped) return 0;
    const hold = holdsDoubt(platform, afterCrash);
    if (hold) {
      const held = await holdInDoubt(db, { platforms: [platform], now: now() });
      if (held.length > 0) {
        log.warn('notice deliveries held as unknown: a part may have been posted before a crash', {
          deliveryIds: held,
        });
      }
    }
    const rows = await claimDeliveries(db, {
      platforms: [platform],
      limit: room,
      leaseMs,
      now: now(),
      perGroupPerMinute: perGroupPerMinute(platform),
      resendInDoubt: !hold,
    });
    for (const row of rows) {
      if (row.reclaimed_in_doubt) {
        log.warn('notice delivery reclaimed after an unfinished send: possible duplicate', {
          deliveryId: row.id,
        });
      }
      flying.set(row.id, row);
      const task = deliver(platform, row).finally(() => {
        // A row reclaimed by this worker after its lease ran out is a newer entry: keep it.
        if (flying.get(row.id) === row) flying.delete(row.id);
        tasks.delete(task);
        // Refill when half the pipeline is free, not after every message: on the embedded database
        // every query waits for the one before it, and a claim per message would slow each send.
        if (!stopped && flying.size <= batchSize / 2) refill();
      });
      tasks.add(task);
    }
    return rows.length;
  }

  async function renewLeases(): Promise<void> {
    const ids = [...inFlight.values()].flatMap((m) => [...m.keys()]);
    if (ids.length === 0) return;
    await db.query(
      `UPDATE notice_deliveries SET lease_until = $2::timestamptz + ($3::text || ' milliseconds')::interval
        WHERE id = ANY($1::bigint[]) AND state = 'sending'`,
      [ids, now(), String(leaseMs)],
    );
  }

  let wantFanOut = true;
  let lastSettle = 0;

  async function tick(): Promise<void> {
    if (wantFanOut) {
      wantFanOut = false;
      await fanOutDue();
    }
    for (const platform of senders.keys()) await fill(platform);
    const flying = [...inFlight.values()].reduce((n, m) => n + m.size, 0);
    if (flying === 0 || Date.now() - lastSettle > 2000) {
      lastSettle = Date.now();
      await settleNotices(db);
    }
  }

  function run(): void {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = (async () => {
      try {
        do {
          again = false;
          await tick();
        } while (again && !stopped);
      } catch (error) {
        log.error('notice worker tick failed', { error });
      } finally {
        ticking = undefined;
      }
    })();
  }

  /** Claims more deliveries (a task finished). */
  function refill(): void {
    run();
  }

  /** A notice may be due: fan out, then claim. */
  function poke(): void {
    wantFanOut = true;
    run();
  }

  return {
    start() {
      stopped = false;
      timer ??= setInterval(poke, options.pollIntervalMs ?? 1000);
      renewTimer ??= setInterval(
        () =>
          void renewLeases().catch((error: unknown) =>
            log.error('lease renewal failed', { error }),
          ),
        Math.max(50, Math.floor(leaseMs / 3)),
      );
      timer.unref();
      renewTimer.unref();
      poke();
    },
    poke,
    async drain() {
      for (;;) {
        poke();
        await ticking;
        if (tasks.size === 0) {
          await tick();
          if (tasks.size === 0) return;
        }
        await Promise.race(tasks);
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (renewTimer) clearInterval(renewTimer);
      timer = renewTimer = undefined;
      await ticking;
      await Promise.allSettled([...tasks]);
      await Promise.all([...limiters.values()].map((l) => l.stop({ dropWaitingJobs: false })));
    },
  };
}
