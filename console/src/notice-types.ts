/** Shapes of the notice API's answers (api/routes/notices.ts, api/notices/notice-service.ts). */

export type GroupStatus = 'pending' | 'approved' | 'inactive';

export interface NoticeGroup {
  id: string;
  kind: 'group' | 'share-kit' | 'subscriber';
  platform: 'telegram' | 'zalo-oa' | 'zalo-bot' | 'zalo';
  title: string;
  status: GroupStatus;
  communeCode: string | null;
  village: string | null;
  tags: string[];
  adminName: string | null;
  inactiveReason: string | null;
  approvedAt: string | null;
  createdAt: string;
}

export interface NoticeTargets {
  wholeCommune: boolean;
  villages: string[];
  tags: string[];
}

export interface NoticeTemplate {
  id: string;
  name: string;
  note: string;
  title: string;
  body: string;
  fields: string[];
}

export type RenderTarget = 'telegram' | 'zalo-oa' | 'zalo-bot' | 'share-kit';

export interface PlatformPreview {
  target: RenderTarget;
  limit: number | null;
  parts: Array<{ text: string; photoUrl?: string }>;
  lengths: number[];
  notes: string[];
  groups: number;
}

export interface NoticePreview {
  recipients: { total: number; byPlatform: Record<string, number> };
  platforms: PlatformPreview[];
}

export interface Recipients {
  total: number;
  groups: number;
  subscribers: number;
  byPlatform: Record<string, number>;
}

export type NoticeStatus = 'scheduled' | 'sending' | 'sent' | 'cancelled';

export interface Notice {
  id: string;
  publicId: string;
  publicUrl: string;
  qrUrl: string;
  communeCode: string;
  title: string;
  body: string;
  imageUrl: string | null;
  linkUrl: string | null;
  targets: NoticeTargets;
  status: NoticeStatus;
  sendAt: string;
  createdBy: string;
  createdAt: string;
  cancelledAt: string | null;
}

export interface LedgerTotals {
  total: number;
  sent: number;
  failed: number;
  pending: number;
  /** Held in doubt after a crash mid-send: an officer checks the group and resolves it. */
  unknown: number;
  shareKit: number;
  shared: number;
  possibleDuplicates: number;
}

export type DeliveryState =
  'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'share-kit' | 'shared';

export interface LedgerItem {
  id: number;
  groupId: string;
  group: string;
  kind: NoticeGroup['kind'];
  platform: string;
  village: string | null;
  adminName: string | null;
  state: DeliveryState;
  stateLabel: string;
  messageIds: string[];
  sentAt: string | null;
  error: string | null;
  attempts: number;
  possibleDuplicate: boolean;
  sharedAt: string | null;
  sharedBy: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  shareLink: string | null;
}

export interface Ledger {
  notice: Notice;
  totals: LedgerTotals;
  items: LedgerItem[];
  shareKitText: string;
}

export interface NoticeListItem extends Notice {
  totals: LedgerTotals;
}

/** Platform names as officers say them. */
export const PLATFORM_LABEL: Record<string, string> = {
  telegram: 'Telegram',
  'zalo-oa': 'Zalo OA (nhóm GMF)',
  'zalo-bot': 'Zalo Bot',
  zalo: 'Zalo — chia sẻ tay',
  'share-kit': 'Zalo — chia sẻ tay',
};

export const NOTICE_STATUS_LABEL: Record<NoticeStatus, string> = {
  scheduled: 'Hẹn giờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi xong',
  cancelled: 'Đã huỷ',
};
