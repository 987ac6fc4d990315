import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  BUNDLED_CATALOGUE_DIR,
  PROCEDURES_FILE,
} from '../../../knowledge/catalogue/load-catalogue.js';
import { openRetriever } from '../../../knowledge/retrieval/open-retriever.js';
import { LOCAL_EMBEDDINGS } from './support.js';

/**
 * Everyday phrasings (dialect, texting, no diacritics, situations instead of names) and the
 * procedure a desk officer would pick. Written while probing the retriever, NOT taken from any
 * evaluation set; a regression guard for the lexicon and the weighting rules.
 */
const CASES: Array<[question: string, acceptable: string[]]> = [
  ['ông tui mất rồi, làm răng để cắt khẩu cho ông', ['1.003197']],
  ['con tui mới đẻ ở trạm xá, giờ làm giấy tờ chi cho hắn', ['1.001193']],
  ['đk ks cho con ntn', ['1.001193']],
  ['xin bản sao gks', ['2.000635']],
  ['dang ky tam vang cho con di xuat khau lao dong', ['1.003677']],
  ['lam lai so ho khau bi mat', ['1.010041']],
  ['sua thong tin sai tren vneid', ['1.012564']],
  ['bố mẹ muốn cho con trai mảnh đất thì làm giấy tờ răng', ['1.013831', '1.115538']],
  ['giấy tờ đất bị cháy trong vụ cháy nhà, xin cấp lại thế nào', ['1.012786', '1.115493']],
  ['mấy đứa con muốn chia đất của bố mẹ đã mất', ['2.001406']],
  ['quán nhậu của tôi muốn đóng cửa hẳn', ['1.001266']],
  ['doi ten ho kinh doanh', ['2.000720']],
  ['the bhyt het han gia han o dau', ['1.001939']],
  ['xin chữ ký xã xác nhận đơn xin việc', ['2.000884', '1.001590']],
  ['hồ sơ xin trợ cấp cho người tâm thần', ['1.001776']],
  ['tro cap cho nguoi mu', ['1.001776']],
  ['vừa xuất ngũ về địa phương thì phải đăng ký gì', ['1.013135']],
  ['tui già rồi đi không nổi, muốn cho đứa con gái đi lĩnh lương hưu thay', ['1.001601']],
  ['vợ tôi vừa sinh, tôi đi làm có đóng bảo hiểm thì có được nghỉ không', ['1.014168', '2.000693']],
  ['nha e lam an kha len roi muon ra khoi ho ngheo', ['1.011608', '1.011606']],
  ['kich hoat dinh danh dien tu muc 2', ['3.000228', '1.012569']],
  ['sửa năm sinh trong giấy khai sinh', ['1.004859']],
  ['diện tích đất tối thiểu để tách thửa là bao nhiêu', ['1.115490', '1.012784']],
  ['xác nhận số căn cước cũ và mới', ['1.012566']],
  ['trẻ em mồ côi mẹ, bố đi tù thì có được trợ cấp không', ['1.001776']],
];

const ready = existsSync(path.join(BUNDLED_CATALOGUE_DIR, PROCEDURES_FILE));

describe.skipIf(!ready)('resident phrasings over the full catalogue', () => {
  it('finds the procedure a desk officer would pick, first', { timeout: 60_000 }, async () => {
    const { retriever } = await openRetriever({
      indexDir: inject('indexDir'),
      embeddings: LOCAL_EMBEDDINGS,
    });
    const wrong: string[] = [];
    for (const [question, acceptable] of CASES) {
      const { hits, answered } = await retriever.search(question);
      if (!answered || !acceptable.includes(hits[0]?.code ?? ''))
        wrong.push(`${question} → ${hits[0]?.code ?? 'nothing'}${answered ? '' : ' (declined)'}`);
    }
    expect(wrong).toEqual([]);
  });
});
