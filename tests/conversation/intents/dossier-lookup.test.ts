import { describe, expect, it } from 'vitest';
import type { PublicDossierStatus } from '../../../common/dossier-contracts.js';
import { dossierLookup } from '../../../conversation/intents/dossier-lookup.js';
import { harness } from '../support.js';

describe('intent: dossier lookup', () => {
  const calls: Array<[string, string]> = [];
  const lookup = (reference: string, phone4: string) => {
    calls.push([reference, phone4]);
    return Promise.resolve(null as PublicDossierStatus | null);
  };

  it('looks a dossier up from its reference and the last 4 phone digits', async () => {
    const h = harness([], { statusLookup: lookup });
    const reply = await dossierLookup.handle(h.turn('tra cứu hồ sơ KX7PM3TA 1234'), h.ctx);
    expect(calls.at(-1)).toEqual(['KX7PM3TA', '1234']);
    expect(reply?.text).toMatch(/Không tìm thấy hồ sơ/);
  });

  it('"tra cứu hồ sơ" without a code asks for the code and the digits, then takes them', async () => {
    const h = harness([], { statusLookup: lookup });
    const ask = await dossierLookup.handle(h.turn('tra cứu hồ sơ'), h.ctx);
    expect(ask?.text).toMatch(/mã hồ sơ/);
    expect(ask?.text).toMatch(/4 số cuối/);
    const n = calls.length;
    await dossierLookup.handle(h.turn('KX7PM3TA 5678'), h.ctx);
    expect(calls.length).toBe(n + 1);
    expect(calls.at(-1)).toEqual(['KX7PM3TA', '5678']);
  });

  it('a code without the digits asks for the digits, and the next "5678" completes it', async () => {
    const h = harness([], { statusLookup: lookup });
    const ask = await dossierLookup.handle(h.turn('hồ sơ KX7PM3TA'), h.ctx);
    expect(ask?.text).toMatch(/4 số cuối/);
    expect(ask?.text).toContain('KX7PM3TA');
    await dossierLookup.handle(h.turn('5678'), h.ctx);
    expect(calls.at(-1)).toEqual(['KX7PM3TA', '5678']);
  });

  it('leaves procedure questions alone, even ones about hồ sơ', async () => {
    const h = harness([], { statusLookup: lookup });
    expect(await dossierLookup.handle(h.turn('hồ sơ đăng ký kết hôn gồm gì'), h.ctx)).toBeNull();
    expect(await dossierLookup.handle(h.turn('lệ phí 2025'), h.ctx)).toBeNull();
  });

  it('stops after 5 lookups in one session', async () => {
    const h = harness([], { statusLookup: lookup });
    for (let i = 0; i < 5; i += 1) await dossierLookup.handle(h.turn('KX7PM3TA 1234'), h.ctx);
    const sixth = await dossierLookup.handle(h.turn('KX7PM3TA 1234'), h.ctx);
    expect(sixth?.text).toMatch(/nhiều lần/);
  });
});
