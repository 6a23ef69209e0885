// Unit and component tests in real Chromium (Debian's, through Playwright): test/core and test/ui.
// The end-to-end tests through dist/samtycke.js live in test/e2e and run with node:test.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {playwrightLauncher} from '@web/test-runner-playwright';
import {defaultReporter} from '@web/test-runner';
import {launchOptions} from './scripts/chromium.mjs';
import {countingReporter} from './scripts/counting-reporter.mjs';

export default {
  files: ['test/core/**/*.test.ts', 'test/ui/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  mimeTypes: {'**/*.json': 'js'},
  plugins: [esbuildPlugin({ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json'})],
  browsers: [playwrightLauncher({product: 'chromium', launchOptions: launchOptions()})],
  reporters: [defaultReporter(), countingReporter('.test-results/browser.json')],
  testFramework: {config: {ui: 'tdd', timeout: 10000}},
  testsFinishTimeout: 180000,
};
