import { z } from 'zod';

/* Shape of one Ministry of Defence export record (bqp-nhdandz/data/**). Strict: unknown fields are reported. */

export const BqpRecord = z.strictObject({
  thu_tuc_id: z.string(),
  source_file: z.string(),
  metadata: z.strictObject({
    mã_thủ_tục: z.string(),
    tên_thủ_tục: z.string(),
    số_quyết_định: z.string(),
    cấp_thực_hiện: z.string(),
    loại_thủ_tục: z.string(),
    lĩnh_vực: z.string(),
  }),
  content: z.strictObject({
    trình_tự_thực_hiện: z.string(),
    cách_thức_thực_hiện: z.string(),
    đối_tượng_thực_hiện: z.string(),
    cơ_quan_thực_hiện: z.string(),
    cơ_quan_có_thẩm_quyền: z.string(),
    cơ_quan_được_ủy_quyền: z.string(),
    cơ_quan_phối_hợp: z.string(),
    địa_chỉ_tiếp_nhận_hs: z.string(),
    kết_quả_thực_hiện: z.string(),
    yêu_cầu_điều_kiện_thực_hiện: z.string(),
    từ_khóa: z.string(),
    mô_tả: z.string(),
  }),
  tables: z.strictObject({
    hinh_thuc_nop: z.array(
      z.strictObject({
        hinh_thuc: z.string(),
        thoi_han_giai_quyet: z.string(),
        phi_le_phi: z.string(),
        mo_ta: z.string(),
      }),
    ),
    thanh_phan_ho_so: z.array(
      z.strictObject({ ten_giay_to: z.string(), so_luong: z.string(), ghi_chu: z.string() }),
    ),
    can_cu_phap_ly: z.array(
      z.strictObject({
        so_ky_hieu: z.string(),
        trich_yeu: z.string(),
        ngay_ban_hanh: z.string(),
        co_quan_ban_hanh: z.string().optional(),
      }),
    ),
  }),
});
export type Bqp = z.infer<typeof BqpRecord>;
