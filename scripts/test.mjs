// `npm test`: builds the bundle, runs every suite in real Chromium and prints one line that
// counts every test: "N passed, N failed".
//   1. test/core, test/ui: web-test-runner (mocha in Chromium through Playwright)
//   2. test/e2e, test/node: node:test, driving Chromium with Playwright against dist/samtycke.js
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs';
import {findChromium} from './chromium.mjs';

const results = '.test-results';
rmSync(results, {recursive: true, force: true});
mkdirSync(results, {recursive: true});
const chrome = findChromium();
const env = {...process.env, CHROME_PATH: chrome};
const run = (command, args) => spawnSync(command, args, {stdio: 'inherit', env}).status;

let failedToRun = 0;
if (run('npx', ['rollup', '-c', '--silent']) !== 0) {
  console.error('The build failed; the tests need dist/samtycke.js.');
  failedToRun++;
}

const browser = {passed: 0, failed: 0};
const browserStatus = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs']);
if (existsSync(`${results}/browser.json`)) Object.assign(browser, JSON.parse(readFileSync(`${results}/browser.json`, 'utf8')));
else if (browserStatus !== 0) failedToRun++;

const node = {passed: 0, failed: 0};
const tap = `${results}/node.tap`;
const nodeStatus = run('node', ['--test', '--test-concurrency=1',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  'test/e2e/', 'test/node/']);
if (existsSync(tap)) {
  const text = readFileSync(tap, 'utf8');
  node.passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  node.failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
}
if (nodeStatus !== 0 && node.failed === 0) failedToRun++;

const passed = browser.passed + node.passed;
const failed = browser.failed + node.failed + failedToRun;
console.log(`\nIn Chromium (web-test-runner): ${browser.passed} passed, ${browser.failed} failed; end-to-end and node: ${node.passed} passed, ${node.failed} failed.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
