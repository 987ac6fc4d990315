/**
 * Drafts: everything typed into a form, saved while typing and resumed when the form is opened
 * again. The Idempotency-Key of the submission lives in the draft from the first tap on "Nộp hồ sơ"
 * until the receipt arrives, so a double tap, a cut connection or a retry after closing the app all
 * reach the same dossier.
 */
import type { Platform } from '../platform';

export interface DraftAttachment {
  /** Key of the bytes in the file store. */
  key: string;
  documentCode: string;
  fileName: string;
  type: string;
  size: number;
}

export interface Draft {
  procedureCode: string;
  formData: Record<string, unknown>;
  applicant: { fullName: string; phone: string };
  communeCode: string;
  resultDelivery: 'tai_quay' | 'buu_chinh';
  deliveryAddress: string;
  attachments: DraftAttachment[];
  /** Set at the first submit and kept until it succeeds. */
  idempotencyKey: string | null;
  /** Last failed submit (shown with "Gửi lại"). */
  failedMessage: string | null;
  updatedAt: string;
}

const key = (code: string) => `motcua.draft.${code}`;

export function loadDraft(platform: Platform, code: string): Draft | null {
  try {
    return JSON.parse(platform.storage.get(key(code)) ?? 'null') as Draft | null;
  } catch {
    return null;
  }
}

export function saveDraft(platform: Platform, draft: Draft): void {
  platform.storage.set(key(draft.procedureCode), JSON.stringify(draft));
  // The commune last filed in: procedure pages name its receiving desk and office address.
  if (draft.communeCode) platform.storage.set(COMMUNE_KEY, draft.communeCode);
}

const COMMUNE_KEY = 'motcua.commune';

/** The 5-digit code of the commune the resident last chose in a form, if any. */
export function lastCommune(platform: Platform): string | null {
  const code = platform.storage.get(COMMUNE_KEY);
  return code && /^\d{5}$/.test(code) ? code : null;
}

export function dropDraft(platform: Platform, code: string): void {
  platform.storage.remove(key(code));
}

/** What the resident typed that can fill the next form (by profile key: fullName, cccd, …). */
export function loadSavedProfile(platform: Platform): Record<string, string> {
  try {
    return JSON.parse(platform.storage.get('motcua.profile') ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function saveProfile(platform: Platform, profile: Record<string, string>): void {
  platform.storage.set('motcua.profile', JSON.stringify(profile));
}
