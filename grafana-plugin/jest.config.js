// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

// The scaffold's transform covers .js/.ts only; d3-color (reached through @grafana/data)
// now ships only .mjs, so .mjs files get the same swc transform.
const [, swcOptions] = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  // Jest configuration provided by Grafana scaffolding
  ...base,
  transform: { ...base.transform, '^.+\\.mjs$': ['@swc/jest', swcOptions] },
};
