// jest globalSetup: one folder per test run where the first test file to build the Hotmart app
// leaves the build for the others (test/support/harness.ts). The app cannot change during a
// run, so the build is the same for every file; a fresh folder per run means none is ever reused
// across runs, whatever changed in between. Plain JavaScript: it runs before any transform.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function globalSetup() {
  process.env.HOTMART_TEST_BUILDS = fs.mkdtempSync(path.join(os.tmpdir(), 'hotmart-test-builds-'));
};
