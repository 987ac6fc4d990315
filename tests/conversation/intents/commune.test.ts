import { describe, expect, it } from 'vitest';
import { commune } from '../../../conversation/intents/commune.js';
import { loadCommuneDirectory } from '../../../knowledge/index.js';
import { harness, procedure } from '../support.js';

describe('intent: commune', () => {
  const communes = loadCommuneDirectory();

  it('says which new unit an old commune joined, from the directory', async () => {
    const h = harness([], { communes });
    const reply = await commune.handle(h.turn('xã Hoằng Quỳ cũ giờ thuộc xã nào?'), h.ctx);
    const joined = communes.resolveFormer('xã Hoằng Quỳ')[0]!.successors[0]!;
    expect(reply?.text).toContain(joined.displayName);
    expect(reply?.text).toContain(joined.code);
    expect(joined.name).toBe('Hoằng Giang');
  });

  it('lists every new unit when an old one was split', async () => {
    const split = communes.allFormer().find((f) => f.split)!;
    const h = harness([], { communes });
    const reply = await commune.handle(h.turn(`${split.displayName} cũ nay thuộc xã nào`), h.ctx);
    for (const s of split.successors) expect(reply?.text).toContain(s.code);
  });

  it('remembers the commune a resident names and uses it for the current procedure', async () => {
    const p = procedure('1.001193', 'Thủ tục đăng ký khai sinh');
    const h = harness([p], { communes });
    h.session().currentCode = p.code;
    const reply = await commune.handle(h.turn('tôi ở xã Hoằng Giang'), h.ctx);
    const home = communes.find('xã Hoằng Giang')[0]!;
    expect(h.session().communeCode).toBe(home.code);
    expect(reply?.text).toMatch(/ghi nhớ bạn ở xã Hoằng Giang/);
    expect(reply?.procedure?.code).toBe(p.code);
  });

  it('remembers the commune inside a procedure question and lets the question through', async () => {
    const h = harness([], { communes });
    const reply = await commune.handle(
      h.turn('nhà em ở phường Hạc Thành, làm giấy khai sinh cho con cần những gì ạ'),
      h.ctx,
    );
    expect(reply).toBeNull();
    expect(h.session().communeCode).toBe(communes.find('phường Hạc Thành')[0]!.code);
  });

  it('does not take "cư trú" or "chung cư" after a commune for "cũ"', async () => {
    const h = harness([], { communes });
    for (const q of [
      'tôi ở xã Hoằng Quỳ muốn đăng ký cư trú cho con thì làm thế nào',
      'nhà em ở phường Hạc Thành mới mua căn hộ chung cư, làm sổ hồng ở đâu',
    ]) {
      expect(await commune.handle(h.turn(q), h.ctx)).toBeNull();
    }
  });

  it('never answers a letter with the merger instead of its procedure', async () => {
    const h = harness([], { communes });
    const letter =
      'Gia đình tôi quê ở xã Hoằng Quỳ cũ, huyện Hoằng Hóa. Năm 2015 hai vợ chồng ra thành phố làm ăn, thuê trọ mấy năm rồi mua được căn hộ ở phường Hạc Thành, đã có giấy chứng nhận. Cả nhà đã dọn về ở được hai tháng. Nay tôi muốn đăng ký thường trú cho cả gia đình vào căn hộ mới thì cần giấy tờ gì?';
    expect(await commune.handle(h.turn(letter), h.ctx)).toBeNull();
  });

  it('leaves other questions alone', async () => {
    const h = harness([], { communes });
    expect(await commune.handle(h.turn('đăng ký kết hôn cần giấy tờ gì'), h.ctx)).toBeNull();
  });
});
