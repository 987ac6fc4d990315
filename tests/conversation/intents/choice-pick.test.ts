import { describe, expect, it } from 'vitest';
import { choicePick } from '../../../conversation/intents/choice-pick.js';
import { harness, procedure } from '../support.js';

describe('intent: choice pick', () => {
  const a = procedure('1.000001', 'Thủ tục A');
  const b = procedure('1.000002', 'Thủ tục B');

  it('"2" picks the second choice offered', async () => {
    const h = harness([a, b]);
    h.session().lastChoices = [a.code, b.code];
    const reply = await choicePick.handle(h.turn('2'), h.ctx);
    expect(reply?.procedure?.code).toBe(b.code);
  });

  it('a number with no matching choice is not a pick', async () => {
    const h = harness([a, b]);
    h.session().lastChoices = [a.code];
    expect(await choicePick.handle(h.turn('3'), h.ctx)).toBeNull();
    expect(await choicePick.handle(h.turn('12'), h.ctx)).toBeNull();
  });
});
