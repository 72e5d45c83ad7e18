#!/usr/bin/env node
// The published entry point: the compiled CLI lives in dist/ (npm run build).
import('../dist/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main.js')) {
    process.stderr.write('omen: the exporter is not built yet; run `npm run build` first\n');
    process.exit(1);
  }
  throw error;
});
