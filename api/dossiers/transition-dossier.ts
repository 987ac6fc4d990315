/**
 * @module
 * Status changes and supplements. Each runs in one transaction with the dossier row locked: check
 * who may see and change it, check the transition table, apply the effects (dates, missing
 * documents), append the hash-chained history entry and enqueue the resident's notice.
 */
import {
  DOSSIER_STATUSES,
  statusLabel,
  type DossierStatus,
  type TransitionRequest,
} from '../../common/dossier-schema.js';
import { todayInVietnam } from '../../common/vietnam-id.js';
import { getForm } from '../../knowledge/forms/registry.js';
import type { StoredFile } from '../attachments/attachment-storage.js';
import { forbidden, HttpError, invalid, notFound } from '../errors.js';
import type { Queryable } from '../store/database.js';
import {
  findDossierByReference,
  insertAttachments,
  updateDossier,
  type DossierRow,
  attachmentRows,
} from '../store/dossier-repository.js';
import { enqueueDossierNotices } from '../store/outbox-repository.js';
import type { Actor, DossierContext, ResidentActor } from './context.js';
import { appendHistory } from './history.js';
import { statusNotice, supplementNotice } from './messages.js';
import { canTransition } from './status.js';
import { addWorkingDays } from './working-days.js';

/** True when `actor` may see the dossier (own dossier, or a dossier of the officer's commune). */
export function canSee(
  actor: Actor,
  d: Pick<DossierRow, 'resident_id' | 'commune_code'> & { desk?: string },
): boolean {
  if (actor.role === 'system') return true;
  if (actor.role === 'resident') return d.resident_id === actor.residentId;
  if (d.commune_code !== actor.communeCode) return false;
  // An officer works one desk (UBND one-stop or Công an); the commune's admin oversees all of them.
  return actor.role === 'admin' || !actor.desk || !d.desk || d.desk === actor.desk;
}

/** Loads a dossier the actor may see, locking it when in a transaction; 404 otherwise (never 403, so
 *  nobody learns that someone else's reference exists). */
export async function loadVisible(
  q: Queryable,
  actor: Actor,
  reference: string,
  options: { forUpdate?: boolean } = {},
): Promise<DossierRow> {
  const row = await findDossierByReference(q, reference, options);
  if (!row || !canSee(actor, row)) throw notFound();
  return row;
}

function appointmentFrom(now: Date, days: number | null): string | null {
  return days === null ? null : addWorkingDays(todayInVietnam(now), days);
}

/** Moves a dossier to `req.to`. Returns the updated row. */
export async function transitionDossier(
  ctx: DossierContext,
  actor: Actor,
  reference: string,
  req: TransitionRequest,
): Promise<DossierRow> {
  const now = ctx.now();
  const updated = await ctx.store.db.transaction(async (tx) => {
    const d = await loadVisible(tx, actor, reference, { forUpdate: true });
    if (req.expectedVersion !== undefined && req.expectedVersion !== d.version) {
      throw new HttpError(
        409,
        'VERSION_CONFLICT',
        'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại hồ sơ rồi thao tác lại.',
      );
    }
    const from = d.status;
    const to = req.to;
    if (actor.role === 'resident' && to !== 'CONG_DAN_YEU_CAU_RUT') {
      throw forbidden(
        to === 'MOI_DANG_KY' || to === 'DANG_XU_LY'
          ? 'Để bổ sung giấy tờ, vui lòng dùng chức năng "Bổ sung hồ sơ".'
          : 'Công dân chỉ có thể yêu cầu rút hồ sơ.',
      );
    }
    if (!canTransition(from, to, actor.role)) {
      if (canTransition(from, to, 'admin')) {
        throw forbidden(
          `Chỉ lãnh đạo (tài khoản admin) mới được chuyển hồ sơ sang "${statusLabel(to)}".`,
        );
      }
      throw new HttpError(
        409,
        'TRANSITION_NOT_ALLOWED',
        `Không thể chuyển hồ sơ từ "${statusLabel(from)}" sang "${statusLabel(to)}".`,
      );
    }
    const patch = effects(d, req, now);
    const chain = await appendHistory(tx, ctx.store.audit, d, {
      action: `CHUYEN_${to}`,
      from,
      to,
      actor,
      note: req.note ?? null,
      details: {
        dvcqgStatus: DOSSIER_STATUSES[to].dvcqg,
        ...(patch.missing_documents && to === 'YEU_CAU_BO_SUNG'
          ? { missingDocuments: patch.missing_documents }
          : {}),
        ...(patch.appointment_date !== undefined
          ? { appointmentDate: patch.appointment_date }
          : {}),
        ...(patch.fee_amount_vnd !== undefined ? { feeAmountVnd: patch.fee_amount_vnd } : {}),
        ...(patch.result_delivery !== undefined ? { resultDelivery: patch.result_delivery } : {}),
      },
      at: now,
      after: { ...d, ...patch, status: to },
    });
    return commitTransition(tx, d, { ...patch, ...chain, status: to, updated_at: now }, (next) =>
      statusNotice(next, req.note ?? null),
    );
  });
  ctx.notified();
  return updated;
}

/** The column changes a transition implies; throws 400 when the request lacks what it needs. */
function effects(d: DossierRow, req: TransitionRequest, now: Date): Partial<DossierRow> {
  const to = req.to;
  const needNote = (why: string) => {
    if (!req.note) throw invalid({ note: why });
  };
  switch (to) {
    case 'DUOC_TIEP_NHAN':
      return { received_at: now, appointment_date: appointmentFrom(now, d.processing_days) };
    case 'KHONG_DUOC_TIEP_NHAN':
      needNote('Vui lòng ghi rõ lý do không tiếp nhận hồ sơ.');
      return { completed_at: now };
    case 'YEU_CAU_BO_SUNG':
      if (!req.missingDocuments || req.missingDocuments.length === 0) {
        throw invalid({ missingDocuments: 'Vui lòng liệt kê các giấy tờ công dân cần bổ sung.' });
      }
      // The clock stops while the resident gathers documents; a new date is set on receipt.
      return { missing_documents: req.missingDocuments, appointment_date: null };
    case 'MOI_DANG_KY':
    case 'DANG_XU_LY':
      return d.status === 'YEU_CAU_BO_SUNG' ? supplementEffects(d, to, now) : {};
    case 'YEU_CAU_THUC_HIEN_NVTC':
      return req.feeAmountVnd !== undefined ? { fee_amount_vnd: req.feeAmountVnd } : {};
    case 'DA_XU_LY_XONG':
      return {};
    case 'DA_TRA_KET_QUA':
      return {
        completed_at: now,
        ...(req.resultDelivery ? { result_delivery: req.resultDelivery } : {}),
      };
    case 'CONG_DAN_YEU_CAU_RUT':
      return { completed_at: now };
    case 'DUNG_XU_LY':
      needNote('Vui lòng ghi rõ lý do dừng xử lý hồ sơ.');
      return { completed_at: now };
  }
}

/** Leaving YEU_CAU_BO_SUNG: back to where the dossier was, with a new appointment date. */
function supplementEffects(d: DossierRow, to: DossierStatus, now: Date): Partial<DossierRow> {
  const expected: DossierStatus = d.received_at ? 'DANG_XU_LY' : 'MOI_DANG_KY';
  if (to !== expected) {
    throw new HttpError(
      409,
      'TRANSITION_NOT_ALLOWED',
      `Sau khi bổ sung, hồ sơ ${d.received_at ? 'đã được tiếp nhận nên chuyển sang' : 'chưa được tiếp nhận nên trở về'} "${statusLabel(expected)}".`,
    );
  }
  return { missing_documents: [], appointment_date: appointmentFrom(now, d.processing_days) };
}

/**
 * Writes the dossier's new state (after its history entry was appended) and queues the resident's
 * notice in the same transaction; returns the row as it now is.
 */
async function commitTransition(
  tx: Queryable,
  d: DossierRow,
  change: Partial<DossierRow> & Pick<DossierRow, 'history_count' | 'updated_at'>,
  notice: (next: DossierRow) => string,
): Promise<DossierRow> {
  const next: DossierRow = { ...d, ...change, version: d.version + 1 };
  await updateDossier(tx, d.id, change);
  await notify(tx, next, change.history_count, notice(next), change.updated_at);
  return next;
}

async function notify(
  tx: Queryable,
  d: DossierRow,
  seq: number,
  body: string,
  now: Date,
): Promise<void> {
  await enqueueDossierNotices(tx, d, seq, body, now);
}

/**
 * A resident adds the documents an officer asked for. The dossier goes back to DANG_XU_LY (or
 * MOI_DANG_KY if it had not been received yet) with a new appointment date counted from today.
 */
export async function supplementDossier(
  ctx: DossierContext,
  actor: ResidentActor,
  reference: string,
  input: { note: string | null; files: readonly StoredFile[] },
): Promise<DossierRow> {
  let committed = false;
  try {
    if (input.files.length === 0 && !input.note) {
      throw invalid({ attachments: 'Vui lòng đính kèm giấy tờ bổ sung hoặc ghi chú.' });
    }
    const now = ctx.now();
    const updated = await ctx.store.db.transaction(async (tx) => {
      const d = await loadVisible(tx, actor, reference, { forUpdate: true });
      if (d.status !== 'YEU_CAU_BO_SUNG') {
        throw new HttpError(
          409,
          'NOT_AWAITING_SUPPLEMENT',
          'Hồ sơ này hiện không cần bổ sung giấy tờ.',
        );
      }
      const form = getForm(d.procedure_code);
      const known = new Set([...(form?.documents.map((doc) => doc.code) ?? []), 'bo_sung']);
      const unknown = input.files.find((f) => !known.has(f.documentCode));
      if (unknown) {
        throw invalid({
          [`documents.${unknown.documentCode}`]: `Giấy tờ "${unknown.documentCode}" không thuộc hồ sơ thủ tục này (dùng "bo_sung" cho giấy tờ khác).`,
        });
      }
      const to: DossierStatus = d.received_at ? 'DANG_XU_LY' : 'MOI_DANG_KY';
      const patch = supplementEffects(d, to, now);
      const chain = await appendHistory(tx, ctx.store.audit, d, {
        action: 'BO_SUNG_HO_SO',
        from: d.status,
        to,
        actor,
        note: input.note,
        details: {
          dvcqgStatus: DOSSIER_STATUSES[to].dvcqg,
          appointmentDate: patch.appointment_date,
          attachments: input.files.map((f) => ({
            id: f.id,
            documentCode: f.documentCode,
            sha256: f.sha256,
          })),
        },
        at: now,
        after: { ...d, ...patch, status: to },
      });
      await insertAttachments(tx, attachmentRows(input.files, d.id, chain.history_count, now));
      return commitTransition(
        tx,
        d,
        { ...patch, ...chain, status: to, updated_at: now },
        supplementNotice,
      );
    });
    committed = true;
    ctx.notified();
    return updated;
  } finally {
    if (!committed) await ctx.store.attachments.remove(input.files);
  }
}
