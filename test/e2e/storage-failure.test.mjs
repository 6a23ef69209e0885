// Browsers where IndexedDB is missing or throws (private modes, blocked storage): the widget
// warns once, still asks, and a choice holds for this page view only; nothing leaks into the next.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ran, ready, shopConfig, shopPage, state, tracker, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

const files = {
  '/e2e/config.json': JSON.stringify(shopConfig()),
  '/e2e/page.html': shopPage({
    head: `
      <script type="text/plain" data-consent="analytics" data-service="ga4">${tracker('analytics')}</script>
      <script type="text/plain" data-consent="marketing" data-service="meta-pixel">${tracker('marketing')}</script>`,
  }),
};

const BROKEN_STORAGE = {
  'indexedDB.open throws': () => {
    IDBFactory.prototype.open = function open() {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  },
  'window.indexedDB is missing': () => {
    delete window.indexedDB;
  },
  'writing to IndexedDB fails': () => {
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
};
/** Reading works in this case, so the failure is only known once a choice is written. */
const FAILS_ON_WRITE = 'writing to IndexedDB fails';

describe('consent storage unavailable', () => {
  for (const [name, initScript] of Object.entries(BROKEN_STORAGE)) {
    test(`when ${name}: one warning, the banner works, the choice holds for this page view only`, async (t) => {
      const {page, log} = await visit(t, env, {files, initScript});
      const ui = widget(page);
      await page.goto(env.url + 'e2e/page.html');
      const first = await ready(page);
      assert.equal(first.status, 'undecided', 'the visitor is asked');
      if (name !== FAILS_ON_WRITE) assert.equal(first.persisted, false, 'the state says choices cannot be kept');
      await ui.banner.box.waitFor({state: 'visible'});

      await ui.banner.acceptAll.click();
      await page.waitForFunction(() => window.ran?.length === 2);
      assert.deepEqual(await ran(page), ['analytics', 'marketing'], 'accepting releases the scripts for this page view');
      const accepted = await state(page);
      assert.equal(accepted.status, 'decided', 'the decision is in force on this page');
      assert.equal(accepted.persisted, false, 'state.persisted is false: the decision was not stored');
      await ui.banner.box.waitFor({state: 'detached'});

      const warnings = log.messages.filter((m) => m.type === 'warning');
      assert.equal(warnings.length, 1, `exactly one console warning: ${JSON.stringify(warnings)}`);
      assert.match(warnings[0].text, /IndexedDB/, 'the warning names the storage');
      assert.deepEqual(log.messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), [], 'no errors');

      await page.reload();
      const again = await ready(page);
      assert.equal(again.status, 'undecided', 'after a reload the visitor is asked again');
      await ui.banner.box.waitFor({state: 'visible'});
      assert.deepEqual(await ran(page), [], 'nothing from the earlier page view is released');
    });
  }

  test('saving in the preferences tells the visitor the choice applies to this visit only', async (t) => {
    const {page} = await visit(t, env, {files, initScript: BROKEN_STORAGE['indexedDB.open throws']});
    const ui = widget(page);
    await page.goto(env.url + 'e2e/page.html');
    await ready(page);
    await ui.banner.customize.click();
    await ui.preferences.switch('Analytics').check();
    await ui.preferences.save.click();
    await ui.preferences.dialog.waitFor({state: 'hidden'});
    const status = page.locator('samtycke-settings-button').getByRole('status');
    await status.filter({hasText: 'saved'}).waitFor({state: 'attached'});
    assert.equal((await status.textContent()).trim(),
      'Your choices are saved. Your browser does not let us store your choice, so it applies to this visit only.',
      'the status message says the choice is not kept');
  });
});
