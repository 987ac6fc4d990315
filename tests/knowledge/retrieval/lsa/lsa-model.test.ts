import { describe, expect, it } from 'vitest';
import { LsaModel } from '../../../../knowledge/retrieval/lsa/lsa-model.js';

const TEXTS = [
  'Đăng ký khai sinh cho trẻ em',
  'Đăng ký khai sinh có yếu tố nước ngoài',
  'Đăng ký kết hôn',
  'Đăng ký kết hôn có yếu tố nước ngoài',
  'Cấp thẻ căn cước cho công dân',
  'Cấp đổi thẻ căn cước',
  'Đăng ký thường trú',
  'Đăng ký tạm trú',
  'Cấp giấy phép lái xe',
  'Đổi giấy phép lái xe',
];

describe('LsaModel.train', () => {
  const { model, vectors } = LsaModel.train(TEXTS, { dims: 4 });

  it('returns for each training text exactly the embedding the model gives that text', () => {
    expect(vectors).toHaveLength(TEXTS.length);
    TEXTS.forEach((text, i) => expect(vectors[i]).toEqual(model.embed(text)));
  });

  it('embeds texts as unit vectors, close when they share words, and unknown words as zeros', () => {
    const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    const marriage = model.embed('kết hôn với người nước ngoài');
    expect(norm(marriage)).toBeCloseTo(1, 10);
    expect(cos(marriage, vectors[3]!)).toBeGreaterThan(cos(marriage, vectors[8]!));
    expect(model.embed('xyz qwerty')).toEqual([0, 0, 0, 0]);
  });

  it('is deterministic: the same texts give the same model', () => {
    const again = LsaModel.train(TEXTS, { dims: 4 });
    expect(again.model.projection).toEqual(model.projection);
    expect(again.model.vocabulary).toEqual(model.vocabulary);
  });
});
