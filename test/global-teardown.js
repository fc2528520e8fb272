// jest globalTeardown: removes the run's shared build folder (see global-setup.js).
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const dir = process.env.HOTMART_TEST_BUILDS;
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
};
