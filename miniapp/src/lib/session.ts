/**
 * Who the resident is, for the API. Inside Zalo (and with the test fake) the Zalo access token is
 * exchanged for our short session (`POST /api/auth/zalo`); in a plain browser on a development server
 * the clearly labelled trial sign-in stands in (`POST /api/auth/trial`, name + phone, a random device
 * key kept on the phone so the same dossiers come back after the short session ends).
 */
import type { Platform } from '../platform';
import { api, configureAuth } from './api';
import { randomId } from './ids';

interface Stored {
  token: string;
  expiresAt: string;
  name: string | null;
  trial: boolean;
}

interface SessionAnswer {
  token: string;
  expiresAt: string;
  subject: { name: string | null };
}

const KEY = 'motcua.session';
const TRIAL_KEY = 'motcua.trial';

export interface Session {
  /** A valid token, signing in again silently when possible; null when the resident must sign in. */
  token(): Promise<string | null>;
  current(): Stored | null;
  trialSignIn(fullName: string, phone: string): Promise<void>;
  signOut(): void;
  onChange(listener: () => void): () => void;
}

export function createSession(platform: Platform): Session {
  const listeners = new Set<() => void>();
  let state: Stored | null = null;
  try {
    state = JSON.parse(platform.storage.get(KEY) ?? 'null') as Stored | null;
  } catch {
    state = null;
  }
  let pending: Promise<string | null> | null = null;

  const save = (next: Stored | null) => {
    state = next;
    if (next) platform.storage.set(KEY, JSON.stringify(next));
    else platform.storage.remove(KEY);
    for (const l of listeners) l();
  };
  const valid = (s: Stored | null) =>
    s !== null && new Date(s.expiresAt).getTime() - Date.now() > 60_000;

  async function trial(fullName: string, phone: string): Promise<string> {
    let device = platform.storage.get(TRIAL_KEY + '.device');
    if (!device) {
      device = randomId('d');
      platform.storage.set(TRIAL_KEY + '.device', device);
    }
    const answer = await api<SessionAnswer>('/api/auth/trial', {
      json: { fullName, phone, deviceKey: device },
      auth: false,
    });
    platform.storage.set(TRIAL_KEY, JSON.stringify({ fullName, phone }));
    save({ token: answer.token, expiresAt: answer.expiresAt, name: fullName, trial: true });
    return answer.token;
  }

  async function signIn(): Promise<string | null> {
    const accessToken = await platform.getAccessToken();
    if (accessToken) {
      const answer = await api<SessionAnswer>('/api/auth/zalo', {
        method: 'POST',
        headers: { Authorization: `Bearer ${accessToken}` },
        auth: false,
      });
      save({
        token: answer.token,
        expiresAt: answer.expiresAt,
        name: answer.subject.name,
        trial: false,
      });
      return answer.token;
    }
    const remembered = platform.storage.get(TRIAL_KEY);
    if (remembered) {
      try {
        const { fullName, phone } = JSON.parse(remembered) as { fullName: string; phone: string };
        return await trial(fullName, phone);
      } catch {
        return null;
      }
    }
    return null;
  }

  const session: Session = {
    async token() {
      if (valid(state)) return state!.token;
      pending ??= signIn().finally(() => {
        pending = null;
      });
      return pending;
    },
    current: () => state,
    async trialSignIn(fullName, phone) {
      await trial(fullName, phone);
    },
    signOut() {
      platform.storage.remove(TRIAL_KEY);
      save(null);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  configureAuth(
    () => session.token(),
    () => {
      if (state) save({ ...state, expiresAt: new Date(0).toISOString() });
    },
  );
  return session;
}
