import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/**
 * Build settings shared by the two browser apps (the resident mini-app and the officer console).
 * Each app is served by our express server under its own path, so `base` is that path and the build
 * goes to `dist/<name>/` (git-ignored, rebuilt by `npm install` / `npm run build:web`).
 */
export function browserAppConfig(options: {
  root: string;
  base: string;
  outDir: string;
}): UserConfig {
  return {
    root: options.root,
    base: options.base,
    plugins: [react()],
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      // Phones on 3G: keep one small entry chunk; heavy parts are split by dynamic import().
      target: 'es2019',
      chunkSizeWarningLimit: 600,
    },
    logLevel: 'warn',
  };
}
