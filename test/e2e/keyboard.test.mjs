// Keyboard users can reach and use every choice, and closing the preferences is never consent.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {demoRuns, focused, ready, state, useBrowser, visit, widget} from './helpers.mjs';

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
});
