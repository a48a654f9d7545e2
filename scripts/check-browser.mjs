/** Stops the browser tests early, with what to install, when no Chromium can be found. */
import { chromiumPath, NO_CHROMIUM } from './chromium-path.mjs';

const path = chromiumPath();
if (!path) {
  console.error(
    NO_CHROMIUM + (process.env.CHROMIUM_PATH ? `\n(CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.)` : ''),
  );
  process.exit(1);
}
console.log(`browser tests: ${path}`);
