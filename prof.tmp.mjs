import {chromium} from 'playwright';
import {startServer} from './scripts/serve.mjs';
import {launchOptions} from './scripts/chromium.mjs';
const server = await startServer({port: 0});
const browser = await chromium.launch(launchOptions());
const ctx = await browser.newContext();
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', {interval: 100});
await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
await cdp.send('Profiler.start');
await page.goto(server.url);
await page.evaluate(() => samtycke.ready);
await page.locator('samtycke-banner [part~=banner]').waitFor();
const {profile} = await cdp.send('Profiler.stop');
const idx = Object.fromEntries(profile.nodes.map(n => [n.id, n]));
const self = {};
profile.samples.forEach((s, i) => {
  const n = idx[s]; const f = n.callFrame;
  const k = `${f.url.split('/').pop() || '(native)'}:${f.lineNumber}:${f.columnNumber} ${f.functionName}`;
  self[k] = (self[k] || 0) + (profile.timeDeltas[i] || 0);
});
const byUrl = {};
for (const [k, v] of Object.entries(self)) { const u = k.split(':')[0]; byUrl[u] = (byUrl[u] || 0) + v; }
console.log(Object.entries(byUrl).sort((a,b)=>b[1]-a[1]).slice(0,8).map(([k,v])=>`${(v/1000).toFixed(1)}ms ${k}`).join('\n'));
console.log('--- top samtycke.js functions (col)');
const code = (await (await fetch(server.url + 'samtycke/samtycke.js')).text());
Object.entries(self).filter(([k]) => k.startsWith('samtycke.js')).sort((a,b)=>b[1]-a[1]).slice(0,14).forEach(([k,v]) => {
  const col = Number(k.split(':')[2]); console.log((v/1000).toFixed(1)+'ms', k.split(' ').slice(1).join(' '), JSON.stringify(code.slice(col, col+70)));
});
await browser.close(); await server.close();
