// A web-test-runner reporter that writes how many tests passed and failed to a JSON file, so
// scripts/test.mjs can print one "N passed, N failed" line for every suite together.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

const count = (suite, totals) => {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
  return totals;
};

export function countingReporter(file) {
  return {
    onTestRunFinished({sessions}) {
      const totals = {passed: 0, failed: 0, skipped: 0, errors: 0};
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && session.errors?.length) totals.errors += session.errors.length;
      }
      totals.failed += totals.errors;
      mkdirSync(dirname(file), {recursive: true});
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
