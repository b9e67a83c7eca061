// Prints the one closing line CI reads: "N passed, N failed". Counts come from the vitest and
// Playwright JSON reports; a missing report and every failed non-test step count as failures.
import { existsSync, readFileSync } from 'node:fs';

const stepFailures = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = stepFailures;
let skipped = 0;

function read(file) {
  if (!existsSync(file)) {
    console.log(`report missing: ${file}`);
    failed += 1;
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  if (vitest.numTotalTests === 0) failed += 1;
}

const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
  skipped += e2e.stats.skipped;
  if (e2e.stats.expected + e2e.stats.unexpected === 0) failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
