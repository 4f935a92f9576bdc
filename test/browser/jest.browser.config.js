// Browser tests: the real core on real PostgreSQL, the built shell, Debian Chromium via playwright-core.
// Same swc transform, module mapping and database global setup as the root config.
import base from '../../jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/'],
  setupFiles: ['<rootDir>/test/browser/enable-browser-tests.ts'],
  testTimeout: 180000,
  maxWorkers: 1,
};
