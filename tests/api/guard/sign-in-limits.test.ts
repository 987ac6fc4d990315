/**
 * Defects 3 and 6 of the security probe, over HTTP: the officer login lockout counted successful logins
 * and let anyone lock an officer out; any unknown bearer token caused a call to Zalo.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../api/auth/password.js';
import { upsertOfficer } from '../../../api/store/officer-repository.js';
import { startHarness, type Harness } from '../../support/api-harness.js';
import { COMMUNE_X } from '../../support/dossier-fixtures.js';

let h: Harness;
let ip = 0;
const nextIp = () => `198.18.0.${++ip}`;

async function newOfficer() {
  const username = `cb_${randomUUID().slice(0, 8)}`;
  const password = `mat-khau-${randomUUID()}`;
  await upsertOfficer(h.runtime.store.db, {
    username,
    passwordHash: await hashPassword(password),
    communeCode: COMMUNE_X,
    role: 'officer',
  });
  return { username, password };
}

const login = (username: string, password: string, from: string) =>
  h.request('POST', '/api/officer/login', {
    json: { username, password },
    headers: { 'x-forwarded-for': from },
  });

beforeAll(async () => {
  h = await startHarness({ env: { TRUST_PROXY: 'loopback' } });
});
afterAll(() => h?.close());

describe('officer login lockout', () => {
  it('never counts successful logins (7 right logins from 7 IPs, then 7 more from one)', async () => {
    const { username, password } = await newOfficer();
    for (let i = 0; i < 7; i++)
      expect((await login(username, password, nextIp())).status).toBe(200);
    const desk = nextIp();
    for (let i = 0; i < 7; i++) expect((await login(username, password, desk)).status).toBe(200);
  });

  it('resets the failure count on success', async () => {
    const { username, password } = await newOfficer();
    const desk = nextIp();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await login(username, 'sai', desk)).status).toBe(401);
      expect((await login(username, password, desk)).status).toBe(200);
    }
  });

  it('an attacker locks the username for new devices only; the officer still signs in from the desk', async () => {
    const { username, password } = await newOfficer();
    const desk = nextIp();
    expect((await login(username, password, desk)).status).toBe(200);
    // 30 wrong passwords from rotating IPs (the probe).
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await login(username, `sai-${i}`, nextIp())).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // A new device: even the right password waits, told in Vietnamese.
    const stranger = await login(username, password, nextIp());
    expect(stranger.status).toBe(429);
    expect(stranger.body.error.message).toMatch(/đăng nhập sai quá nhiều lần/);
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);
    // The officer's own desk is not locked out.
    expect((await login(username, password, desk)).status).toBe(200);
    // And the success cleared the lock for everyone.
    expect((await login(username, password, nextIp())).status).toBe(200);
  });

  it('caps wrong passwords per IP across usernames', async () => {
    const from = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await login(`khong_co_${i}_${randomUUID().slice(0, 4)}`, 'x', from)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('unknown bearer tokens and Zalo', () => {
  it('300 random tokens cause at most 30 calls to Zalo, then 429; a known answer is not asked again', async () => {
    const from = nextIp();
    const before = h.zalo.calls.length;
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) {
      statuses.push(
        (
          await h.request('GET', '/api/dossiers', {
            token: `random-${randomUUID()}`,
            headers: { 'x-forwarded-for': from },
          })
        ).status,
      );
      statuses.push(
        (
          await h.request('POST', '/api/auth/zalo', {
            token: `random-${randomUUID()}`,
            headers: { 'x-forwarded-for': from },
          })
        ).status,
      );
    }
    const calls = h.zalo.calls.length - before;
    expect(calls).toBeLessThanOrEqual(30);
    expect(statuses.filter((s) => s === 401)).toHaveLength(calls);
    expect(statuses.filter((s) => s === 429).length).toBe(300 - calls);

    // A token Zalo already refused is answered from the cache (no new call), from anywhere.
    const refused = `random-${randomUUID()}`;
    expect((await h.request('GET', '/api/dossiers', { token: refused })).status).toBe(401);
    const n = h.zalo.calls.length;
    for (let i = 0; i < 5; i++)
      expect(
        (
          await h.request('GET', '/api/dossiers', {
            token: refused,
            headers: { 'x-forwarded-for': nextIp() },
          })
        ).status,
      ).toBe(401);
    expect(h.zalo.calls.length).toBe(n);
  });
});
