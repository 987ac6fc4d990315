import { describe, expect, it } from 'vitest';
import { createAnswerer, type RetrieverLike } from '../../../knowledge/answer/answerer.js';
import { Catalogue } from '../../../knowledge/catalogue/catalogue.js';
import { procedure } from '../../conversation/support.js';

const records = [
  procedure('1', 'Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ trần'),
  procedure('2', 'Xét truy tặng danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam anh hùng”'),
  procedure('3', 'Giải quyết chế độ ưu đãi đối với trường hợp tặng hoặc truy tặng danh hiệu'),
  procedure('4', 'Đăng ký khai tử'),
];
const catalogue = new Catalogue({
  meta: { schemaVersion: 1, snapshotDate: '2026-07-20', count: records.length, sha256: '' },
  procedures: records,
});
const hits = records.map((p, i) => ({ code: p.code, name: p.name, score: 0.8 - i * 0.01 }));

function answerer(result: Awaited<ReturnType<RetrieverLike['search']>>) {
  return createAnswerer({
    catalogue,
    retriever: { search: () => Promise.resolve(result) },
    desk: { name: 'Bộ phận Một cửa' },
  });
}

describe('finding the procedure for a question', () => {
  it('offers the retriever’s three choices when it is unsure, however far apart the scores', async () => {
    const outcome = await answerer({
      answered: true,
      confidence: 0.9,
      hits,
      unsure: true,
      choices: [hits[0]!, hits[1]!, hits[3]!],
    }).find('Mẹ tôi là Bà mẹ Việt Nam anh hùng, vừa mất. Gia đình có được hỗ trợ gì không?');
    expect(outcome.kind).toBe('ambiguous');
    if (outcome.kind === 'ambiguous')
      expect(outcome.options.map((p) => p.code)).toEqual(['1', '2', '4']);
  });

  it('answers the first hit when the retriever is sure, even with close scores', async () => {
    const outcome = await answerer({ answered: true, confidence: 0.9, hits, unsure: false }).find(
      'người có công từ trần',
    );
    expect(outcome.kind).toBe('found');
    if (outcome.kind === 'found') expect(outcome.procedure.code).toBe('1');
  });
});

describe('answering the part of a letter that asks', () => {
  const ask = answerer({ answered: true, confidence: 0.9, hits });

  it('does not take the story of a letter for what it asks ("mất tại nhà" is not "làm tại nhà")', async () => {
    const letter =
      'Ông tôi mới mất tuần trước tại nhà, bà tôi nằm liệt giường nên không lên xã được. Gia đình muốn làm giấy chứng tử cho ông. Xin hỏi thủ tục thế nào?';
    const plain = await ask.explain(records[3]!, { question: 'Xin hỏi thủ tục thế nào?' });
    const online = await ask.explain(records[3]!, { question: 'làm tại nhà được không?' });
    expect(plain.text).not.toBe(online.text);
    expect((await ask.explain(records[3]!, { question: letter })).text).toBe(plain.text);
  });

  it('still answers what the request sentence asks', async () => {
    const letter =
      'Ông tôi mới mất tuần trước tại nhà, bà tôi nằm liệt giường nên không lên xã được. Gia đình muốn làm giấy chứng tử cho ông. Xin hỏi làm online được không?';
    const online = await ask.explain(records[3]!, { question: 'làm online được không?' });
    expect((await ask.explain(records[3]!, { question: letter })).text).toBe(online.text);
  });
});
