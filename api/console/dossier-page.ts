/**
 * @module
 * What the officer's dossier page needs beyond the dossier itself: the moves this officer may make now,
 * the form's Vietnamese labels, the procedure's facts from the catalogue, the desk — and setting or
 * changing the appointment date with a reason (history entry + resident notice, one transaction).
 */
import { statusLabel, type DossierStatus } from '../../common/dossier-schema.js';
import { getForm } from '../../knowledge/forms/registry.js';
import type { DossierContext, OfficerActor } from '../dossiers/context.js';
import { appendHistory } from '../dossiers/history.js';
import { TRANSITIONS } from '../dossiers/status.js';
import { loadVisible } from '../dossiers/transition-dossier.js';
import { formatVietnameseDate } from '../dossiers/working-days.js';
import { HttpError, invalid } from '../errors.js';
import type { DossierRow } from '../store/dossier-repository.js';
import { updateDossier } from '../store/dossier-repository.js';
import { enqueueNotification } from '../store/outbox-repository.js';
import { DESKS, type Desk } from './desks.js';

/** A move the officer may make, with the button's label and what it needs. */
export interface AllowedMove {
  to: DossierStatus;
  label: string;
  needs: Array<'note' | 'missingDocuments' | 'resultDelivery' | 'feeAmountVnd'>;
}

const MOVE_LABELS: Partial<Record<DossierStatus, string>> = {
  DUOC_TIEP_NHAN: 'Tiếp nhận',
  KHONG_DUOC_TIEP_NHAN: 'Từ chối tiếp nhận',
  DANG_XU_LY: 'Bắt đầu xử lý',
  YEU_CAU_BO_SUNG: 'Yêu cầu bổ sung',
  YEU_CAU_THUC_HIEN_NVTC: 'Yêu cầu nộp phí, lệ phí',
  DA_XU_LY_XONG: 'Đã xử lý xong',
  DA_TRA_KET_QUA: 'Trả kết quả',
  DUNG_XU_LY: 'Dừng xử lý',
  MOI_DANG_KY: 'Nhận giấy tờ bổ sung tại quầy',
};

const NEEDS: Partial<Record<DossierStatus, AllowedMove['needs']>> = {
  KHONG_DUOC_TIEP_NHAN: ['note'],
  DUNG_XU_LY: ['note'],
  YEU_CAU_BO_SUNG: ['missingDocuments'],
  YEU_CAU_THUC_HIEN_NVTC: ['feeAmountVnd'],
  DA_TRA_KET_QUA: ['resultDelivery'],
};

/** The moves the transition table allows this officer from the dossier's status. */
export function allowedMoves(d: Pick<DossierRow, 'status' | 'received_at'>, actor: OfficerActor) {
  const moves: AllowedMove[] = [];
  for (const [to, roles] of Object.entries(TRANSITIONS[d.status]) as Array<
    [DossierStatus, readonly string[]]
  >) {
    if (!roles.includes(actor.role)) continue;
    if (d.status === 'YEU_CAU_BO_SUNG') {
      // Documents handed in at the desk: back to where the dossier was.
      const back: DossierStatus = d.received_at ? 'DANG_XU_LY' : 'MOI_DANG_KY';
      if (to !== back) continue;
    }
    moves.push({
      to,
      label:
        d.status === 'YEU_CAU_BO_SUNG'
          ? 'Nhận giấy tờ bổ sung tại quầy'
          : (MOVE_LABELS[to] ?? statusLabel(to)),
      needs: NEEDS[to] ?? [],
    });
  }
  return moves;
}

/** The form's sections with Vietnamese labels, for showing `formData`. */
export function formLabels(procedureCode: string) {
  const form = getForm(procedureCode);
  if (!form) return null;
  return {
    title: form.title,
    template: form.template,
    sections: form.sections.map((s) => ({
      title: s.title,
      fields: s.fields.map((f) => ({
        name: f.name,
        label: f.label,
        kind: f.kind,
        ...(f.columns ? { columns: f.columns.map((c) => ({ name: c.name, label: c.label })) } : {}),
      })),
    })),
    documents: form.documents.map((d) => ({ code: d.code, label: d.label })),
  };
}

export async function dossierPageExtras(ctx: DossierContext, d: DossierRow, actor: OfficerActor) {
  const facts = await ctx.catalogue(d.procedure_code);
  return {
    desk: { code: d.desk, name: DESKS[d.desk as Desk] ?? d.desk },
    allowedMoves: allowedMoves(d, actor),
    form: formLabels(d.procedure_code),
    procedure: {
      code: d.procedure_code,
      name: d.procedure_name,
      processingWorkingDays: d.processing_days,
      agency: facts?.agency ?? null,
      details: facts?.details ?? null,
    },
    /** Officers must give a date themselves when the catalogue time has no usable unit. */
    appointmentNeedsReason: d.processing_days === null,
  };
}

/**
 * Sets or changes the appointment date. A reason is required when the catalogue time has no unit (the
 * date is the officer's own) and whenever an existing date changes; it goes into the history and to
 * the resident.
 */
export async function setAppointment(
  ctx: DossierContext,
  actor: OfficerActor,
  reference: string,
  input: { date: string; reason?: string | undefined; expectedVersion?: number | undefined },
): Promise<DossierRow> {
  const now = ctx.now();
  const updated = await ctx.store.db.transaction(async (tx) => {
    const d = await loadVisible(tx, actor, reference, { forUpdate: true });
    if (input.expectedVersion !== undefined && input.expectedVersion !== d.version) {
      throw new HttpError(
        409,
        'VERSION_CONFLICT',
        'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại hồ sơ rồi thao tác lại.',
      );
    }
    if (
      !['MOI_DANG_KY', 'DUOC_TIEP_NHAN', 'DANG_XU_LY', 'YEU_CAU_THUC_HIEN_NVTC'].includes(d.status)
    ) {
      throw new HttpError(
        409,
        'APPOINTMENT_NOT_OPEN',
        `Hồ sơ đang ở trạng thái "${statusLabel(d.status)}" nên không đặt ngày hẹn trả.`,
      );
    }
    const reason = input.reason?.trim() || null;
    if (!reason && (d.processing_days === null || d.appointment_date !== null)) {
      throw invalid({
        reason:
          d.processing_days === null
            ? 'Thời hạn giải quyết của thủ tục này không ghi đơn vị: vui lòng ghi căn cứ/lý do của ngày hẹn.'
            : 'Vui lòng ghi lý do đổi ngày hẹn trả.',
      });
    }
    const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    if (input.date < today) throw invalid({ date: 'Ngày hẹn trả không được trước hôm nay.' });
    const chain = await appendHistory(tx, ctx.store.audit, d, {
      action: 'DAT_NGAY_HEN',
      from: d.status,
      to: d.status,
      actor,
      note: reason,
      details: { appointmentDate: input.date, previousAppointmentDate: d.appointment_date },
      at: now,
      after: { ...d, appointment_date: input.date },
    });
    const change = { appointment_date: input.date, ...chain, updated_at: now };
    await updateDossier(tx, d.id, change);
    const next: DossierRow = { ...d, ...change, version: d.version + 1 };
    if (next.notify_channel !== 'none' && next.notify_recipient) {
      await enqueueNotification(tx, {
        dossierId: d.id,
        historySeq: chain.history_count,
        channel: next.notify_channel,
        recipient: next.notify_recipient,
        body:
          `Hồ sơ ${d.reference} (${d.procedure_name}): ngày hẹn trả kết quả là ${formatVietnameseDate(input.date)}.` +
          (reason ? `\nLý do: ${reason}` : ''),
        at: now,
      });
    }
    return next;
  });
  if (updated.notify_channel !== 'none') ctx.notified();
  return updated;
}
