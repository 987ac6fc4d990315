/**
 * The signed-in officer: sign-in, sign-out ("đăng xuất" revokes the server session), and the idle
 * timeout — after the configured minutes without a key press or click the console signs out by itself
 * (the server refuses the session too). Activity pings the server now and then so a long read of a
 * dossier does not end the server session while the officer is present.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { api, setActivityHandler, setToken, setUnauthorizedHandler } from './api.js';
import type { Officer } from './types.js';

interface SessionValue {
  officer: Officer | null;
  /** Why the last session ended (shown on the sign-in page). */
  endedBecause: string | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

const PING_EVERY_MS = 2 * 60_000;

export function SessionProvider(props: { children: React.ReactNode }) {
  const [officer, setOfficer] = useState<Officer | null>(null);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);
  const lastActivity = useRef(Date.now());
  const lastRequest = useRef(Date.now());

  const end = useCallback((why: string | null) => {
    setToken(null);
    setOfficer(null);
    setEndedBecause(why);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() =>
      end('Phiên làm việc đã hết hạn hoặc đã đăng xuất ở nơi khác. Vui lòng đăng nhập lại.'),
    );
    setActivityHandler(() => {
      lastRequest.current = Date.now();
    });
    return () => {
      setUnauthorizedHandler(null);
      setActivityHandler(null);
    };
  }, [end]);

  useEffect(() => {
    if (!officer) return;
    const mark = () => {
      lastActivity.current = Date.now();
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const idleMs = officer.idleTimeoutMinutes * 60_000;
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity.current >= idleMs) {
        void api('POST', '/api/officer/logout').catch(() => undefined);
        end(
          `Phiên làm việc đã kết thúc vì không thao tác trong ${officer.idleTimeoutMinutes} phút. Vui lòng đăng nhập lại.`,
        );
      } else if (
        lastActivity.current > lastRequest.current &&
        now - lastRequest.current >= PING_EVERY_MS
      ) {
        void api('GET', '/api/officer/session').catch(() => undefined);
      }
    }, 15_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [officer, end]);

  const signIn = useCallback(async (username: string, password: string) => {
    const res = await api<{ token: string }>('POST', '/api/officer/login', { username, password });
    setToken(res.token);
    try {
      const me = await api<Officer>('GET', '/api/officer/session');
      lastActivity.current = Date.now();
      setEndedBecause(null);
      setOfficer(me);
    } catch (error) {
      setToken(null);
      throw error;
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('POST', '/api/officer/logout');
    } finally {
      end('Bạn đã đăng xuất.');
    }
  }, [end]);

  return (
    <SessionContext.Provider value={{ officer, endedBecause, signIn, signOut }}>
      {props.children}
    </SessionContext.Provider>
  );
}
