import { describe, expect, it } from 'vitest';
import { choicesOf, cutAtWord, oneChoicePerProcedure } from '../../conversation/choices.js';
import { procedure } from './support.js';

describe('choice labels', () => {
  it('show the part of each name that differs', () => {
    const base = 'Thủ tục đăng ký đất đai, tài sản gắn liền với đất lần đầu đối với';
    const labels = choicesOf([
      procedure('1', `${base} hộ gia đình, cá nhân`),
      procedure('2', `${base} tổ chức`),
    ]).map((c) => c.label);
    expect(labels[0]).toMatch(/hộ gia đình, cá nhân$/);
    expect(labels[1]).toMatch(/tổ chức$/);
    expect(labels[0]).not.toBe(labels[1]);
  });

  it('keep short names whole, so the word that tells them apart is not elided', () => {
    const labels = choicesOf([
      procedure('1', 'Thủ tục đăng ký khai tử lưu động'),
      procedure('2', 'Thủ tục đăng ký khai tử'),
      procedure('3', 'Thủ tục đăng ký khai sinh lưu động'),
    ]).map((c) => c.label);
    expect(labels).toEqual([
      'Đăng ký khai tử lưu động',
      'Đăng ký khai tử',
      'Đăng ký khai sinh lưu động',
    ]);
  });

  it('are cut at a word boundary', () => {
    const name = 'Thủ tục ' + 'chuyển nhượng quyền sử dụng đất '.repeat(6);
    const [choice] = choicesOf([procedure('1', name)]);
    expect(choice!.label.length).toBeLessThanOrEqual(81);
    expect(choice!.label.endsWith('…')).toBe(true);
    const words = new Set(name.split(/\s+/));
    for (const w of choice!.label.replace('…', '').trim().split(/\s+/))
      expect(words.has(w) || words.has(w.toLowerCase())).toBe(true);
    expect(cutAtWord('một hai ba', 6)).toBe('một…');
  });

  it('keep one choice per procedure, preferring the Thanh Hóa copy', () => {
    const nat = procedure('1.0', 'Thủ tục đăng ký khai sinh');
    const th = procedure('1.1', 'Thủ tục đăng ký khai sinh (cấp xã)', {
      scope: 'provincial',
      province: 'UBND tỉnh Thanh Hóa',
    });
    expect(oneChoicePerProcedure([nat, th]).map((p) => p.code)).toEqual(['1.1']);
  });
});
