import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/api-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('GET /api/communes', () => {
  it('lists the 166 current communes and wards, public and cacheable', async () => {
    const res = await h.request('GET', '/api/communes');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(res.body.items).toHaveLength(166);
    expect(res.body.items).toContainEqual({
      code: '15880',
      name: 'Hoằng Giang',
      type: 'xa',
      displayName: 'Xã Hoằng Giang',
      centreAddress: expect.any(String),
      officeAddress: expect.any(String),
    });
    // Where two sites are named, residents are sent to the government one.
    expect(res.body.items.find((c: { code: string }) => c.code === '14758').officeAddress).toBe(
      'Trụ sở Phường Đông Cương',
    );
  });

  it('searches by name without accents and names the former units the text fits', async () => {
    const res = await h.request('GET', `/api/communes?q=${encodeURIComponent('xa hoang quy')}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(
      res.body.former.map(
        (f: { displayName: string; successors: { displayName: string }[] }) =>
          `${f.displayName} → ${f.successors.map((s) => s.displayName).join(', ')}`,
      ),
    ).toEqual(['Xã Hoằng Quỳ → Xã Hoằng Giang', 'Xã Hoằng Quý → Xã Hoằng Phú']);
    const current = await h.request('GET', '/api/communes?q=hac%20thanh');
    expect(current.body.items.map((c: { code: string }) => c.code)).toEqual(['14797']);
  });
});

describe('GET /api/communes/:code', () => {
  it('gives one commune with the former units merged into it', async () => {
    const res = await h.request('GET', '/api/communes/15880');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public/);
    expect(res.body).toMatchObject({ code: '15880', displayName: 'Xã Hoằng Giang' });
    expect(res.body.formerCommunes).toContainEqual({
      code: '15886',
      name: 'Hoằng Quỳ',
      district: 'Huyện Hoằng Hóa',
    });
  });

  it('answers 404 in Vietnamese, naming the new unit for a code from before the merger', async () => {
    const former = await h.request('GET', '/api/communes/15886');
    expect(former.status).toBe(404);
    expect(former.body.error.message).toMatch(/Xã Hoằng Quỳ.*nay thuộc Xã Hoằng Giang/);
    const unknown = await h.request('GET', '/api/communes/abc');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/5 chữ số/);
  });
});
