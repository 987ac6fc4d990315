import { createContext, useContext, useEffect, useState } from 'react';
import type { Platform } from './platform';
import type { Session } from './lib/session';
import type { AuthOptions } from './lib/types';

export interface AppServices {
  platform: Platform;
  session: Session;
  options: AuthOptions;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext missing');
  return services;
}

/** Re-renders when the session changes (sign-in, sign-out, expiry). */
export function useSessionState() {
  const { session } = useServices();
  const [state, setState] = useState(session.current());
  useEffect(() => session.onChange(() => setState(session.current())), [session]);
  return state;
}
