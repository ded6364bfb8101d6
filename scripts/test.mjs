// `npm test`: everything that must pass, in the order that fails fastest.
import { spawnSync } from 'node:child_process';
import { browserPath } from '../tests/browsers.mjs';

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['source rules (ESLint)', 'npx', ['eslint', '.']],
  ['layers point down, no cycles (dependency-cruiser)', 'npx', ['depcruise', 'src', 'entrypoints', '--config', '.dependency-cruiser.cjs']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['store builds and zips (Chrome, Firefox + sources)', 'npm', ['run', 'zip', '--silent']],
  ['build (e2e, hosts granted)', 'npx', ['wxt', 'build'], { CARBON_GRANT_HOSTS: '1' }],
  ['build (e2e, hosts granted, Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox'], { CARBON_GRANT_HOSTS: '1' }],
  ['built manifests and files', 'npx', ['vitest', 'run', '--config', 'vitest.build.config.ts']],
  ['Chromium end to end', 'npx', ['playwright', 'test']],
  ['Firefox end to end', 'node', ['--test', '--test-concurrency=1', 'tests/firefox/']],
  ['web-ext lint (Firefox build)', 'node', ['scripts/lint-firefox.mjs']],
  ['benchmark smoke run (tiny sizes, no targets)', 'node', ['bench/run.mjs', '--smoke']],
];

for (const name of ['chromium', 'firefox']) {
  try {
    browserPath(name);
  } catch (error) {
    console.error(`\nnpm test needs real browsers: ${error.message}\n`);
    process.exit(1);
  }
}

const results = [];
for (const [name, cmd, args, env] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push([name, run.status === 0, seconds]);
  if (run.status !== 0) break;
}

console.log('\nnpm test summary');
for (const [name, ok, seconds] of results) console.log(`  ${ok ? '✓' : '✗'} ${name} (${seconds} s)`);
const failed = results.filter(([, ok]) => !ok).length;
const skipped = steps.length - results.length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed${skipped ? `, ${skipped} not run` : ''}`);
process.exit(failed || skipped ? 1 : 0);
