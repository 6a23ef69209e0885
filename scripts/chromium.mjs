// Finds a Chromium for the tests and the benchmark: CHROME_PATH, else Debian's /usr/bin/chromium.
// Playwright cannot download its own browsers here, so when none is found and we run as root
// with apt-get (a fresh CI machine), Debian's chromium package is installed.
import {execSync} from 'node:child_process';
import {existsSync} from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for headless Chromium on a machine without network beyond localhost. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'];

/** The path of a Chromium executable; installs Debian's package when allowed and needed. */
export function findChromium({install = true} = {}) {
  const found = [process.env.CHROME_PATH, ...CANDIDATES].find((p) => p && existsSync(p));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (install && isRoot && hasApt) {
    console.log('Chromium not found: installing Debian\'s chromium package (apt-get)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {stdio: 'inherit'});
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error('No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to its executable.');
}

/** Launch options for Playwright's chromium.launch(). */
export const launchOptions = () => ({executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true});
