import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { checkGrounded, createLlmPhraser } from '../../../knowledge/answer/phraser.js';
import { composeAnswer } from '../../../knowledge/answer/compose-answer.js';
import { khaiSinh } from '../../fixtures/procedures.js';

const grounded = composeAnswer(khaiSinh, {
  attributes: ['fee', 'documents'],
  mode: 'short',
  snapshotDate: '2026-07-18',
  desk: { name: 'Bộ phận Một cửa' },
}).text;

describe('LLM phrasing guard', () => {
  it('accepts a rephrasing that keeps to the record', async () => {
    const friendly = `Chào bạn! Đăng ký khai sinh (mã 1.001193) được miễn phí. Bạn mang:\n• Tờ khai đăng ký khai sinh (1 bản chính)\n• Giấy chứng sinh (1 bản chính)\nChi tiết: ${khaiSinh.sourceUrl}`;
    expect(checkGrounded(friendly, grounded, khaiSinh)).toEqual([]);
    const phraser = createLlmPhraser(new FakeListChatModel({ responses: [friendly] }), {
      timeoutMs: 1000,
    });
    expect(await phraser.rephrase(grounded, khaiSinh)).toBe(friendly);
  });

  it.each([
    ['an invented amount', 'Lệ phí là 50.000 đồng.'],
    ['another procedure code', 'Xem thêm thủ tục 1.000894.'],
    ['an invented document', 'Bạn mang:\n• Sổ hộ khẩu bản gốc có công chứng'],
    ['an unknown link', 'Nộp tại https://example.com/nop-ho-so'],
  ])('rejects %s and falls back to the grounded text', async (_label, output) => {
    expect(checkGrounded(output, grounded, khaiSinh).length).toBeGreaterThan(0);
    const phraser = createLlmPhraser(new FakeListChatModel({ responses: [output] }), {
      timeoutMs: 1000,
    });
    expect(await phraser.rephrase(grounded, khaiSinh)).toBe(grounded);
  });
});
