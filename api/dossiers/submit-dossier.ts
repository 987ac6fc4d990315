/**
 * @module
 * Submitting a dossier: validated payload + attachment files already on disk → one transaction that
 * writes the dossier, its first history entry, its attachment rows and the receipt notification.
 * Idempotent per (resident, Idempotency-Key): a retry returns the dossier of the first attempt.
 */
import { randomUUID } from 'node:crypto';
import type { SubmitDossier } from '../../common/dossier-schema.js';
import { todayInVietnam } from '../../common/vietnam-id.js';
import { getForm } from '../../knowledge/forms/registry.js';
import { validateForm } from '../../knowledge/forms/validate-form.js';
import type { StoredFile } from '../attachments/attachment-storage.js';
import { HttpError, invalid } from '../errors.js';
import {
  findDossierByIdempotencyKey,
  insertNewDossier,
  attachmentRows,
  type AttachmentRow,
  type DossierRow,
  type HistoryRow,
} from '../store/dossier-repository.js';
import { routeToDesk } from '../console/desks.js';
import { communeIsServed } from '../store/officer-repository.js';
import { unknownCommuneMessage } from '../../knowledge/index.js';
import { dossierNoticeTargets } from '../store/outbox-repository.js';
import { provenNotifyTarget } from '../notifications/notify-links.js';
import type { DossierContext, ResidentActor } from './context.js';
import { deskOf } from './desk.js';
import { buildHistoryEntry } from './history.js';
import { canonicalJson, genesisHash, sha256Hex } from './history-chain.js';
import { receiptText } from './messages.js';
import { newReference } from './reference.js';
import { addWorkingDays } from './working-days.js';

export interface SubmitRequest {
  actor: ResidentActor;
  idempotencyKey: string;
  payload: SubmitDossier;
  /** Files already written by the attachment storage; removed here if they end up unreferenced. */
  files: readonly StoredFile[];
}

/** Hash of what the dossier says (recomputed by audit:verify from the stored row). */
export function contentHash(d: {
  procedureCode: string;
  communeCode: string;
  applicant: { fullName: string; phone: string; email: string | null };
  formData: unknown;
}): string {
  return sha256Hex(canonicalJson(d));
}

/** What a submission returns; a new dossier also carries the rows just written (no re-read needed). */
export type SubmitOutcome =
  | { dossier: DossierRow; created: true; history: HistoryRow[]; attachments: AttachmentRow[] }
  | { dossier: DossierRow; created: false };

/**
 * Writes the dossier (one statement: dossier, history entry, attachments, receipt notice). On a
 * conflict, either a concurrent or earlier attempt with the same idempotency key won (return that
 * dossier) or the random reference was taken (draw another).
 */
async function store(
  ctx: DossierContext,
  actor: ResidentActor,
  idempotencyKey: string,
  base: Omit<DossierRow, 'reference' | 'history_head'>,
  details: Record<string, unknown>,
  files: readonly StoredFile[],
  now: Date,
): Promise<SubmitOutcome> {
  const db = ctx.store.db;
  for (let attempt = 0; attempt < 8; attempt++) {
    const reference = newReference();
    // The first entry records the owner and the notification channel and recipient (row state).
    const entry = buildHistoryEntry(
      ctx.store.audit,
      { id: base.id, reference, history_count: 0, history_head: genesisHash(reference) },
      {
        action: 'NOP_HO_SO',
        from: null,
        to: 'MOI_DANG_KY',
        actor,
        note: null,
        details,
        at: now,
        after: base,
      },
    );
    const row: DossierRow = { ...base, reference, history_head: entry.hash };
    const attachments = attachmentRows(files, base.id, 1, now);
    const body = receiptText(row, deskOf(ctx, row.commune_code));
    const outbox = dossierNoticeTargets(row).map((t) => ({ ...t, body }));
    if (await insertNewDossier(db, row, entry, attachments, outbox)) {
      return { dossier: row, created: true, history: [entry], attachments };
    }
    const existing = await findDossierByIdempotencyKey(db, actor.residentId, idempotencyKey);
    if (existing) return { dossier: existing, created: false };
  }
  throw new Error('could not draw a unique dossier reference');
}

/** Validates, then stores. Returns the dossier and whether this call created it. */
export async function submitDossier(
  ctx: DossierContext,
  req: SubmitRequest,
): Promise<SubmitOutcome> {
  let committed = false;
  try {
    const result = await validateAndStore(ctx, req);
    committed = result.created;
    return result;
  } finally {
    if (!committed) await ctx.store.attachments.remove(req.files);
  }
}

async function validateAndStore(
  ctx: DossierContext,
  { actor, idempotencyKey, payload, files }: SubmitRequest,
): Promise<SubmitOutcome> {
  const procedure = await ctx.catalogue(payload.procedureCode);
  const form = getForm(payload.procedureCode);
  if (!procedure || !form) {
    throw invalid({
      procedureCode: procedure
        ? 'Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến. Vui lòng nộp tại Bộ phận Một cửa.'
        : 'Không tìm thấy thủ tục có mã này.',
    });
  }
  const checked = validateForm(form, payload.formData, {
    attachedDocumentCodes: new Set(files.map((f) => f.documentCode)),
  });
  if (!checked.ok) {
    throw invalid(
      Object.fromEntries(
        Object.entries(checked.fields).map(([k, v]) => [
          k.startsWith('documents.') ? k : `formData.${k}`,
          v,
        ]),
      ),
    );
  }
  if (!ctx.communes.has(payload.communeCode)) {
    throw invalid({ communeCode: unknownCommuneMessage(payload.communeCode, ctx.communes) });
  }
  if (!ctx.servedCommunes.has(payload.communeCode)) {
    if (!(await communeIsServed(ctx.store.db, payload.communeCode))) {
      throw invalid({
        communeCode:
          'Xã/phường này chưa tiếp nhận hồ sơ trực tuyến qua hệ thống. Vui lòng nộp trực tiếp tại Bộ phận Một cửa.',
      });
    }
    ctx.servedCommunes.add(payload.communeCode);
  }

  // Notices go only to a chat the resident proved is theirs, never to an id typed in the request.
  const notify = await provenNotifyTarget(ctx.store.db, actor.residentId, payload.notify);

  const applicant = {
    fullName: payload.applicant.fullName,
    phone: payload.applicant.phone,
    email: payload.applicant.email ?? null,
  };
  const attachmentsForHash = files
    .map((f) => ({ documentCode: f.documentCode, fileName: f.fileName, sha256: f.sha256 }))
    .sort((a, b) => canonicalJson(a).localeCompare(canonicalJson(b)));
  const requestHash = sha256Hex(
    canonicalJson({
      procedureCode: procedure.code,
      communeCode: payload.communeCode,
      applicant,
      formData: checked.data,
      resultDelivery: payload.resultDelivery,
      deliveryAddress: payload.deliveryAddress ?? null,
      notify: payload.notify,
      attachments: attachmentsForHash,
    }),
  );

  const desk = await routeToDesk(ctx.store.db, payload.communeCode, procedure.agency);
  const now = ctx.now();
  const days = procedure.processingWorkingDays;
  const appointment = days === null ? null : addWorkingDays(todayInVietnam(now), days);
  const id = randomUUID();
  const base: Omit<DossierRow, 'reference' | 'history_head'> = {
    id,
    procedure_code: procedure.code,
    procedure_name: procedure.name,
    processing_days: days,
    commune_code: payload.communeCode,
    desk,
    resident_id: actor.residentId,
    applicant_name: applicant.fullName,
    applicant_phone: applicant.phone,
    applicant_email: applicant.email,
    phone_last4: applicant.phone.slice(-4),
    form_data: checked.data,
    status: 'MOI_DANG_KY',
    channel: 2,
    result_delivery: payload.resultDelivery,
    delivery_address: payload.deliveryAddress ?? null,
    notify_channel: notify.channel,
    notify_recipient: notify.recipient,
    missing_documents: [],
    fee_amount_vnd: null,
    submitted_at: now,
    received_at: null,
    appointment_date: appointment,
    completed_at: null,
    updated_at: now,
    idempotency_key: idempotencyKey,
    request_hash: requestHash,
    version: 1,
    history_count: 1,
  };
  const details = {
    contentHash: contentHash({
      procedureCode: procedure.code,
      communeCode: payload.communeCode,
      applicant,
      formData: checked.data,
    }),
    attachments: files.map((f) => ({ id: f.id, documentCode: f.documentCode, sha256: f.sha256 })),
    appointmentDate: appointment,
  };

  const outcome = await store(ctx, actor, idempotencyKey, base, details, files, now);
  if (!outcome.created && outcome.dossier.request_hash !== requestHash) {
    throw new HttpError(
      409,
      'IDEMPOTENCY_KEY_REUSED',
      'Mã Idempotency-Key này đã được dùng cho một hồ sơ khác với nội dung khác. Vui lòng tạo mã mới cho mỗi lần nộp hồ sơ mới.',
    );
  }
  if (outcome.created) ctx.notified();
  return outcome;
}
