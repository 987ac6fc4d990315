/**
 * Deterministic data for dossier API tests, the crash test and the benchmark: a tiny procedure lookup
 * (a few codes with processing times, not the full catalogue), valid form answers, and small files of
 * each accepted type plus a disguised executable.
 */
import type { SubmitDossierInput } from '../../common/dossier-schema.js';
import { staticProcedureLookup, type ProcedureFacts } from '../../api/procedure-lookup.js';

export const TEST_PROCEDURES: readonly ProcedureFacts[] = [
  { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', processingWorkingDays: 1 },
  { code: '1.000894', name: 'Thủ tục đăng ký kết hôn', processingWorkingDays: 1 },
  {
    code: '1.004873',
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    processingWorkingDays: 3,
  },
  {
    code: '1.004222',
    name: 'Đăng ký thường trú',
    processingWorkingDays: 7,
    agency: 'Công an cấp Xã',
  },
  {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    processingWorkingDays: null,
  },
  {
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    processingWorkingDays: 3,
    agency: 'Công an cấp Xã',
  },
  {
    code: '1.003197',
    name: 'Xóa đăng ký thường trú',
    processingWorkingDays: 5,
    agency: 'Công an cấp Xã',
  },
  { code: '1.000656', name: 'Thủ tục đăng ký khai tử', processingWorkingDays: null },
  {
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    processingWorkingDays: null,
  },
  // In the catalogue but without an online form.
  { code: '1.005461', name: 'Đăng ký lại khai tử', processingWorkingDays: null },
];

export const testProcedureLookup = staticProcedureLookup(TEST_PROCEDURES);

/** A minimal but well-formed PDF. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a JPEG (SOI + JFIF APP0), enough for content sniffing. */
export const JPEG_BYTES = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  Buffer.alloc(64, 0x20),
  Buffer.from([0xff, 0xd9]),
]);
/** A Windows executable header: what an ".exe renamed .pdf" starts with. */
export const EXE_BYTES = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.alloc(120, 0),
]);

/**
 * Commune codes used by the tests: real codes of the commune directory (knowledge/communes/data),
 * since submissions and officer accounts accept no other. 15124 is Xã Minh Sơn, 15127 Xã Cẩm Thủy.
 */
export const COMMUNE_X = '15124';
export const COMMUNE_Y = '15127';

/** Valid answers to the birth registration form (requester: male, born 1990, CCCD of Thanh Hóa). */
export function khaiSinhFormData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requesterName: 'Lê Văn An',
    requesterDateOfBirth: '1990-05-12',
    requesterSex: 'Nam',
    requesterIdType: 'Thẻ căn cước',
    requesterCccd: '038090012345',
    requesterAddress: 'Thôn 3, xã Minh Sơn, tỉnh Thanh Hóa',
    relationToChild: 'Cha',
    childName: 'Lê Minh Khang',
    childDateOfBirth: '2025-10-01',
    childDateOfBirthInWords: 'Ngày một tháng mười năm hai nghìn không trăm hai mươi lăm',
    childSex: 'Nam',
    childEthnicity: 'Kinh',
    childNationality: 'Việt Nam',
    childPlaceOfBirth: 'Bệnh viện Đa khoa tỉnh Thanh Hóa',
    childHometown: 'Thanh Hóa',
    fatherName: 'Lê Văn An',
    fatherDateOfBirth: '1990-05-12',
    fatherCccd: '038090012345',
    motherName: 'Nguyễn Thị Bình',
    motherDateOfBirth: '1992-08-20',
    motherCccd: '038192054321',
    wantsCopies: 'Có',
    copyCount: 2,
    ...overrides,
  };
}

/** A complete birth-registration submission (JSON form, no attachments yet). */
export function khaiSinhPayload(overrides: Partial<SubmitDossierInput> = {}): SubmitDossierInput {
  return {
    procedureCode: '1.001193',
    communeCode: COMMUNE_X,
    applicant: { fullName: 'Lê Văn An', phone: '0912345678' },
    formData: khaiSinhFormData(),
    resultDelivery: 'tai_quay',
    // A chat must be proved (linked) before notices go there: see Harness.linkChat.
    notify: { channel: 'none' },
    ...overrides,
  };
}

/** The birth certificate scan, inline (base64) for JSON submissions. */
export function inlineBirthCertificate(
  bytes: Buffer = PDF_BYTES,
  fileName = 'giay-chung-sinh.pdf',
) {
  return { documentCode: 'giay_chung_sinh', fileName, contentBase64: bytes.toString('base64') };
}
