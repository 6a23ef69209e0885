// Reflow (WCAG 1.4.10) and a banner that leaves the shop visible: the demo shop, loaded as a shop
// loads the widget, at 320 px wide, at 200 % zoom of a 1280×800 screen (640×400 CSS px) and on a
// 375×800 phone, in Swedish and English, light and dark.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ready, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const VIEWPORTS = [
  {name: '320×640', viewport: {width: 320, height: 640}},
  {name: '200 % zoom (640×400)', viewport: {width: 640, height: 400}, deviceScaleFactor: 2},
  {name: 'phone 375×800', viewport: {width: 375, height: 800}},
];
const PAGES = [{language: 'sv', path: ''}, {language: 'en', path: 'en/'}];

/** Where a control is, and whether a visitor can see and press it there without scrolling. */
const reachable = (locator) => locator.evaluate((element) => {
  const r = element.getBoundingClientRect();
  const hit = element.getRootNode().elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return {
    top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right),
    width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10,
    inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
    uncovered: hit === element || element.contains(hit),
  };
});

/** How far the page scrolls sideways: 0 when nothing is wider than the viewport. */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

describe('reflow', () => {
  for (const {name, viewport, deviceScaleFactor = 1} of VIEWPORTS) {
    for (const {language, path} of PAGES) {
      for (const colorScheme of ['light', 'dark']) {
        test(`${name}, ${language}, ${colorScheme}: no sideways scroll, "Reject all" in view in the banner and the dialog`, async (t) => {
          const {page} = await visit(t, env, {contextOptions: {viewport, deviceScaleFactor, colorScheme}});
          const ui = widget(page, language);
          await page.goto(env.url + path);
          await ready(page);
          await ui.banner.box.waitFor({state: 'visible'});
          assert.equal(await sideways(page), 0, 'the banner makes nothing scroll sideways');
          const reject = await reachable(ui.banner.rejectAll);
          const accept = await reachable(ui.banner.acceptAll);
          assert.ok(reject.inView && reject.uncovered, `"${ui.texts.rejectAll}" is in view and uncovered: ${JSON.stringify(reject)}`);
          assert.equal(reject.width, accept.width, 'Reject and Accept are equally wide');
          assert.equal(reject.height, accept.height, 'and equally tall');
          const banner = await ui.banner.box.evaluate((e) => e.getBoundingClientRect().height);
          if (viewport.width === 375) assert.ok(banner <= viewport.height * 0.45, `the banner takes ${Math.round(banner)} of ${viewport.height} px`);

          await ui.banner.customize.click();
          await ui.preferences.dialog.waitFor({state: 'visible'});
          await page.locator('samtycke-preferences').evaluate((host) => host.shadowRoot.querySelectorAll('details').forEach((d) => (d.open = true)));
          assert.equal(await sideways(page), 0, 'the open dialog, every list expanded, makes nothing scroll sideways');
          const inDialog = await reachable(ui.preferences.rejectAll);
          assert.ok(inDialog.inView && inDialog.uncovered, `the dialog's "${ui.texts.rejectAll}" is in view: ${JSON.stringify(inDialog)}`);
          const dialogWidth = await ui.preferences.dialog.evaluate((d) => d.getBoundingClientRect().right);
          assert.ok(dialogWidth <= viewport.width, 'the dialog fits the width');
        });
      }
    }
  }
});
