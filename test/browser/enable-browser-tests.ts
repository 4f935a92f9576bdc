// Loaded only by jest.browser.config.js. The root `npm test` also matches *.browser.spec.ts,
// so the browser specs skip themselves unless this flag is set.
process.env.COP_BROWSER_TESTS = '1';
