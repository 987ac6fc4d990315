/**
 * Valid answers to the residence and civil-status forms added after the first five (tạm trú, xóa đăng
 * ký thường trú, khai tử, bản sao trích lục), shared by the form tests and the API tests. CCCDs agree
 * with the birth dates and sexes (038 = Thanh Hóa). `stayUntil` is a year after the day the form is checked on.
 */

/** The ISO day `days` days after `day` (default: today in UTC). */
export function daysAfter(days: number, day = new Date().toISOString().slice(0, 10)): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Answers by procedure code; `today` (ISO) is the day the form is checked on. */
export const NEW_FORM_ANSWERS: Record<string, (today?: string) => Record<string, unknown>> = {
  '1.004194': (today) => ({
    fullName: 'Lê Văn An',
    dateOfBirth: '1990-05-12',
    sex: 'Nam',
    cccd: '038090012345',
    phone: '0912345678',
    householdHeadName: 'Trần Văn Bình',
    relationToHead: 'Khác',
    householdHeadCccd: '038070012345',
    newAddress: 'Số 12, thôn Đông, xã Minh Sơn, tỉnh Thanh Hóa',
    stayUntil: daysAfter(365, today),
    residenceKind: 'Chỗ ở hợp pháp do thuê, mượn, ở nhờ',
    headConsent: true,
    ownerConsent: true,
  }),
  '1.003197': () => ({
    fullName: 'Lê Văn An',
    dateOfBirth: '1990-05-12',
    sex: 'Nam',
    cccd: '038090012345',
    householdHeadName: 'Lê Văn Bốn',
    relationToHead: 'Con',
    householdHeadCccd: '038060012345',
    address: 'Thôn 3, xã Minh Sơn, tỉnh Thanh Hóa',
    removalCase: 'b) Ra nước ngoài để định cư',
  }),
  '1.000656': () => ({
    requesterName: 'Lê Văn An',
    requesterIdType: 'Thẻ căn cước',
    requesterCccd: '038090012345',
    requesterAddress: 'Thôn 3, xã Minh Sơn, tỉnh Thanh Hóa',
    relationToDeceased: 'Con',
    deceasedName: 'Lê Văn Bốn',
    deceasedDateOfBirth: '1960-02-03',
    deceasedSex: 'Nam',
    deceasedEthnicity: 'Kinh',
    deceasedNationality: 'Việt Nam',
    deceasedCccd: '038060012345',
    deceasedLastAddress: 'Thôn 3, xã Minh Sơn, tỉnh Thanh Hóa',
    deathTime: '14:30',
    deathDate: '2026-05-01',
    deathPlace: 'Bệnh viện Đa khoa tỉnh Thanh Hóa',
    deathCause: 'Bệnh',
    deathNoticeNumber: '125/GBT',
    deathNoticeIssuer: 'Bệnh viện Đa khoa tỉnh Thanh Hóa',
    deathNoticeDate: '2026-05-01',
    wantsCopies: 'Có',
    copyCount: 2,
  }),
  '2.000635': () => ({
    requesterName: 'Lê Văn An',
    requesterIdType: 'Thẻ căn cước',
    requesterCccd: '038090012345',
    requesterAddress: 'Thôn 3, xã Minh Sơn, tỉnh Thanh Hóa',
    relationToSubject: 'Bản thân',
    eventKind: 'Khai sinh',
    subjectName: 'Lê Văn An',
    subjectDateOfBirth: '1990-05-12',
    subjectSex: 'Nam',
    subjectCccd: '038090012345',
    registrationPlace: 'UBND xã Minh Sơn, huyện Ngọc Lặc, tỉnh Thanh Hóa',
    registrationDate: '1990-06-01',
    copyCount: 2,
  }),
};
