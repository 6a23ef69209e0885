#!/usr/bin/env node
// Screenshots of the demo shop for the README: `node scripts/screenshots.mjs` (after a build).
//
//   node scripts/screenshots.mjs [--out docs/screenshots] [--only banner,preferences,embed,privacy-center]
//
// Starts the demo server (scripts/serve.mjs, with the reference receiver in a temporary folder),
// opens the demo in Chromium as a first-time visitor and writes PNGs at device scale 1:
//   banner-<phone|desktop>-<sv|en>-<light|dark>.png        the first layer, viewport
//   preferences-<phone|desktop>-<sv|en>.png                 the dialog, opened from the banner
//   embed-<phone|desktop>-<sv|en>.png                       the video placeholder after "Reject all"
//   privacy-center-phone-<sv|en>.png                        the privacy center after "Reject all", one screen
// Phone: 375 × 800 CSS px, touch; desktop: 1280 × 800. Motion is reduced (prefers-reduced-motion),
// so no transition is caught half-way. Colour scheme: the browser's prefers-color-scheme.
import {mkdirSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright';
import {launchOptions} from './chromium.mjs';
import {startServer} from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT = 15_000;
const BUDGET = 2 * 1024 * 1024;

const DEVICES = {
  phone: {viewport: {width: 375, height: 800}, isMobile: true, hasTouch: true, deviceScaleFactor: 1},
  desktop: {viewport: {width: 1280, height: 800}, deviceScaleFactor: 1},
};

const LANGUAGES = {
  sv: {home: '/', center: '/integritetscenter.html', customize: 'Anpassa', rejectAll: 'Neka alla'},
  en: {home: '/en/', center: '/en/privacy-center.html', customize: 'Customize', rejectAll: 'Reject all'},
};

function parseArgs(argv) {
  const options = {out: path.join(ROOT, 'docs', 'screenshots'), only: null};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--out') options.out = path.resolve(value());
    else if (flag === '--only') options.only = String(value()).split(',');
    else {
      console.error(`Unknown argument ${argv[i]}. Usage: node scripts/screenshots.mjs [--out dir] [--only banner,preferences,embed,privacy-center]`);
      process.exit(2);
    }
  }
  return options;
}

/** Waits until the banner box is laid out, the fonts are in and two frames have painted. */
async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

const banner = (page) => page.locator('samtycke-banner').locator('[part~="banner"]');
const bannerButton = (page, name) => page.locator('samtycke-banner').getByRole('button', {name, exact: true});

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const wanted = (kind) => !options.only || options.only.includes(kind);
  mkdirSync(options.out, {recursive: true});
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'samtycke-screenshots-'));
  const server = await startServer({port: 0, receiver: {dir: dataDir, localExports: true}});
  const browser = await chromium.launch(launchOptions());
  const written = [];
  const problems = [];

  /** A fresh first-time visitor; `use` gets the page; the context is always closed. */
  const visit = async (device, contextOptions, use) => {
    const context = await browser.newContext({...DEVICES[device], reducedMotion: 'reduce', ...contextOptions});
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error.message).split('\n')[0]));
    try {
      await use(page);
    } finally {
      if (errors.length) problems.push(`${page.url()}: ${errors.join('; ')}`);
      await context.close();
    }
  };
  const shot = async (name, take) => {
    const file = path.join(options.out, `${name}.png`);
    try {
      await take(file);
      written.push({name: `${name}.png`, bytes: statSync(file).size});
      process.stderr.write(`${name}.png\n`);
    } catch (error) {
      problems.push(`${name}.png: ${String(error.message).split('\n')[0]}`);
    }
  };

  try {
    for (const [lang, l] of Object.entries(LANGUAGES)) {
      for (const device of Object.keys(DEVICES)) {
        if (wanted('banner') || wanted('preferences')) {
          for (const scheme of ['light', 'dark']) {
            await visit(device, {colorScheme: scheme}, async (page) => {
              await page.goto(server.url + l.home.slice(1));
              await banner(page).waitFor({state: 'visible'});
              await settle(page);
              if (wanted('banner')) await shot(`banner-${device}-${lang}-${scheme}`, (file) => page.screenshot({path: file}));
              if (wanted('preferences') && scheme === 'light') {
                await shot(`preferences-${device}-${lang}`, async (file) => {
                  await bannerButton(page, l.customize).click();
                  await page.locator('samtycke-preferences').getByRole('dialog').waitFor({state: 'visible'});
                  await settle(page);
                  await page.screenshot({path: file});
                });
              }
            });
          }
        }

        if (wanted('embed')) {
          await visit(device, {colorScheme: 'light'}, async (page) => {
            await page.goto(server.url + l.home.slice(1));
            await bannerButton(page, l.rejectAll).click();
            await banner(page).waitFor({state: 'hidden'});
            const placeholder = page.locator('samtycke-embed-placeholder').first();
            await placeholder.waitFor({state: 'visible'});
            const section = page.locator('#video');
            await section.scrollIntoViewIfNeeded();
            await settle(page);
            await shot(`embed-${device}-${lang}`, (file) => section.screenshot({path: file}));
          });
        }

        if (wanted('privacy-center') && device === 'phone') {
          await visit(device, {colorScheme: 'light'}, async (page) => {
            await page.goto(server.url + l.center.slice(1));
            await bannerButton(page, l.rejectAll).click();
            await banner(page).waitFor({state: 'hidden'});
            const center = page.locator('samtycke-privacy-center');
            await center.locator('[part~="document"], section, h1, h2').first().waitFor({state: 'visible'});
            await settle(page);
            // One phone screen from the top of the privacy center, as a visitor scrolls to it.
            await center.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 12));
            await settle(page);
            await shot(`privacy-center-${device}-${lang}`, (file) => page.screenshot({path: file}));
          });
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, {recursive: true, force: true});
  }

  const total = written.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`${written.length} screenshots in ${path.relative(process.cwd(), options.out) || '.'}, ${(total / 1024).toFixed(0)} KiB in all:`);
  for (const f of written) console.log(`  ${f.name.padEnd(36)} ${(f.bytes / 1024).toFixed(0).padStart(5)} KiB`);
  if (total > BUDGET) console.log(`Warning: more than ${BUDGET / 1024 / 1024} MiB in all; the README's images should stay small.`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
