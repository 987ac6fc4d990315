/**
 * @module
 * Serves the two browser apps built by Vite (`npm run build:web`, run by `npm install`): the resident
 * mini-app at /miniapp/ and the officer console at /officer/. Both are single-page apps: any path under
 * the prefix that is not a built file gets the app's index.html, so deep links and reloads work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { Router } from 'express';

const DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

/** The browser apps and the path each is served at. */
export const BROWSER_APPS = [
  { mount: '/miniapp', dir: 'miniapp', title: 'Mini App' },
  { mount: '/officer', dir: 'officer', title: 'bàn làm việc của cán bộ' },
] as const;

/** Router serving the built apps; `distDir` defaults to the repository's dist/. */
export function createBrowserAppsRouter(distDir: string = DIST_DIR): Router {
  const router = Router();
  for (const app of BROWSER_APPS) {
    const dir = join(distDir, app.dir);
    const index = join(dir, 'index.html');
    // Routing is not strict ('/miniapp/' matches '/miniapp' too): only the bare path is redirected.
    router.get(app.mount, (req, res, next) => {
      const rest = req.originalUrl.slice(app.mount.length);
      if (rest.startsWith('/')) return next();
      res.redirect(301, `${app.mount}/${rest}`);
    });
    // Phones on 3G: scripts and styles go gzipped (a third to a seventh of their size).
    router.use(app.mount, compression());
    // Hashed assets are immutable; index.html must always be fresh so a new build is picked up.
    router.use(
      app.mount,
      express.static(dir, {
        index: false,
        setHeaders: (res, path) => {
          res.setHeader(
            'Cache-Control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
    router.get(`${app.mount}/{*rest}`, (_req, res) => {
      if (!existsSync(index)) {
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(`Trang ${app.title} chưa được build. Hãy chạy: npm run build:web`);
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  return router;
}
