/**
 * @module
 * Which status changes are allowed, and who may make them. Everything else is refused.
 *
 * ```
 * MOI_DANG_KY ──► DUOC_TIEP_NHAN ──► DANG_XU_LY ──► DA_XU_LY_XONG ──► DA_TRA_KET_QUA
 *      │  └──► KHONG_DUOC_TIEP_NHAN      │  ▲  │
 *      └──────► YEU_CAU_BO_SUNG ◄────────┘  │  └──► YEU_CAU_THUC_HIEN_NVTC ──► DANG_XU_LY / DA_XU_LY_XONG
 *                    └── (bổ sung) ─────────┘
 * any open status ──► CONG_DAN_YEU_CAU_RUT (resident) · DUNG_XU_LY (admin)
 * ```
 */
import type { DossierStatus } from '../../common/dossier-schema.js';

/** Who acts: the resident who filed, a commune officer, a commune admin (lãnh đạo), or the system. */
export type ActorRole = 'resident' | 'officer' | 'admin' | 'system';

const STAFF: readonly ActorRole[] = ['officer', 'admin'];
const ADMIN: readonly ActorRole[] = ['admin'];
const RESIDENT: readonly ActorRole[] = ['resident'];
/** Supplements come from the resident (online) or an officer (documents handed in at the desk). */
const SUPPLEMENT: readonly ActorRole[] = ['resident', 'officer', 'admin'];

/** The transition table: from → to → roles allowed. */
export const TRANSITIONS: Readonly<
  Record<DossierStatus, Partial<Record<DossierStatus, readonly ActorRole[]>>>
> = {
  MOI_DANG_KY: {
    DUOC_TIEP_NHAN: STAFF,
    KHONG_DUOC_TIEP_NHAN: STAFF,
    YEU_CAU_BO_SUNG: STAFF,
    CONG_DAN_YEU_CAU_RUT: RESIDENT,
  },
  DUOC_TIEP_NHAN: {
    DANG_XU_LY: STAFF,
    YEU_CAU_BO_SUNG: STAFF,
    YEU_CAU_THUC_HIEN_NVTC: STAFF,
    CONG_DAN_YEU_CAU_RUT: RESIDENT,
    DUNG_XU_LY: ADMIN,
  },
  DANG_XU_LY: {
    YEU_CAU_BO_SUNG: STAFF,
    YEU_CAU_THUC_HIEN_NVTC: STAFF,
    DA_XU_LY_XONG: STAFF,
    CONG_DAN_YEU_CAU_RUT: RESIDENT,
    DUNG_XU_LY: ADMIN,
  },
  YEU_CAU_BO_SUNG: {
    // Back to where the dossier was: not yet received → MOI_DANG_KY, received → DANG_XU_LY.
    MOI_DANG_KY: SUPPLEMENT,
    DANG_XU_LY: SUPPLEMENT,
    CONG_DAN_YEU_CAU_RUT: RESIDENT,
    DUNG_XU_LY: ADMIN,
  },
  YEU_CAU_THUC_HIEN_NVTC: {
    DANG_XU_LY: STAFF,
    DA_XU_LY_XONG: STAFF,
    CONG_DAN_YEU_CAU_RUT: RESIDENT,
    DUNG_XU_LY: ADMIN,
  },
  DA_XU_LY_XONG: { DA_TRA_KET_QUA: STAFF },
  KHONG_DUOC_TIEP_NHAN: {},
  CONG_DAN_YEU_CAU_RUT: {},
  DUNG_XU_LY: {},
  DA_TRA_KET_QUA: {},
};

/** True when `role` may move a dossier from `from` to `to`. */
export function canTransition(from: DossierStatus, to: DossierStatus, role: ActorRole): boolean {
  return TRANSITIONS[from][to]?.includes(role) ?? false;
}

/** Statuses with no way out. */
export function isFinal(status: DossierStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/** Statuses where the desk is working against the appointment date (late-dossier check applies). */
export const CLOCK_RUNNING: readonly DossierStatus[] = [
  'MOI_DANG_KY',
  'DUOC_TIEP_NHAN',
  'DANG_XU_LY',
];
