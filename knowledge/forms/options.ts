/**
 * @module
 * Option lists shared by the forms (Vietnamese values exactly as written on the official templates).
 */

export const SEX_OPTIONS = ['Nam', 'Nữ'] as const;

/** The 54 ethnic groups of Vietnam (Danh mục các dân tộc Việt Nam, Tổng cục Thống kê). */
export const ETHNIC_GROUPS = [
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Hoa',
  'Nùng',
  'Mông',
  'Dao',
  'Gia Rai',
  'Ngái',
  'Ê Đê',
  'Ba Na',
  'Xơ Đăng',
  'Sán Chay',
  'Cơ Ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Mnông',
  'Ra Glai',
  'Xtiêng',
  'Bru - Vân Kiều',
  'Thổ',
  'Giáy',
  'Cơ Tu',
  'Gié Triêng',
  'Mạ',
  'Khơ Mú',
  'Co',
  'Tà Ôi',
  'Chơ Ro',
  'Kháng',
  'Xinh Mun',
  'Hà Nhì',
  'Chu Ru',
  'Lào',
  'La Chí',
  'La Ha',
  'Phù Lá',
  'La Hủ',
  'Lự',
  'Lô Lô',
  'Chứt',
  'Mảng',
  'Pà Thẻn',
  'Cơ Lao',
  'Cống',
  'Bố Y',
  'Si La',
  'Pu Péo',
  'Brâu',
  'Ơ Đu',
  'Rơ Măm',
] as const;

/** Identity documents accepted on civil-status forms (Thông tư 04/2024/TT-BTP). */
export const IDENTITY_DOCUMENTS = [
  'Thẻ căn cước',
  'Thẻ căn cước công dân',
  'Căn cước điện tử',
  'Giấy chứng nhận căn cước',
  'Hộ chiếu',
] as const;

/** Who may request a birth registration (relation to the child). */
export const BIRTH_REQUESTER_RELATIONS = [
  'Cha',
  'Mẹ',
  'Ông',
  'Bà',
  'Người thân thích khác',
  'Người được ủy quyền',
  'Cơ sở trợ giúp xã hội đang nuôi dưỡng',
] as const;

export const HOUSEHOLD_RELATIONS = [
  'Chủ hộ',
  'Vợ',
  'Chồng',
  'Con',
  'Cha',
  'Mẹ',
  'Ông',
  'Bà',
  'Cháu',
  'Anh',
  'Chị',
  'Em',
  'Khác',
] as const;

export const MARITAL_STATUSES = [
  'Chưa đăng ký kết hôn với ai',
  'Đang có vợ/chồng',
  'Đã đăng ký kết hôn nhưng đã ly hôn',
  'Đã đăng ký kết hôn nhưng vợ/chồng đã chết',
] as const;

export const YES_NO = ['Có', 'Không'] as const;
