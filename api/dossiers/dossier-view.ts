/**
 * @module
 * Rows → the JSON the API returns. Residents see their own data and a timeline; officers also see who
 * acted. The public status view carries no personal data at all.
 */
import type { PublicDossierStatus } from '../../common/dossier-contracts.js';
import {
  DOSSIER_STATUSES,
  RESULT_DELIVERY_LABELS,
  statusLabel,
  type AttachmentView,
  type DossierView,
} from '../../common/dossier-schema.js';
import type { AttachmentRow, DossierRow, HistoryRow } from '../store/dossier-repository.js';
import type { Actor } from './context.js';
import type { DeskLabel } from './desk.js';
import { receiptText } from './messages.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function attachmentView(a: AttachmentRow): AttachmentView {
  return {
    id: a.id,
    documentCode: a.document_code,
    fileName: a.file_name,
    contentType: a.content_type,
    sizeBytes: a.size_bytes,
    sha256: a.sha256,
    uploadedAt: a.uploaded_at.toISOString(),
  };
}

function actorLabel(h: HistoryRow, viewer: Actor): string {
  if (h.actor_kind === 'resident') return 'Công dân';
  if (h.actor_kind === 'system') return 'Hệ thống';
  // The officer's full name as written into the entry when they acted; residents never see usernames.
  const fullName = typeof h.details.officerName === 'string' ? h.details.officerName : null;
  if (viewer.role === 'resident') return fullName ? `Cán bộ ${fullName}` : 'Cán bộ một cửa';
  return `Cán bộ ${fullName ?? h.actor_name ?? ''}`.trim();
}

/** What identifies a dossier in every officer/resident view: reference, procedure, commune, status. */
function headline(d: DossierRow) {
  return {
    reference: d.reference,
    procedure: { code: d.procedure_code, name: d.procedure_name },
    communeCode: d.commune_code,
    status: d.status,
    statusLabel: statusLabel(d.status),
    /** Filed from a trial sign-in (mini-app outside Zalo, development servers only). */
    trial: d.resident_id.startsWith('trial:'),
  };
}

export function dossierView(
  d: DossierRow,
  attachments: readonly AttachmentRow[],
  history: readonly HistoryRow[],
  viewer: Actor,
): DossierView {
  return {
    ...headline(d),
    dvcqgStatus: DOSSIER_STATUSES[d.status].dvcqg,
    submittedAt: d.submitted_at.toISOString(),
    receivedAt: iso(d.received_at),
    appointmentDate: d.appointment_date,
    completedAt: iso(d.completed_at),
    resultDelivery: d.result_delivery,
    deliveryAddress: d.delivery_address,
    missingDocuments: d.missing_documents,
    feeAmountVnd: d.fee_amount_vnd,
    applicant: { fullName: d.applicant_name, phone: d.applicant_phone, email: d.applicant_email },
    formData: d.form_data,
    notify: { channel: d.notify_channel, recipient: d.notify_recipient },
    attachments: attachments.map(attachmentView),
    history: history.map((h) => ({
      seq: h.seq,
      action: h.action,
      status: h.to_status,
      statusLabel: statusLabel(h.to_status),
      at: h.at.toISOString(),
      by: actorLabel(h, viewer),
      note: h.note,
    })),
    version: d.version,
  };
}

export function receiptView(d: DossierRow, desk: DeskLabel) {
  return {
    reference: d.reference,
    procedureName: d.procedure_name,
    submittedAt: d.submitted_at.toISOString(),
    appointmentDate: d.appointment_date,
    resultDelivery: RESULT_DELIVERY_LABELS[d.result_delivery],
    text: receiptText(d, desk),
  };
}

export function summaryView(d: DossierRow) {
  return {
    ...headline(d),
    submittedAt: d.submitted_at.toISOString(),
    appointmentDate: d.appointment_date,
    applicantName: d.applicant_name,
    updatedAt: d.updated_at.toISOString(),
  };
}

export function publicStatusView(d: DossierRow): PublicDossierStatus {
  return {
    reference: d.reference,
    procedureCode: d.procedure_code,
    procedureName: d.procedure_name,
    status: d.status,
    statusLabel: statusLabel(d.status),
    submittedAt: d.submitted_at.toISOString(),
    appointmentDate: d.appointment_date,
    updatedAt: d.updated_at.toISOString(),
  };
}
