import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'zmp-ui/zaui.css';
import './app.css';
import { App } from './App';
import { api } from './lib/api';
import { createSession } from './lib/session';
import type { AuthOptions } from './lib/types';
import { detectPlatform } from './platform';

const FALLBACK_OPTIONS: AuthOptions = {
  trial: false,
  zaloMiniAppId: null,
  maxAttachmentBytes: 5 * 1024 * 1024,
  maxAttachments: 10,
};

async function start() {
  const platform = detectPlatform();
  const session = createSession(platform);
  const options = await api<AuthOptions>('/api/auth/options', { auth: false }).catch(
    () => FALLBACK_OPTIONS,
  );
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App services={{ platform, session, options }} />
    </StrictMode>,
  );
}

void start();
