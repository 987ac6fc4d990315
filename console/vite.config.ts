import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { browserAppConfig } from '../web/vite.shared.js';

// `vite build --config console/vite.config.ts` → dist/officer, served at /officer/ by `npm start`.
export default defineConfig(
  browserAppConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: '/officer/',
    outDir: fileURLToPath(new URL('../dist/officer', import.meta.url)),
  }),
);
