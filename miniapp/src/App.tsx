import { useEffect, useRef } from 'react';
import {
  AnimationRoutes,
  App as ZaloApp,
  Route,
  SnackbarProvider,
  ZMPRouter,
  useNavigate,
} from 'zmp-ui';
import { ServicesContext, type AppServices } from './context';
import { Apply } from './pages/Apply';
import { DossierPage } from './pages/Dossier';
import { Home } from './pages/Home';
import { MyDossiers } from './pages/MyDossiers';
import { Notices } from './pages/Notices';
import { ProcedurePage } from './pages/Procedure';
import { Receipt } from './pages/Receipt';

/**
 * The route a link asks for: `/miniapp/#/apply/1.001193` (browser, bots' links), `?apply=1.001193`
 * (Zalo mini-app links carry query parameters), or a path ending in `/apply/<code>`.
 */
export function deepLinkRoute(location: Location): string | null {
  const hash = location.hash.replace(/^#/, '');
  if (/^\/(apply|procedure|dossiers|receipt|notices)(\/|$)/.test(hash)) return hash;
  const apply = new URLSearchParams(location.search).get('apply');
  if (apply && /^[0-9A-Za-z._-]{1,40}$/.test(apply)) return `/apply/${apply}`;
  const match = /\/(apply|procedure)\/([0-9A-Za-z._-]{1,40})\/?$/.exec(location.pathname);
  return match ? `/${match[1]}/${match[2]}` : null;
}

/**
 * ZMPRouter in memory mode (its browser mode hard-codes /zapps/<APP_ID>); the deep link is applied
 * once. `navigate` changes identity on every route change, so without the `applied` guard each later
 * navigation (procedure → "Nộp hồ sơ") would be undone by a jump back to the deep-linked route.
 */
function DeepLink() {
  const navigate = useNavigate();
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current) return;
    applied.current = true;
    const route = deepLinkRoute(window.location);
    if (route) navigate(route);
  }, [navigate]);
  return null;
}

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesContext.Provider value={services}>
      <ZaloApp>
        <SnackbarProvider>
          <ZMPRouter memoryRouter>
            <DeepLink />
            <AnimationRoutes>
              <Route path="/" element={<Home />} />
              <Route path="/procedure/:code" element={<ProcedurePage />} />
              <Route path="/apply/:code" element={<Apply />} />
              <Route path="/receipt/:reference" element={<Receipt />} />
              <Route path="/dossiers" element={<MyDossiers />} />
              <Route path="/dossiers/:reference" element={<DossierPage />} />
              <Route path="/notices" element={<Notices />} />
            </AnimationRoutes>
          </ZMPRouter>
        </SnackbarProvider>
      </ZaloApp>
    </ServicesContext.Provider>
  );
}
