/**
 * @module
 * Vietnamese texts sent to residents when their dossier changes, and the receipt and apology letter.
 * Plain text (channels escape it); no CCCD or phone number ever appears in a notice.
 */
import { RESULT_DELIVERY_LABELS, statusLabel } from '../../common/dossier-schema.js';
import type { DossierRow } from '../store/dossier-repository.js';
import type { DeskLabel } from './desk.js';
import { formatVietnameseDate } from './working-days.js';

type Notice = Pick<
  DossierRow,
  | 'reference'
  | 'procedure_name'
  | 'status'
  | 'appointment_date'
  | 'missing_documents'
  | 'result_delivery'
  | 'fee_amount_vnd'
>;

const date = (iso: string | null) => (iso ? formatVietnameseDate(iso) : 'chưa xác định');

function head(d: Notice): string {
  return `Hồ sơ ${d.reference} (${d.procedure_name})`;
}

/** Receipt shown right after submission and sent as the first notice; names the commune's desk. */
export function receiptText(d: Notice, desk: DeskLabel): string {
  return [
    `${head(d)} đã được gửi đến ${desk.name}.`,
    ...(desk.address ? [`Địa điểm: ${desk.address}.`.replace(/\.\.$/, '.')] : []),
    `Ngày hẹn trả kết quả dự kiến: ${date(d.appointment_date)} (chính thức khi cán bộ tiếp nhận hồ sơ).`,
    `Hình thức nhận kết quả: ${RESULT_DELIVERY_LABELS[d.result_delivery]}.`,
    `Vui lòng ghi lại mã hồ sơ ${d.reference} để tra cứu.`,
  ].join('\n');
}

/** Notice for a status change; `note` is the officer's reason or comment, if any. */
export function statusNotice(d: Notice, note: string | null): string {
  const reason = note ? `\nLý do/ghi chú: ${note}` : '';
  switch (d.status) {
    case 'DUOC_TIEP_NHAN':
      return `${head(d)} đã được tiếp nhận. Ngày hẹn trả kết quả: ${date(d.appointment_date)}.`;
    case 'KHONG_DUOC_TIEP_NHAN':
      return `${head(d)} không được tiếp nhận.${reason}`;
    case 'DANG_XU_LY':
      return `${head(d)} đang được xử lý. Ngày hẹn trả kết quả: ${date(d.appointment_date)}.`;
    case 'YEU_CAU_BO_SUNG':
      return (
        [
          `${head(d)} cần bổ sung giấy tờ:`,
          ...d.missing_documents.map((m) => `- ${m}`),
          'Vui lòng bổ sung trên Mini App (mục Hồ sơ của tôi) hoặc tại Bộ phận Một cửa. Ngày hẹn trả mới sẽ được tính từ khi nhận đủ giấy tờ.',
        ].join('\n') + reason
      );
    case 'YEU_CAU_THUC_HIEN_NVTC': {
      const fee =
        d.fee_amount_vnd !== null
          ? ` Số tiền: ${d.fee_amount_vnd.toLocaleString('vi-VN')} đồng.`
          : '';
      return `${head(d)}: vui lòng thực hiện nghĩa vụ tài chính (nộp phí, lệ phí).${fee}${reason}`;
    }
    case 'DA_XU_LY_XONG':
      return `${head(d)} đã xử lý xong. ${
        d.result_delivery === 'buu_chinh'
          ? 'Kết quả sẽ được gửi qua dịch vụ bưu chính công ích.'
          : 'Mời ông/bà đến Bộ phận Một cửa để nhận kết quả, nhớ mang theo giấy tờ tùy thân.'
      }`;
    case 'DA_TRA_KET_QUA':
      return `${head(d)} đã trả kết quả (${RESULT_DELIVERY_LABELS[d.result_delivery].toLocaleLowerCase('vi')}). Cảm ơn ông/bà đã sử dụng dịch vụ.`;
    case 'CONG_DAN_YEU_CAU_RUT':
      return `${head(d)} đã được rút theo yêu cầu của ông/bà.`;
    case 'DUNG_XU_LY':
      return `${head(d)} đã dừng xử lý.${reason}`;
    case 'MOI_DANG_KY':
      return `${head(d)} đã nhận đủ giấy tờ bổ sung và đang chờ tiếp nhận.`;
  }
}

/** Confirmation that supplementary documents arrived. */
export function supplementNotice(d: Notice): string {
  return `${head(d)}: đã nhận giấy tờ bổ sung. Trạng thái: ${statusLabel(d.status)}. Ngày hẹn trả kết quả mới: ${date(d.appointment_date)}.`;
}

/**
 * "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Nghị định 118/2025/NĐ-CP): the desk apologises for the
 * missed date, gives the reason and a new date.
 */
export function apologyLetter(
  d: Pick<DossierRow, 'reference' | 'procedure_name' | 'applicant_name'>,
  a: { deskName: string; originalDate: string; newDate: string; reason: string | null },
): string {
  return [
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    `${a.deskName} xin lỗi ông/bà ${d.applicant_name} vì hồ sơ ${d.reference} (${d.procedure_name}) chưa được giải quyết đúng hẹn ngày ${formatVietnameseDate(a.originalDate)}.`,
    `Lý do: ${a.reason ?? 'hồ sơ cần thêm thời gian xem xét, xác minh.'}`,
    `Chúng tôi hẹn trả kết quả vào ngày ${formatVietnameseDate(a.newDate)}.`,
    'Mong ông/bà thông cảm.',
  ].join('\n');
}
