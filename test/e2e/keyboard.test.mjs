// Keyboard users can reach and use every choice, and closing the preferences is never consent.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {demoRuns, focused, ready, shopConfig, shopPage, state, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();

/** Presses Tab until focus is on the banner button named `name`; returns the names passed on the way. */
async function tabTo(page, name, limit = 10) {
  const passed = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    passed.push(`${now.host ?? ''}>${now.tag}:${now.name}`);
    if (now.host === 'samtycke-banner' && now.tag === 'button' && now.name === name) return passed;
  }
  assert.fail(`Tab never reached "${name}"; focus went ${passed.join(', ')}`);
}

describe('keyboard', () => {
  test('Tab reaches the banner first, and its buttons in the order Accept, Reject, Customize', async (t) => {
    const {page} = await visit(t, env);
    await page.goto(env.url + 'en/');
    await ready(page);
    await widget(page).banner.box.waitFor({state: 'visible'});

    const passed = await tabTo(page, 'Customize');
    const buttons = passed.filter((p) => p.startsWith('samtycke-banner>button'));
    assert.deepEqual(buttons, ['samtycke-banner>button:Accept all', 'samtycke-banner>button:Reject all', 'samtycke-banner>button:Customize'],
      'the three choices are reached in order, with nothing between them');
    assert.ok(passed.every((p) => p.startsWith('samtycke-banner>')), `the banner comes before the page in tab order: ${passed.join(', ')}`);
  });

  test('Enter on "Customize" opens the preferences; Escape closes them without recording consent and returns focus', async (t) => {
    const {page} = await visit(t, env);
    const ui = widget(page);
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.box.waitFor({state: 'visible'});
    await tabTo(page, 'Customize');

    await page.keyboard.press('Enter');
    await ui.preferences.dialog.waitFor({state: 'visible'});
    const inside = await focused(page);
    assert.equal(inside.host, 'samtycke-preferences', 'focus moves into the dialog');

    // Turning a switch on and escaping must not count as a choice.
    await ui.preferences.switch('Marketing').focus();
    await page.keyboard.press('Space');
    assert.equal(await ui.preferences.switch('Marketing').isChecked(), true, 'Space toggles the focused switch');
    await page.keyboard.press('Escape');
    await ui.preferences.dialog.waitFor({state: 'hidden'});

    const after = await state(page);
    assert.equal(after.status, 'undecided', 'Escape records nothing');
    assert.equal(after.record, null, 'no decision is stored');
    assert.deepEqual(await demoRuns(page), {analytics: 0, pixel: 0, video: 0}, 'nothing is released');
    assert.ok(await ui.banner.box.isVisible(), 'the banner is still there');
    await page.waitForFunction(() => document.querySelector('samtycke-banner')?.shadowRoot?.activeElement?.textContent.trim() === 'Customize');
    assert.deepEqual(await focused(page), {tag: 'button', name: 'Customize', host: 'samtycke-banner'}, 'focus is back on "Customize"');

    await page.keyboard.press('Enter');
    await ui.preferences.dialog.waitFor({state: 'visible'});
    assert.equal(await ui.preferences.switch('Marketing').isChecked(), false, 'reopened, the escaped change is gone');
  });

  test('the whole decision can be made with the keyboard: Tab to "Reject all", Enter', async (t) => {
    const {page} = await visit(t, env);
    const ui = widget(page);
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.box.waitFor({state: 'visible'});
    await tabTo(page, 'Reject all');
    await page.keyboard.press('Enter');
    await ui.banner.box.waitFor({state: 'detached'});
    assert.equal((await state(page)).record.method, 'reject-all', 'rejected from the keyboard');
    await ui.settingsButton.waitFor({state: 'visible'});
  });

  test('after a decision, the floating button is reachable by Tab and Escape from the preferences returns focus to it', async (t) => {
    const {page} = await visit(t, env);
    const ui = widget(page);
    await page.goto(env.url + 'en/');
    await ready(page);
    await page.evaluate(() => window.samtycke.rejectAll());
    await ui.settingsButton.waitFor({state: 'visible'});

    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), {tag: 'button', name: 'Cookie settings', host: 'samtycke-settings-button'}, 'the first Tab reaches the settings button');
    await page.keyboard.press('Enter');
    await ui.preferences.dialog.waitFor({state: 'visible'});
    for (const name of ['Analytics', 'Marketing']) {
      assert.equal(await ui.preferences.switch(name).isChecked(), false, `${name} shows the refusal in force`);
    }
    await page.keyboard.press('Escape');
    await ui.preferences.dialog.waitFor({state: 'hidden'});
    await page.waitForFunction(() => document.querySelector('samtycke-settings-button')?.shadowRoot?.activeElement !== null);
    assert.deepEqual(await focused(page), {tag: 'button', name: 'Cookie settings', host: 'samtycke-settings-button'}, 'focus is back on the settings button');
    assert.equal((await state(page)).record.method, 'reject-all', 'the decision is unchanged');
  });

  test('Shift+Tab walks back through the banner, Space decides, and "saved" is announced in a status region that was there before', async (t) => {
    const {page} = await visit(t, env);
    const ui = widget(page, 'sv');
    await page.goto(env.url);
    await ready(page);
    await ui.banner.box.waitFor({state: 'visible'});
    const status = page.locator('samtycke-settings-button [role="status"]');
    assert.equal(await status.count(), 1, 'the status region exists before any decision');
    assert.equal(await status.evaluate((e) => e.checkVisibility()), true, 'and is rendered (not inside a display:none host)');
    assert.equal((await status.textContent()).trim(), '', 'and says nothing yet');

    await tabTo(page, 'Anpassa');
    await page.keyboard.press('Shift+Tab');
    assert.deepEqual(await focused(page), {tag: 'button', name: 'Neka alla', host: 'samtycke-banner'}, 'Shift+Tab goes back to "Neka alla"');
    await page.keyboard.press('Shift+Tab');
    assert.deepEqual(await focused(page), {tag: 'button', name: 'Acceptera alla', host: 'samtycke-banner'}, 'and on to "Acceptera alla"');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await ui.banner.box.waitFor({state: 'detached'});
    assert.equal((await state(page)).record.method, 'reject-all', 'Space on "Neka alla" rejects');
    await page.waitForFunction(() => document.querySelector('samtycke-settings-button')?.shadowRoot?.querySelector('[role="status"]')?.textContent.trim() === 'Dina val är sparade.');
    assert.equal(await status.evaluate((e) => e.checkVisibility()), true, 'the region with the message is rendered');
  });

  test('the whole dialog by keyboard: Tab stays inside, reaches every switch and button in order; Space and Enter decide; focus lands on the settings button', async (t) => {
    const {page} = await visit(t, env);
    const ui = widget(page);
    await page.goto(env.url + 'en/');
    await ready(page);
    await ui.banner.box.waitFor({state: 'visible'});
    await tabTo(page, 'Customize');
    await page.keyboard.press('Enter');
    await ui.preferences.dialog.waitFor({state: 'visible'});
    assert.deepEqual(await focused(page), {tag: 'h2', name: 'Cookie settings', host: 'samtycke-preferences'}, 'the dialog takes focus on its title');
    await page.keyboard.press('Shift+Tab');
    assert.deepEqual(await focused(page), {tag: 'button', name: 'Close without saving', host: 'samtycke-preferences'}, 'the close button in the corner comes first');

    const passed = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      assert.equal(now.host, 'samtycke-preferences', `Tab ${i + 1} stays in the modal dialog (it went to ${JSON.stringify(now)})`);
      const name = now.tag === 'input'
        ? await page.evaluate(() => document.querySelector('samtycke-preferences').shadowRoot.activeElement.labels[0].textContent.trim())
        : now.name.replace(/\s+/g, ' ');
      passed.push(`${now.tag}:${name}`);
      if (name === 'Save choices') break;
    }
    const order = (names) => names.map((n) => passed.indexOf(n));
    const indices = order(['a:Our privacy policy', 'input:Functional', 'input:Analytics', 'input:Marketing', 'button:Reject all', 'button:Accept all', 'button:Save choices']);
    assert.ok(indices.every((i) => i >= 0), `every control is reached: ${passed.join(', ')}`);
    assert.deepEqual(indices, [...indices].sort((a, b) => a - b), `in reading order: ${passed.join(', ')}`);
    assert.ok(!passed.includes('input:Necessary'), 'the fixed "necessary" switch is not a tab stop');

    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused(page)).name, 'Accept all', 'Shift+Tab goes back');
    await ui.preferences.switch('Analytics').focus();
    await page.keyboard.press('Space');
    assert.equal(await ui.preferences.switch('Analytics').isChecked(), true, 'Space turns a switch on');
    assert.equal(await ui.preferences.switch('Analytics').getAttribute('aria-checked'), 'true', 'aria-checked follows');
    await ui.preferences.save.focus();
    await page.keyboard.press('Enter');
    await ui.preferences.dialog.waitFor({state: 'hidden'});
    const after = await state(page);
    assert.equal(after.record.method, 'custom', 'Enter on "Save choices" records the choice');
    assert.equal(after.categories.analytics, true, 'with analytics on');
    await page.waitForFunction(() => document.querySelector('samtycke-settings-button')?.shadowRoot?.activeElement?.localName === 'button');
    assert.deepEqual(await focused(page), {tag: 'button', name: 'Cookie settings', host: 'samtycke-settings-button'},
      'the banner\'s "Customize" is gone with the banner, so focus goes to the settings button');
  });

  test('the banner never hides the page element that has keyboard focus (WCAG 2.4.11)', async (t) => {
    const links = Array.from({length: 30}, (_, i) => `<p>Paragraph ${i + 1} of the shop. <a href="#p${i + 1}">Link ${i + 1}</a></p>`).join('\n');
    const files = {
      '/e2e/page.html': shopPage({body: `<main>${links}</main><footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>`}),
      '/e2e/config.json': JSON.stringify(shopConfig()),
    };
    for (const viewport of [{width: 375, height: 700}, {width: 1280, height: 800}]) {
      const {page} = await visit(t, env, {files, contextOptions: {viewport}});
      await page.goto(env.url + 'e2e/page.html');
      await ready(page);
      await widget(page).banner.box.waitFor({state: 'visible'});
      let checked = 0;
      for (let i = 0; i < 36; i++) {
        await page.keyboard.press('Tab');
        const result = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
          const active = document.activeElement;
          if (!active || active.localName.startsWith('samtycke-') || active === document.body) return resolve(null);
          const banner = document.querySelector('samtycke-banner').shadowRoot.querySelector('.banner').getBoundingClientRect();
          const r = active.getBoundingClientRect();
          const hidden = r.left < banner.right && banner.left < r.right && r.top < banner.bottom && banner.top < r.bottom;
          const onScreen = r.top >= 0 && r.bottom <= innerHeight;
          resolve({name: active.textContent.trim(), hidden, onScreen, top: Math.round(r.top), bannerTop: Math.round(banner.top)});
        }))));
        if (!result) continue;
        checked++;
        assert.equal(result.hidden, false, `${viewport.width}px: "${result.name}" (top ${result.top}) is not behind the banner (top ${result.bannerTop})`);
        assert.equal(result.onScreen, true, `${viewport.width}px: "${result.name}" is on screen`);
      }
      assert.ok(checked >= 25, `${viewport.width}px: ${checked} page links were focused and checked`);
      assert.equal((await state(page)).status, 'undecided', 'tabbing past the banner decides nothing');
    }
  });
});
