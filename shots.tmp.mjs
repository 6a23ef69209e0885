import {chromium} from 'playwright';
import {startServer} from './scripts/serve.mjs';
import {launchOptions} from './scripts/chromium.mjs';
const server = await startServer({port: 0});
const browser = await chromium.launch(launchOptions());
for (const [name, path, width, lang] of [['sv-phone', '/', 375, 'sv'], ['en-phone', '/en/', 375, 'en'], ['sv-desktop', '/', 1280, 'sv'], ['en-desktop', '/en/', 1280, 'en']]) {
  const ctx = await browser.newContext({viewport: {width, height: width < 500 ? 740 : 800}});
  const page = await ctx.newPage();
  page.on('pageerror', e => console.log(name, 'pageerror', e.message));
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') console.log(name, m.type(), m.text()); });
  await page.goto(server.url + path.slice(1));
  await page.evaluate(() => samtycke.ready);
  await page.locator('samtycke-banner [part~=banner]').waitFor();
  await page.screenshot({path: `/tmp/shots/${name}-1-banner.png`});
  await page.getByRole('button', {name: lang === 'sv' ? 'Anpassa' : 'Customize'}).click();
  await page.locator('samtycke-preferences dialog[open]').waitFor();
  await page.locator('samtycke-preferences summary').nth(3).click();
  await page.screenshot({path: `/tmp/shots/${name}-2-prefs.png`});
  await page.locator('samtycke-preferences .body').evaluate(b => b.scrollTop = b.scrollHeight);
  await page.screenshot({path: `/tmp/shots/${name}-3-prefs-scrolled.png`});
  await page.getByRole('button', {name: lang === 'sv' ? 'Spara val' : 'Save choices'}).click();
  await page.locator('samtycke-settings-button button').waitFor();
  await page.screenshot({path: `/tmp/shots/${name}-4-after.png`, fullPage: false});
  await ctx.close();
}
await browser.close(); await server.close();
