/**
 * @module
 * Late dossiers (Nghị định 118/2025/NĐ-CP): a scheduled check finds open dossiers past their
 * appointment date and drafts a "Phiếu xin lỗi và hẹn lại ngày trả kết quả" with a proposed new date.
 * An officer of the commune confirms it (optionally changing the date and giving the reason); only then
 * is the new date set and the letter sent to the resident.
 */
import type { z } from 'zod';
import type { ConfirmApologySchema } from '../../common/dossier-schema.js';
import { todayInVietnam } from '../../common/vietnam-id.js';
import { HttpError, invalid, notFound } from '../errors.js';
import {
  findApology,
  findLateDossiers,
  insertApology,
  markApologyConfirmed,
  type ApologyRow,
} from '../store/apology-repository.js';
import { findDossierById, updateDossier, type DossierRow } from '../store/dossier-repository.js';
import { enqueueDossierNotices } from '../store/outbox-repository.js';
import type { DossierContext, OfficerActor } from './context.js';
import { appendHistory } from './history.js';
import { apologyLetter } from './messages.js';
import { deskOf } from './desk.js';
import { CLOCK_RUNNING, isFinal } from './status.js';
import { addWorkingDays, isWorkingDay } from './working-days.js';

/** Extra working days proposed when the procedure states no processing time. */
const DEFAULT_EXTENSION_DAYS = 3;

/** Drafts apologies for every newly late dossier. Returns how many were created. */
export async function runLateCheck(ctx: DossierContext): Promise<number> {
  const now = ctx.now();
  const today = todayInVietnam(now);
  let created = 0;
  for (;;) {
    const late = await findLateDossiers(ctx.store.db, today, CLOCK_RUNNING, 200);
    if (late.length === 0) return created;
    for (const candidate of late) {
      const made = await ctx.store.db.transaction(async (tx) => {
        const d = await findDossierById(tx, candidate.id, { forUpdate: true });
        // Re-check under the lock: the dossier may have moved on since the scan.
        if (
          !d ||
          !CLOCK_RUNNING.includes(d.status) ||
          d.appointment_date !== candidate.appointment_date
        ) {
          return false;
        }
        const extension = Math.max(1, d.processing_days ?? DEFAULT_EXTENSION_DAYS);
        const proposed = addWorkingDays(today, extension);
        return insertApology(tx, {
          dossierId: d.id,
          communeCode: d.commune_code,
          originalDate: candidate.appointment_date,
          proposedDate: proposed,
          letter: apologyLetter(d, {
            deskName: deskOf(ctx, d.commune_code).name,
            originalDate: candidate.appointment_date,
            newDate: proposed,
            reason: null,
          }),
          at: now,
        });
      });
      if (made) created++;
    }
    // Every candidate either got its apology or left the late set, so the next scan moves on.
    if (late.length < 200) return created;
  }
}

/** Confirms a pending apology: sets the new appointment date and notifies the resident. */
export async function confirmApology(
  ctx: DossierContext,
  actor: OfficerActor,
  apologyId: string,
  req: z.infer<typeof ConfirmApologySchema>,
): Promise<{ apology: ApologyRow & { reference: string }; dossier: DossierRow }> {
  const now = ctx.now();
  const today = todayInVietnam(now);
  const result = await ctx.store.db.transaction(async (tx) => {
    const apology = await findApology(tx, apologyId, { forUpdate: true });
    if (!apology || apology.commune_code !== actor.communeCode)
      throw notFound('Không tìm thấy phiếu xin lỗi.');
    if (apology.state !== 'pending') {
      throw new HttpError(
        409,
        'APOLOGY_ALREADY_CONFIRMED',
        'Phiếu xin lỗi này đã được xác nhận trước đó.',
      );
    }
    const d = await findDossierById(tx, apology.dossier_id, { forUpdate: true });
    if (!d) throw notFound();
    if (isFinal(d.status)) {
      throw new HttpError(
        409,
        'DOSSIER_CLOSED',
        'Hồ sơ đã kết thúc nên không cần hẹn lại ngày trả kết quả.',
      );
    }
    const newDate = req.newAppointmentDate ?? apology.proposed_date;
    if (newDate <= today || !isWorkingDay(newDate)) {
      throw invalid({ newAppointmentDate: 'Ngày hẹn mới phải là một ngày làm việc sau hôm nay.' });
    }
    const letter = apologyLetter(d, {
      deskName: deskOf(ctx, d.commune_code).name,
      originalDate: apology.original_date,
      newDate,
      reason: req.reason ?? null,
    });
    const chain = await appendHistory(tx, ctx.store.audit, d, {
      action: 'XIN_LOI_HEN_LAI',
      from: d.status,
      to: d.status,
      actor,
      note: req.reason ?? null,
      details: {
        apologyId: apology.id,
        originalDate: apology.original_date,
        appointmentDate: newDate,
      },
      at: now,
      after: { ...d, appointment_date: newDate },
    });
    await updateDossier(tx, d.id, { appointment_date: newDate, updated_at: now, ...chain });
    await markApologyConfirmed(tx, apology.id, {
      finalDate: newDate,
      letter,
      by: actor.username,
      at: now,
    });
    await enqueueDossierNotices(tx, d, chain.history_count, letter, now);
    return {
      apology: {
        ...apology,
        state: 'confirmed' as const,
        proposed_date: newDate,
        letter,
        confirmed_by: actor.username,
        confirmed_at: now,
        reference: d.reference,
      },
      dossier: {
        ...d,
        ...chain,
        appointment_date: newDate,
        updated_at: now,
        version: d.version + 1,
      },
    };
  });
  ctx.notified();
  return result;
}
