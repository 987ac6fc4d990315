import { describe, expect, it } from 'vitest';
import { sameProcedure } from '../../../knowledge/catalogue/copies.js';

const national = (name: string, field = 'Đất đai') => ({
  name,
  scope: 'national',
  province: null,
  field,
});
const thanhHoa = (name: string, field = 'Đất đai') => ({
  name,
  scope: 'provincial',
  province: 'UBND tỉnh Thanh Hóa',
  field,
});

describe('copies of one procedure', () => {
  it('are the same name under another level or with "Thủ tục" in front', () => {
    expect(
      sameProcedure(
        national('Thủ tục đăng ký khai sinh'),
        thanhHoa('Đăng ký khai sinh (cấp xã)', 'Hộ tịch'),
      ),
    ).toBe(true);
  });

  it('include Thanh Hóa’s lightly renamed copy of a national record', () => {
    expect(
      sameProcedure(
        national(
          'Đăng ký biến động quyền sử dụng đất trong các trường hợp chuyển đổi quyền sử dụng đất nông nghiệp mà không theo phương án dồn điền, đổi thửa; chuyển nhượng, thừa kế, tặng cho quyền sử dụng đất',
        ),
        thanhHoa(
          'Thủ tục: Đăng ký biến động quyền sử dụng đất trong các trường hợp chuyển đổi quyền sử dụng đất nông nghiệp; chuyển nhượng, thừa kế, tặng cho quyền sử dụng đất',
        ),
      ),
    ).toBe(true);
  });

  it('keep a variant apart, and two national records with close names apart', () => {
    expect(
      sameProcedure(
        national('Đăng ký kết hôn', 'Hộ tịch'),
        thanhHoa('Đăng ký kết hôn có yếu tố nước ngoài', 'Hộ tịch'),
      ),
    ).toBe(false);
    expect(
      sameProcedure(
        national('Cấp giấy xác nhận thông tin về nơi liệt sĩ hy sinh'),
        national('Cấp giấy xác nhận thông tin về nơi liệt sĩ hy sinh theo hồ sơ'),
      ),
    ).toBe(false);
  });
});
