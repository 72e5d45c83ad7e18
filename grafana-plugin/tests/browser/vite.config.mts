/**
 * Bundles the browser harness page (harness/) from the plugin's own source with Vite, for the
 * Chromium tests: Grafana cannot run here, so the panels are rendered outside it (DESIGN Decision 12).
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const HARNESS_DIST = fileURLToPath(new URL('./dist', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./harness', import.meta.url)),
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: HARNESS_DIST,
    emptyOutDir: true,
    // @grafana/ui is bundled whole: size warnings say nothing here.
    chunkSizeWarningLimit: 100_000,
    rollupOptions: {
      // zod (a dependency of @grafana/*) places /*@__PURE__*/ where Rollup cannot use it: harmless.
      onwarn: (warning, warn) => warning.code === 'INVALID_ANNOTATION' || warn(warning),
    },
  },
});
