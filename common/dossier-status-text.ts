import type { PublicDossierStatus } from './dossier-contracts.js';

const DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}

/** Plain Vietnamese summary of a dossier's public status (no personal data is in the input). */
export function formatDossierStatus(status: PublicDossierStatus): string {
  const lines = [
    `Hồ sơ ${status.reference}: ${status.procedureName}`,
    `Tình trạng: ${status.statusLabel}`,
    `Ngày nộp: ${formatDate(status.submittedAt)}`,
  ];
  if (status.appointmentDate)
    lines.push(`Ngày hẹn trả kết quả: ${formatDate(status.appointmentDate)}`);
  lines.push(`Cập nhật lần cuối: ${formatDate(status.updatedAt)}`);
  return lines.join('\n');
}
