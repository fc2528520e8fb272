// Headless Chromium for the studio's browser tests: Debian's `chromium` package, driven by
// playwright-core (which never downloads a browser of its own). `.ci/run` installs the package
// when it is missing; without it these tests fail with one line that says so.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the tests' screenshots go (printed at the end of the run). */
export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/studio');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The flags keep Chromium off the network it cannot reach here (its background services).
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
