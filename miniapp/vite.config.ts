import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { browserAppConfig } from '../web/vite.shared.js';

// `vite build --config miniapp/vite.config.ts` → dist/miniapp, served at /miniapp/ by `npm start`.
export default defineConfig(
  browserAppConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: '/miniapp/',
    outDir: fileURLToPath(new URL('../dist/miniapp', import.meta.url)),
  }),
);
