// The banner speaks the page's language (`<html lang>`), a regional variant falls back to its
// language, and a language the shop does not have falls back to the browser's, then the
// config's defaultLanguage.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ready, shopConfig, shopPage, state, useBrowser, visit, widget} from './helpers.mjs';

const env = useBrowser();
// defaultLanguage is deliberately not the first of `languages`, so the fallback is visible.
const config = JSON.stringify(shopConfig({languages: ['en', 'sv'], defaultLanguage: 'sv'}));

/** Opens a page with `<html lang>` = `lang` in a browser whose language is `locale`. */
async function openIn(t, lang, locale = 'en-US') {
  const files = {'/e2e/config.json': config, '/e2e/page.html': shopPage({lang})};
  const visited = await visit(t, env, {files, contextOptions: {locale}});
  await visited.page.goto(env.url + 'e2e/page.html');
  await ready(visited.page);
  return visited;
}

/** Asserts the banner and the preferences are in `language`, and the choice records it. */
async function assertSpeaks(page, language, categoryTitle) {
  const ui = widget(page, language);
  await ui.banner.box.waitFor({state: 'visible'});
  for (const name of ['acceptAll', 'rejectAll', 'customize']) {
    assert.ok(await ui.banner[name].isVisible(), `the banner's "${ui.texts[name]}" button is in ${language}`);
  }
  assert.equal(await page.locator('samtycke-banner').getAttribute('lang'), language, `the banner is marked lang="${language}" for screen readers`);
  await ui.banner.customize.click();
  await ui.preferences.dialog.waitFor({state: 'visible'});
  assert.equal(await ui.preferences.switch(categoryTitle).count(), 1, `the analytics switch is labelled "${categoryTitle}"`);
  assert.ok(await ui.preferences.save.isVisible(), `"${ui.texts.save}" is in ${language}`);
  await ui.preferences.acceptAll.click();
  await ui.preferences.dialog.waitFor({state: 'hidden'});
  // The dialog closes at once; the decision is stored a moment later.
  await page.waitForFunction(() => window.samtycke.state.record !== null);
  assert.equal((await state(page)).record.language, language, 'the decision records the language it was shown in');
}

describe('language', () => {
  test('<html lang="sv"> shows Swedish', async (t) => {
    const {page} = await openIn(t, 'sv');
    await assertSpeaks(page, 'sv', 'Statistik');
  });

  test('<html lang="en"> shows English even though the default is Swedish', async (t) => {
    const {page} = await openIn(t, 'en', 'sv-SE');
    await assertSpeaks(page, 'en', 'Analytics');
  });

  test('<html lang="sv-FI"> falls back to Swedish', async (t) => {
    const {page} = await openIn(t, 'sv-FI');
    await assertSpeaks(page, 'sv', 'Statistik');
  });

  test('an unsupported page language in an unsupported browser language falls back to defaultLanguage', async (t) => {
    const {page} = await openIn(t, 'de', 'de-DE');
    await assertSpeaks(page, 'sv', 'Statistik');
  });

  test('an unsupported page language uses the browser’s language when the shop has it', async (t) => {
    const {page} = await openIn(t, 'de', 'en-GB');
    await assertSpeaks(page, 'en', 'Analytics');
  });
});

describe('the eleven languages', () => {
  /** Opens a shop that lists `languages`, with `<html lang>` = `lang` and an optional body. */
  async function openShop(t, lang, languages, body = '') {
    const files = {
      '/e2e/config.json': JSON.stringify(shopConfig({languages, defaultLanguage: languages[0]})),
      '/e2e/page.html': shopPage({lang, body}),
    };
    const visited = await visit(t, env, {files});
    const texts = [];
    visited.page.on('request', (r) => texts.push(new URL(r.url()).pathname));
    await visited.page.goto(env.url + 'e2e/page.html');
    await ready(visited.page);
    return {...visited, requests: texts};
  }

  for (const [lang, languages, accept, reject, file] of [
    ['de', ['de', 'en'], 'Alle akzeptieren', 'Alle ablehnen', 'de'],
    ['pl', ['pl'], 'Akceptuj wszystkie', 'Odrzuć wszystkie', 'pl'],
    ['fi-FI', ['fi', 'sv'], 'Hyväksy kaikki', 'Hylkää kaikki', 'fi'],
    ['nn', ['nb', 'en'], 'Godta alle', 'Avvis alle', 'nb'],
  ]) {
    test(`<html lang="${lang}"> shows the banner in ${file}, from locales/${file}.json alone`, async (t) => {
      const {page, requests} = await openShop(t, lang, languages);
      const banner = page.locator('samtycke-banner');
      await banner.getByRole('button', {name: accept, exact: true}).waitFor();
      assert.ok(await banner.getByRole('button', {name: reject, exact: true}).isVisible(), `"${reject}" is there, as easy as "${accept}"`);
      assert.equal(await banner.getAttribute('lang'), languages[0], 'marked with the shop\'s language tag');
      assert.deepEqual(requests.filter((p) => p.includes('/locales/')), [`/samtycke/locales/${file}.json`], 'one language file, the visitor\'s');
    });
  }

  test('the cookie declaration speaks German on a German page', async (t) => {
    const {page} = await openShop(t, 'de', ['de', 'en'], '<samtycke-cookie-declaration></samtycke-cookie-declaration>');
    const declaration = page.locator('samtycke-cookie-declaration');
    await declaration.getByRole('button', {name: 'Cookie-Einstellungen ändern'}).waitFor();
    assert.equal(await declaration.getAttribute('lang'), 'de');
  });
});
