/**
 * Builds the harness page once before the browser tests run (`npm run test:browser`), rather
 * than once per test file: bundling @grafana/ui is the slowest part of the run.
 */
import { build } from 'vite';
import viteConfig from './vite.config.mjs';

await build({ ...viteConfig, configFile: false });
