import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv, type UserConfig } from 'vite';
import zaloMiniApp from 'zmp-vite-plugin';
import { browserAppConfig } from '../web/vite.shared.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/*
 * `vite build --config miniapp/vite.config.ts` → dist/miniapp, served at /miniapp/ by `npm start`.
 * `--mode zalo` (npm run build:zalo) → miniapp/www/ with app-config.json for `zmp deploy`: relative
 * asset paths, and the API's public HTTPS address from VITE_API_BASE (the app then runs on Zalo's
 * host, https://h5.zdn.vn, which CORS_ORIGINS allows).
 */
export default defineConfig(({ mode }): UserConfig => {
  const base = browserAppConfig({
    root: here('.'),
    base: '/miniapp/',
    outDir: here('../dist/miniapp'),
  });
  if (mode !== 'zalo') return base;
  // VITE_* from the environment or miniapp/.env.zalo; Vite inlines it as import.meta.env.VITE_API_BASE.
  const apiBase = loadEnv(mode, here('.'), 'VITE_').VITE_API_BASE ?? '';
  if (!apiBase.startsWith('https://')) {
    throw new Error(
      'VITE_API_BASE must be the public https:// address of the motcua server for a Zalo build',
    );
  }
  return {
    ...base,
    base: './',
    plugins: [
      ...(base.plugins ?? []),
      zaloMiniApp({
        app: {
          title: 'Trợ lý Một cửa',
          headerTitle: 'Trợ lý Một cửa',
          headerColor: '#ffffff',
          textColor: 'black',
          leftButton: 'back',
          statusBar: 'normal',
        },
      }),
    ],
    build: { ...base.build, outDir: here('www'), emptyOutDir: true },
  };
});
